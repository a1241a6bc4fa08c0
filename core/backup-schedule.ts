import { instantOnOfficeDay, isOfficeDay, minuteOfOfficeDay, nextOfficeDay, officeDayOf } from './office-day.js';

/**
 * When the nightly database backup runs and which backups are kept. Backup files are named by the
 * Copenhagen time they were taken (`office-2026-11-25T0200.sqlite`): the name is what an office's
 * IT person sees in the folder, and names sort in time order.
 */

const BACKUP_NAME = /^office-(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3])([0-5]\d)\.sqlite$/;
const MINUTE_MS = 60_000;

/**
 * A backup that was missed (the PC was off at night, or the last attempt failed) is taken this
 * long after the host starts or the failure: soon, but not in the middle of starting up, and a
 * failing disk is not hammered.
 */
export const MISSED_BACKUP_DELAY_MINUTES = 10;

/** The first instant after `after` at which Copenhagen's clock shows `minute`. */
export function nextOccurrence(after: number, minute: number): number {
  let day = officeDayOf(after);
  let at = instantOnOfficeDay(day, minute);
  while (at <= after) {
    day = nextOfficeDay(day);
    at = instantOnOfficeDay(day, minute);
  }
  return at;
}

/**
 * When the next backup is due: at the backup time following the newest backup. If that time has
 * passed, or there is no backup at all, one is due shortly. A newest backup dated in the future
 * (a PC clock that was once wrong) counts as taken now, so it cannot stop the nightly backups.
 */
export function nextBackupDue(input: { now: number; minute: number; newestBackupAt: number | null }): number {
  const soon = input.now + MISSED_BACKUP_DELAY_MINUTES * MINUTE_MS;
  if (input.newestBackupAt === null) return soon;
  const due = nextOccurrence(Math.min(input.newestBackupAt, input.now), input.minute);
  return due <= input.now ? soon : due;
}

/** The file name of a backup taken at `at`, in Copenhagen time to the minute. */
export function backupFileName(at: number): string {
  const minute = minuteOfOfficeDay(at);
  const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}${String(minute % 60).padStart(2, '0')}`;
  return `office-${officeDayOf(at)}T${hhmm}.sqlite`;
}

/** When the backup named `name` was taken (to the minute), or null when the name is not a backup's. */
export function backupTakenAt(name: string): number | null {
  const match = BACKUP_NAME.exec(name);
  if (!match || !isOfficeDay(match[1]!)) return null;
  return instantOnOfficeDay(match[1]!, Number(match[2]) * 60 + Number(match[3]));
}

/** The newest backup's time among the files of a folder, or null when it holds none. */
export function newestBackupAt(names: readonly string[]): number | null {
  const newest = backupNamesNewestFirst(names)[0];
  return newest === undefined ? null : backupTakenAt(newest);
}

/** The backups to delete so the newest `keep` remain. Files that are not backups are never chosen. */
export function backupsToDelete(names: readonly string[], keep: number): string[] {
  return backupNamesNewestFirst(names).slice(Math.max(keep, 0));
}

function backupNamesNewestFirst(names: readonly string[]): string[] {
  return names.filter((name) => backupTakenAt(name) !== null).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}
