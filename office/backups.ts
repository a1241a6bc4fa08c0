import { constants, copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { newestBackupAt, nextBackupDue } from '../core/backup-schedule.js';
import { backupDatabase, type BackupResult } from '../db/backup.js';
import type { Db } from '../db/database.js';
import { DOCUMENT_HASH_KEY_FILE } from '../db/document-hash-key.js';

/**
 * Timers can fire a few milliseconds before the wall clock reaches their time (libuv measures from
 * its cached loop time); a second's slack keeps a nightly backup's name on the planned minute.
 */
const TIMER_SLACK_MS = 1000;

/** Where backups go and how many are kept (from the host's configuration). */
export interface BackupConfig {
  dataDir: string;
  backupDir: string;
  backupKeep: number;
  /** When the nightly backup runs, in minutes after midnight Copenhagen time. */
  backupTime: number;
  clock: () => number;
}

/**
 * Backs up the office database into BACKUP_DIR and keeps the newest BACKUP_KEEP backups.
 *
 * The document-hash key is copied into the folder once, never overwritten: it never changes for an
 * office, and a key already there is the one the older backups' document hashes were made with.
 * Without it a restored office still works; only repeated scans from before the restore go
 * unrecognised.
 */
export async function runBackup(config: BackupConfig, db: Db): Promise<BackupResult> {
  const result = await backupDatabase(db, { folder: config.backupDir, keep: config.backupKeep, now: config.clock() });
  try {
    copyFileSync(path.join(config.dataDir, DOCUMENT_HASH_KEY_FILE), path.join(config.backupDir, DOCUMENT_HASH_KEY_FILE), constants.COPYFILE_EXCL);
  } catch (error) {
    // EEXIST: the copy is there already (kept, see above). ENOENT: the office has no key to copy.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOENT') throw error;
  }
  return result;
}

export interface NightlyBackups {
  /** Cancels the next backup and waits for one that is running, so the database can be closed. */
  stop(): Promise<void>;
}

/**
 * Runs `runBackup` every night at BACKUP_TIME (Copenhagen), and soon after start when a night was
 * missed because the PC was off. The timer does not keep the process alive.
 */
export function scheduleNightlyBackups(
  config: BackupConfig,
  db: Db,
  report: { done: (result: BackupResult) => void; failed: (error: unknown) => void },
): NightlyBackups {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const planNext = () => {
    const now = config.clock();
    const due = nextBackupDue({ now, minute: config.backupTime, newestBackupAt: newestBackupAt(listFolder(config.backupDir)) });
    timer = setTimeout(runNow, due - now + TIMER_SLACK_MS).unref();
  };
  const runNow = () => {
    running = runBackup(config, db)
      .then(report.done, report.failed)
      .finally(() => {
        if (!stopped) planNext();
      });
  };

  planNext();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** The folder's file names; none when it cannot be read yet (the backup that follows reports why). */
function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
