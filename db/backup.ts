import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupFileName, backupsToDelete } from '../core/backup-schedule.js';
import type { Db } from './database.js';
import { createPrivateFile, makePrivateFolder } from './private-files.js';

export interface BackupResult {
  /** The new backup file. */
  file: string;
  bytes: number;
  /** Older backups deleted to keep the configured number. */
  removed: string[];
}

/** A backup being written; renamed to its final name only once complete. */
const UNFINISHED = /^\.office-.+\.partial$/;
/** A backup of an office database takes seconds; an unfinished file this old was left by a host that stopped mid-backup. */
const ABANDONED_AFTER_MS = 60 * 60_000;

/**
 * Copies the live database into `folder` with SQLite's online backup API, then deletes all but the
 * newest `keep` backups there.
 *
 * better-sqlite3 copies a hundred pages per turn of the event loop, so the host keeps answering
 * meanwhile. The host writes through this same connection, and SQLite carries such writes into the
 * copy as they happen: the backup is consistent as of the moment it completes and holds every
 * change committed before it started. The copy is written under a temporary name and renamed when
 * complete, so a file named `office-….sqlite` is always a whole backup. Folder and files are
 * readable by this user only, like the data folder.
 */
export async function backupDatabase(db: Db, options: { folder: string; keep: number; now: number }): Promise<BackupResult> {
  makePrivateFolder(options.folder);
  const file = path.join(options.folder, backupFileName(options.now));
  const unfinished = path.join(options.folder, `.${path.basename(file)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    // Made private before SQLite writes into it; the rename keeps the mode.
    createPrivateFile(unfinished);
    await db.backup(unfinished);
    useRollbackJournal(unfinished);
    renameSync(unfinished, file);
  } finally {
    rmSync(unfinished, { force: true });
  }
  return { file, bytes: statSync(file).size, removed: pruneBackups(options.folder, options.keep) };
}

/** Deletes all but the newest `keep` backups in `folder`, and unfinished ones long abandoned. Returns the deleted backups' names. */
export function pruneBackups(folder: string, keep: number): string[] {
  const names = readdirSync(folder);
  const removed = backupsToDelete(names, keep);
  for (const name of removed) rmSync(path.join(folder, name), { force: true });
  for (const name of names.filter((n) => UNFINISHED.test(n))) {
    const file = path.join(folder, name);
    // File times are wall-clock times, so this compares with the real clock, not the host's.
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && Date.now() - modified > ABANDONED_AFTER_MS) rmSync(file, { force: true });
  }
  return removed;
}

/**
 * The copy carries the live database's WAL flag. Switched to a rollback journal, the backup is one
 * self-contained file: copied to a USB stick or a share on its own, it lacks nothing.
 */
function useRollbackJournal(file: string): void {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
