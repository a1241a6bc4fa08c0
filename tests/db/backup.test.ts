import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, pruneBackups } from '../../db/backup.js';
import { openDatabase, schemaVersion, type Db } from '../../db/database.js';
import { MIGRATIONS } from '../../db/migrations/index.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'db-backup-'));
  db = openDatabase(path.join(dir, 'office.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const NIGHT = Date.parse('2026-11-25T01:00:00Z'); // 02:00 in Copenhagen
const DAY = 24 * 3_600_000;
const folder = () => path.join(dir, 'backups');

function addSetting(key: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, '"x"');
}

describe('backing up the live database', () => {
  it('writes one self-contained file named by the Copenhagen time, holding everything committed', async () => {
    addSetting('before');
    const result = await backupDatabase(db, { folder: folder(), keep: 14, now: NIGHT });
    expect(result.file).toBe(path.join(folder(), 'office-2026-11-25T0200.sqlite'));
    expect(readdirSync(folder())).toEqual(['office-2026-11-25T0200.sqlite']);

    const copy = new Database(result.file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT key FROM settings').all()).toEqual([{ key: 'before' }]);
    expect(schemaVersion(copy)).toBe(MIGRATIONS.length);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(result.bytes).toBeGreaterThan(0);
  });

  it('keeps the newest N backups and leaves other files in the folder alone', async () => {
    for (let night = 0; night < 5; night++) await backupDatabase(db, { folder: folder(), keep: 3, now: NIGHT + night * DAY });
    writeFileSync(path.join(folder(), 'document-hash.key'), 'k');
    const last = await backupDatabase(db, { folder: folder(), keep: 3, now: NIGHT + 5 * DAY });
    expect(last.removed).toEqual(['office-2026-11-27T0200.sqlite']);
    expect(readdirSync(folder()).sort()).toEqual([
      'document-hash.key',
      'office-2026-11-28T0200.sqlite',
      'office-2026-11-29T0200.sqlite',
      'office-2026-11-30T0200.sqlite',
    ]);
  });

  it('replaces a backup taken in the same minute by the newer one', async () => {
    await backupDatabase(db, { folder: folder(), keep: 14, now: NIGHT });
    addSetting('later');
    await backupDatabase(db, { folder: folder(), keep: 14, now: NIGHT + 20_000 });
    expect(readdirSync(folder())).toEqual(['office-2026-11-25T0200.sqlite']);
    const copy = new Database(path.join(folder(), 'office-2026-11-25T0200.sqlite'), { readonly: true });
    expect(copy.prepare('SELECT key FROM settings').all()).toEqual([{ key: 'later' }]);
    copy.close();
  });

  it('leaves no file behind when the backup fails', async () => {
    db.close();
    await expect(backupDatabase(db, { folder: folder(), keep: 14, now: NIGHT })).rejects.toThrow();
    expect(readdirSync(folder())).toEqual([]);
    db = openDatabase(path.join(dir, 'office.sqlite'));
  });

  it('removes unfinished backups abandoned long ago, not one being written', async () => {
    await backupDatabase(db, { folder: folder(), keep: 14, now: NIGHT });
    const abandoned = path.join(folder(), '.office-2026-11-20T0200.sqlite.0a1b2c3d.partial');
    const beingWritten = path.join(folder(), '.office-2026-11-25T0201.sqlite.4e5f6a7b.partial');
    writeFileSync(abandoned, 'half');
    writeFileSync(beingWritten, 'half');
    const twoHoursAgo = (Date.now() - 2 * 3_600_000) / 1000;
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
    expect(pruneBackups(folder(), 14)).toEqual([]);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(beingWritten)).toBe(true);
    expect(existsSync(path.join(folder(), 'office-2026-11-25T0200.sqlite'))).toBe(true);
  });
});
