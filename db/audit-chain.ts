import { hash } from 'node:crypto';
import { GENESIS_HASH, nextHash, type ChainAnchor, type ChainRow } from '../core/audit-chain.js';
import type { Db } from './database.js';

/**
 * SHA-256 as the chain uses it (core/audit-chain.ts takes it as an argument to stay pure). The
 * one-shot `hash` takes a third of the time of `createHash(…).update(…).digest()`, and every
 * ticket issued pays for one.
 */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** The chain's end: the next event takes `seq + 1` and chains to `hash`. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** Rows sealed per transaction when the host opens an old database: the WAL stays small, and a crash keeps what was done. */
const SEAL_BATCH = 10_000;

const ROW_COLUMNS = 'seq, at, type, ticket_id AS ticketId, counter_id AS counterId, staff_id AS staffId, data, hash';

/** The chain's statements on one connection. */
export class ChainStatements {
  private readonly highestSeqGiven;
  private readonly lastRow;
  private readonly anchorRow;
  private readonly firstUnsealed;
  private readonly sealedAfter;
  private readonly rowBefore;
  private readonly unsealedFrom;
  private readonly seal;

  constructor(private readonly db: Db) {
    this.highestSeqGiven = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'");
    this.lastRow = db.prepare<[], { seq: number; hash: string | null }>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1');
    this.anchorRow = db.prepare<[], ChainAnchor>('SELECT seq, hash FROM audit_anchor WHERE id = 1');
    this.firstUnsealed = db.prepare<[], { seq: number }>('SELECT seq FROM events WHERE hash IS NULL ORDER BY seq LIMIT 1');
    this.sealedAfter = db.prepare<[number], { seq: number }>('SELECT seq FROM events WHERE seq > ? AND hash IS NOT NULL LIMIT 1');
    this.rowBefore = db.prepare<[number], { hash: string | null }>('SELECT hash FROM events WHERE seq < ? ORDER BY seq DESC LIMIT 1');
    this.unsealedFrom = db.prepare<[number, number], ChainRow>(`SELECT ${ROW_COLUMNS} FROM events WHERE seq >= ? AND hash IS NULL ORDER BY seq LIMIT ?`);
    this.seal = db.prepare<[string, number]>('UPDATE events SET hash = ? WHERE seq = ?');
  }

  /** The largest sequence number SQLite has handed out, whether or not that row still exists. */
  highestSeq(): number {
    return this.highestSeqGiven.get()?.seq ?? 0;
  }

  anchor(): ChainAnchor | null {
    return this.anchorRow.get() ?? null;
  }

  /**
   * Reads the head in the caller's transaction. Rows a tool added without a hash are sealed first:
   * they come before the next event in the chain. The number is SQLite's highest ever given, not
   * the last row's, so rows cut off the end stay a visible gap.
   */
  head(): ChainHead {
    let last = this.lastRow.get();
    if (last?.hash === null && this.sealTail() > 0) last = this.lastRow.get();
    return { seq: this.highestSeq(), hash: last?.hash ?? this.anchor()?.hash ?? GENESIS_HASH };
  }

  /**
   * Gives hashes to the rows written without one (before the chain existed, or by a tool writing
   * straight into the file), oldest first, in the caller's transaction; returns how many.
   */
  sealTail(): number {
    return this.unsealedTailStart() === null ? 0 : this.sealNext(-1);
  }

  /** As `sealTail`, in batches of their own transactions: for opening a large old database. */
  sealTailInBatches(): void {
    if (this.unsealedTailStart() === null) return;
    while (this.db.transaction(() => this.sealNext(SEAL_BATCH)).immediate() === SEAL_BATCH);
  }

  /**
   * Where the unsealed tail begins, or null when there is none. Only a *tail* is ever sealed: an
   * unsealed row with sealed rows after it can only be an edit made with the triggers removed,
   * and sealing it would hide that edit from verification.
   */
  private unsealedTailStart(): number | null {
    const first = this.firstUnsealed.get();
    return first && !this.sealedAfter.get(first.seq) ? first.seq : null;
  }

  /** Seals up to `limit` unsealed rows (-1: all), chaining on from the row before the first of them. */
  private sealNext(limit: number): number {
    const first = this.firstUnsealed.get();
    if (!first) return 0;
    let previous = this.rowBefore.get(first.seq)?.hash ?? this.anchor()?.hash ?? GENESIS_HASH;
    let sealed = 0;
    for (const row of this.unsealedFrom.all(first.seq, limit)) {
      previous = nextHash(sha256Hex, previous, row);
      this.seal.run(previous, row.seq);
      sealed++;
    }
    return sealed;
  }
}
