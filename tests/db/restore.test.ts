import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../db/backup.js';
import { openDatabase, type Db } from '../../db/database.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { restoreDatabase, RestoreRefusedError } from '../../db/restore.js';

let dir: string;
let backupFile: string;
const target = () => path.join(dir, 'data', 'office.sqlite');
const replaced = () => path.join(dir, 'data', 'replaced');

function settingsOf(db: Db): string[] {
  return db.prepare<[], { key: string }>('SELECT key FROM settings ORDER BY key').all().map((r) => r.key);
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'db-restore-'));
  mkdirSync(path.join(dir, 'data'));
  const source = openDatabase(path.join(dir, 'source.sqlite'));
  source.prepare("INSERT INTO settings (key, value) VALUES ('fromBackup', '1')").run();
  backupFile = (await backupDatabase(source, { folder: path.join(dir, 'backups'), keep: 14, now: Date.parse('2026-11-25T01:00:00Z') })).file;
  source.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('restoring a backup', () => {
  it('puts it in place and moves the replaced database, with its -wal and -shm, aside', () => {
    const current = openDatabase(target());
    current.prepare("INSERT INTO settings (key, value) VALUES ('current', '1')").run();
    current.close();
    // A host killed after its last write leaves that write in the -wal file only.
    const crashed = spawnSync(process.execPath, [
      '-e',
      `require('better-sqlite3')(${JSON.stringify(target())}).prepare("INSERT INTO settings (key, value) VALUES ('inWal', '1')").run();
       process.kill(process.pid, 'SIGKILL');`,
    ]);
    expect(crashed.signal).toBe('SIGKILL');
    expect(readFileSync(`${target()}-wal`).length).toBeGreaterThan(0);

    const result = restoreDatabase(backupFile, target(), replaced());
    expect(result.schemaVersion).toBe(MIGRATIONS.length);
    expect(result.movedAside.map((f) => path.basename(f))).toContain('office.sqlite');
    expect(readdirSync(path.dirname(target())).sort()).toEqual(['office.sqlite', 'replaced']);

    const restored = openDatabase(target());
    expect(settingsOf(restored)).toEqual(['fromBackup']);
    restored.close();
    const old = openDatabase(path.join(replaced(), 'office.sqlite'));
    expect(settingsOf(old)).toEqual(['current', 'inWal']);
    old.close();
  });

  it('restores into an empty data folder without moving anything', () => {
    expect(restoreDatabase(backupFile, target(), replaced()).movedAside).toEqual([]);
    expect(existsSync(replaced())).toBe(false);
    const restored = openDatabase(target());
    expect(settingsOf(restored)).toEqual(['fromBackup']);
    restored.close();
  });

  it('leaves the backup file as it was', () => {
    const before = readFileSync(backupFile);
    restoreDatabase(backupFile, target(), replaced());
    expect(readFileSync(backupFile).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(backupFile))).toEqual([path.basename(backupFile)]);
  });
});

describe('a restore refused changes nothing', () => {
  function expectRefused(file: string, reason: RegExp): void {
    const current = openDatabase(target());
    current.prepare("INSERT INTO settings (key, value) VALUES ('current', '1')").run();
    current.close();
    expect(() => restoreDatabase(file, target(), replaced())).toThrow(RestoreRefusedError);
    expect(() => restoreDatabase(file, target(), replaced())).toThrow(reason);
    expect(readdirSync(path.dirname(target())).filter((name) => !name.startsWith('office.sqlite-'))).toEqual(['office.sqlite']);
    const after = openDatabase(target());
    expect(settingsOf(after)).toEqual(['current']);
    after.close();
  }

  it('while a program has the database open', () => {
    const host = openDatabase(target());
    try {
      expect(() => restoreDatabase(backupFile, target(), replaced())).toThrow(/in use by a running office host/);
      expect(existsSync(replaced())).toBe(false);
      expect(settingsOf(host)).toEqual([]);
    } finally {
      host.close();
    }
  });

  it('for a file that does not exist', () => {
    expectRefused(path.join(dir, 'no-such.sqlite'), /There is no file/);
  });

  it('for a file that is not a database', () => {
    const file = path.join(dir, 'notes.sqlite');
    writeFileSync(file, 'Husk at tage backup'.repeat(500));
    expectRefused(file, /not a readable office database/);
  });

  it('for a backup cut short (copied half-way)', () => {
    const whole = readFileSync(backupFile);
    const file = path.join(dir, 'half.sqlite');
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    expectRefused(file, /damaged|not a readable office database/);
  });

  it('for a damaged backup', () => {
    const bytes = Buffer.from(readFileSync(backupFile));
    // Overwrite the pages after the schema page: the file still opens, its tables do not read.
    bytes.fill(0x55, 4096, bytes.length);
    const file = path.join(dir, 'damaged.sqlite');
    writeFileSync(file, bytes);
    expectRefused(file, /damaged|not a readable office database/);
  });

  it('for another program’s SQLite database', () => {
    const file = path.join(dir, 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    other.pragma('user_version = 2');
    other.close();
    expectRefused(file, /not an office database/);
  });

  it('for a backup made by a newer program', () => {
    const file = path.join(dir, 'newer.sqlite');
    writeFileSync(file, readFileSync(backupFile));
    const newer = new Database(file);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    expectRefused(file, /newer than this program knows/);
  });
});
