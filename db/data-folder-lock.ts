import path from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile } from './private-files.js';

/** The lock file in the data folder. It stays there between runs: see `lockDataFolder` for why. */
export const LOCK_FILE = 'office.lock';

/** Another process (a second office host, a running restore) holds the data folder. */
export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
  constructor(readonly folder: string) {
    super(`The data folder ${folder} is in use by another office host or a restore.`);
  }
}

export interface DataFolderLock {
  release(): void;
}

/**
 * Takes the data folder for this process, or throws DataFolderInUseError at once.
 *
 * The lock is SQLite's own file lock on a tiny database, `office.lock`, kept by a connection in
 * EXCLUSIVE locking mode: after `BEGIN EXCLUSIVE` it never gives the lock back until it is closed.
 * The operating system drops the lock when the process ends in any way, SIGKILL and power loss
 * included, so a crashed host never leaves a stale lock behind (a pid file would), and no new
 * dependency is needed.
 *
 * - Unix: SQLite locks with POSIX fcntl() locks. They belong to the process, not the connection:
 *   another connection in this process sees the lock too (SQLite keeps a table of its own locks
 *   per file), but closing ANY descriptor of the file drops them all, so nothing but SQLite may
 *   open `office.lock` (createPrivateFile never opens an existing file). Network file systems may
 *   not honour fcntl() locks; the data folder belongs on a local disk.
 * - Windows: SQLite locks byte ranges of the file with LockFileEx() on its handle. Windows releases
 *   them when the handle is closed, which it does for a process that exits or is killed — though
 *   its documentation allows a short delay after a kill before another process can take them.
 *
 * The file is never deleted: a process waiting on the old file while a new one is created would
 * let two holders believe they each have "the" lock. The office database itself cannot carry this
 * lock: in EXCLUSIVE mode nothing but the host's one connection could read it, and the statistics
 * exports and the audit verification read consistent snapshots on connections of their own.
 */
export function lockDataFolder(folder: string): DataFolderLock {
  const file = path.join(folder, LOCK_FILE);
  createPrivateFile(file);
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // No -journal file beside the lock: a transaction that writes nothing needs none on disk.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new DataFolderInUseError(folder);
    throw error;
  }
  return { release: () => db.close() };
}
