import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.js';
import { createPrivateFile } from './private-files.js';

export type Db = Database.Database;

export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/**
 * Opens (creating if needed) the office database and brings its schema up to date.
 *
 * - WAL lets the display and statistics read while a clerk writes.
 * - synchronous=FULL: a ticket number told to a citizen must survive a power cut, so every
 *   commit is on disk before the host answers.
 * - busy_timeout: a backup or a second process holding the lock briefly makes us wait, not fail.
 * - A new database file is created readable by this user only, and SQLite gives its -wal and -shm
 *   files the same mode.
 */
export function openDatabase(file: string): Db {
  let db: Db;
  try {
    createPrivateFile(file);
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    throw new DatabaseOpenError(explainOpenFailure(file, error));
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this program knows (${MIGRATIONS.length}); install the newer version of the program`,
    );
  }
  MIGRATIONS.slice(current).forEach((sql, index) => {
    const version = current + index + 1;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  });
}

/** SQLite's codes, and the file system's for the empty database file created first. */
const FOLDER_NOT_WRITABLE = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'ENOENT', 'EACCES', 'EPERM', 'EROFS']);

function explainOpenFailure(file: string, error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_BUSY' || /locked|busy/i.test(message)) {
    return `The database ${file} is locked by another program. Stop the other office host (only one may run per data folder) and start again.`;
  }
  if (FOLDER_NOT_WRITABLE.has(code) || /readonly|unable to open|cannot open/i.test(message)) {
    return `Cannot open the database ${file} for writing. Check that the folder exists and that this user may write to it (DATA_DIR).`;
  }
  return `Cannot open the database ${file}: ${message}`;
}
