import path from 'node:path';
import Database from 'better-sqlite3';
import { makeTempDir, removeTempDir } from './cleanup.js';
import { now, quantile, repeatBounded, type Bounds } from './harness.js';

export interface BareInsertRun {
  count: number;
  elapsedMs: number;
  /** Per-insert times in ms, for the latency baselines. */
  durationsMs: number[];
}

const WARMUP_INSERTS = 50;
/** Roughly what a ticket row plus its event row add to the database. */
const PAYLOAD = 'x'.repeat(300);

/**
 * The floor under every durable write of the host: one row, one transaction, with the pragmas of
 * db/database.ts (WAL, synchronous=FULL) in a temp folder on the same disk the benchmarks' hosts use.
 * Every issued ticket costs at least one such commit, so issuance figures are given relative to it.
 */
export async function measureBareInsert(bounds: Bounds): Promise<BareInsertRun> {
  const dir = makeTempDir('bare-insert');
  const db = new Database(path.join(dir, 'bare.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, payload TEXT NOT NULL)');
    const insert = db.prepare<[number, string]>('INSERT INTO rows (at, payload) VALUES (?, ?)');
    // BEGIN IMMEDIATE … COMMIT, like Store.write.
    const insertOne = db.transaction((at: number) => insert.run(at, PAYLOAD));
    for (let i = 0; i < WARMUP_INSERTS; i++) insertOne.immediate(Date.now());
    const durationsMs: number[] = [];
    const { count, elapsedMs } = await repeatBounded(bounds, () => {
      const start = now();
      insertOne.immediate(Date.now());
      durationsMs.push(now() - start);
    });
    return { count, elapsedMs, durationsMs };
  } finally {
    db.close();
    removeTempDir(dir);
  }
}

/** Runs taken in turn with the measured work, pooled, so a disk that gets busier half-way weighs on both. */
export function pooled(runs: readonly BareInsertRun[]): { perSecond: number; p50Ms: number; p99Ms: number } {
  const count = runs.reduce((sum, r) => sum + r.count, 0);
  const elapsedMs = runs.reduce((sum, r) => sum + r.elapsedMs, 0);
  const durations = runs.flatMap((r) => r.durationsMs);
  return { perSecond: count / (elapsedMs / 1000), p50Ms: quantile(durations, 0.5), p99Ms: quantile(durations, 0.99) };
}
