import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupDatabase, type BackupResult } from '../../db/backup.js';
import { openDatabase, type Db } from '../../db/database.js';
import { scheduleNightlyBackups, type NightlyBackups } from '../../office/backups.js';
import { ConfigError, loadConfig, type HostConfig } from '../../server/config.js';
import { loadOrCreateDocumentHashKey } from '../../db/document-hash-key.js';

const load = (env: NodeJS.ProcessEnv) => loadConfig(env, { rendererDir: '/tmp/renderer' });

describe('backup configuration', () => {
  it('defaults to <DATA_DIR>/backups, 14 kept, at 02:00', () => {
    const config = load({ DATA_DIR: '/srv/office' });
    expect(config).toMatchObject({ backupDir: '/srv/office/backups', backupKeep: 14, backupTime: 120 });
  });

  it('takes BACKUP_DIR, BACKUP_KEEP and BACKUP_TIME', () => {
    expect(load({ BACKUP_DIR: '/mnt/usb/office', BACKUP_KEEP: '30', BACKUP_TIME: '23:15' })).toMatchObject({
      backupDir: '/mnt/usb/office',
      backupKeep: 30,
      backupTime: 23 * 60 + 15,
    });
  });

  it('explains bad values instead of guessing', () => {
    expect(() => load({ BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP must be a whole number from 1/);
    expect(() => load({ BACKUP_KEEP: 'all' })).toThrow(ConfigError);
    expect(() => load({ BACKUP_TIME: '2' })).toThrow(/BACKUP_TIME must be a time of day as HH:MM/);
    expect(() => load({ BACKUP_TIME: '24:00' })).toThrow(ConfigError);
  });
});

const at = (isoUtc: string) => Date.parse(isoUtc);
const MINUTE = 60_000;

let dir: string;
let db: Db;
let config: HostConfig;
let nightly: NightlyBackups | undefined;
const done: BackupResult[] = [];
const failed: unknown[] = [];

beforeEach(() => {
  // Only the schedule's timer and the clock are faked; the backup itself does real I/O.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  dir = mkdtempSync(path.join(os.tmpdir(), 'nightly-'));
  db = openDatabase(path.join(dir, 'office.sqlite'));
  loadOrCreateDocumentHashKey(dir);
  config = load({ DATA_DIR: dir, BACKUP_KEEP: '3' });
  done.length = 0;
  failed.length = 0;
});
afterEach(async () => {
  await nightly?.stop();
  nightly = undefined;
  vi.useRealTimers();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(): void {
  nightly = scheduleNightlyBackups(config, db, { done: (result) => done.push(result), failed: (error) => failed.push(error) });
}

/** Lets the backup's real I/O run until `count` results are in. */
async function settle(count: number): Promise<void> {
  for (let turns = 0; done.length + failed.length < count; turns++) {
    if (turns > 100_000) throw new Error('the backup did not finish');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const names = () => readdirSync(config.backupDir).sort();

describe('the nightly backup', () => {
  it('runs at 02:00 Copenhagen time, not before, and again the next night', async () => {
    vi.setSystemTime(at('2026-11-24T01:00:30Z'));
    await backupDatabase(db, { folder: config.backupDir, keep: 3, now: Date.now() });
    vi.setSystemTime(at('2026-11-25T00:58:00Z')); // 01:58
    start();

    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(done).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    await settle(1);
    expect(failed).toEqual([]);
    expect(path.basename(done[0]!.file)).toBe('office-2026-11-25T0200.sqlite');
    // The key that makes the document hashes goes with the backups (README, Backup and restore).
    expect(readFileSync(path.join(config.backupDir, 'document-hash.key'))).toEqual(readFileSync(path.join(dir, 'document-hash.key')));

    await vi.advanceTimersByTimeAsync(23 * 60 * MINUTE);
    expect(done).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(61 * MINUTE);
    await settle(2);
    expect(names()).toEqual(['document-hash.key', 'office-2026-11-24T0200.sqlite', 'office-2026-11-25T0200.sqlite', 'office-2026-11-26T0200.sqlite']);
  });

  it('catches up soon after start when the PC was off at night, then returns to 02:00', async () => {
    vi.setSystemTime(at('2026-11-23T01:00:00Z'));
    await backupDatabase(db, { folder: config.backupDir, keep: 3, now: Date.now() });
    vi.setSystemTime(at('2026-11-25T07:30:00Z')); // 08:30, two nights missed
    start();

    await vi.advanceTimersByTimeAsync(11 * MINUTE);
    await settle(1);
    expect(path.basename(done[0]!.file)).toBe('office-2026-11-25T0840.sqlite');
    await vi.advanceTimersByTimeAsync(17 * 60 * MINUTE + 21 * MINUTE); // 02:01 the next night
    await settle(2);
    expect(path.basename(done[1]!.file)).toBe('office-2026-11-26T0200.sqlite');
  });

  it('reports a failure and tries again ten minutes later', async () => {
    writeFileSync(path.join(dir, 'blocked'), '');
    config = { ...config, backupDir: path.join(dir, 'blocked', 'backups') };
    vi.setSystemTime(at('2026-11-25T10:00:00Z'));
    start();
    await vi.advanceTimersByTimeAsync(11 * MINUTE);
    await settle(1);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    await settle(2);
    expect(failed).toHaveLength(2);
    expect(done).toEqual([]);
  });

  it('once stopped, waits for a running backup and starts no other', async () => {
    vi.setSystemTime(at('2026-11-25T10:00:00Z'));
    start();
    await vi.advanceTimersByTimeAsync(11 * MINUTE);
    await nightly!.stop();
    expect(done).toHaveLength(1);
    expect(existsSync(done[0]!.file)).toBe(true);
    await vi.advanceTimersByTimeAsync(48 * 60 * MINUTE);
    expect(done).toHaveLength(1);
  });
});
