import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { schemaVersion } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import { makePrivateFolder, PRIVATE_FILE_MODE } from './private-files.js';

/** A restore that would lose data or install something that is not an office database. */
export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

/** Tables every version of the office schema has; a SQLite file without them is some other program's. */
const OFFICE_TABLES = ['services', 'staff', 'counters', 'tickets', 'events', 'settings'];
/** Files SQLite keeps beside a database; a stale one next to a restored database would be replayed into it. */
const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'];

export interface RestoreResult {
  schemaVersion: number;
  /** The files of the database that was replaced, as moved into the replaced folder (nothing is deleted). */
  movedAside: string[];
}

/**
 * Puts the backup `backupFile` in place of the database `databaseFile`. Refuses while a program
 * (an office host) has that database open, and refuses a backup that is damaged, is not an office
 * database or is newer than this program. The database it replaces, with its -wal and -shm files,
 * is moved into `replacedFolder`, so a restore of the wrong file can itself be undone.
 */
export function restoreDatabase(backupFile: string, databaseFile: string, replacedFolder: string): RestoreResult {
  if (!existsSync(backupFile)) throw new RestoreRefusedError(`There is no file ${backupFile}.`);
  if (isDatabaseInUse(databaseFile)) {
    throw new RestoreRefusedError(`The database ${databaseFile} is in use by a running office host. Stop the host first, then restore.`);
  }
  makePrivateFolder(path.dirname(databaseFile));
  // Checked as a copy beside its destination: the backup itself stays untouched (it may be on
  // read-only media), and the final rename cannot leave half a file behind. The copy takes the
  // backup's mode, which may have been loosened on its way here.
  const incoming = `${databaseFile}.restoring`;
  copyFileSync(backupFile, incoming);
  chmodSync(incoming, PRIVATE_FILE_MODE);
  let version: number;
  try {
    version = checkOfficeDatabase(incoming);
  } catch (error) {
    removeWithCompanions(incoming);
    throw error;
  }
  const movedAside: string[] = [];
  for (const file of [databaseFile, ...COMPANION_SUFFIXES.map((suffix) => databaseFile + suffix)]) {
    if (!existsSync(file)) continue;
    makePrivateFolder(replacedFolder);
    const target = path.join(replacedFolder, path.basename(file));
    renameSync(file, target);
    movedAside.push(target);
  }
  renameSync(incoming, databaseFile);
  return { schemaVersion: version, movedAside };
}

/**
 * Whether a program has the database open. An office host holds it open for as long as it runs,
 * so an exclusive lock cannot be had; a database nobody uses gives one at once.
 */
export function isDatabaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    // A file SQLite cannot read as a database (damaged, the reason for restoring) is no host's working database.
    const code = (error as { code?: string }).code;
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
  } finally {
    db.close();
  }
}

/** The schema version of an intact office database at `file`; throws RestoreRefusedError saying what is wrong otherwise. */
export function checkOfficeDatabase(file: string): number {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    const problems = db.pragma('integrity_check') as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') {
      throw new RestoreRefusedError(`The file is damaged (SQLite's integrity check: ${problems[0]?.integrity_check.split('\n').slice(0, 2).join(' ')}).`);
    }
    const version = schemaVersion(db);
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name));
    if (version < 1 || !OFFICE_TABLES.every((table) => tables.has(table))) {
      throw new RestoreRefusedError('The file is an SQLite database, but not an office database.');
    }
    if (version > MIGRATIONS.length) {
      throw new RestoreRefusedError(`The backup has schema version ${version}, newer than this program knows (${MIGRATIONS.length}). Install the newer program, then restore.`);
    }
    return version;
  } catch (error) {
    if (error instanceof RestoreRefusedError) throw error;
    throw new RestoreRefusedError(`The file is not a readable office database (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    db?.close();
  }
}

function removeWithCompanions(file: string): void {
  for (const name of [file, ...COMPANION_SUFFIXES.map((suffix) => file + suffix)]) rmSync(name, { force: true });
}
