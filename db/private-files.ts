import { chmodSync, mkdirSync, readdirSync, writeFileSync, type Dirent } from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds password hashes, booking names and the audit log, and the backups hold the
 * same: only the host's own user may read them. (On Windows, chmod only sets or clears the
 * read-only flag and these modes leave files writable; there the folder's ACL, inherited from the
 * user's profile or set by IT, is what keeps other users out.)
 */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Folders `npm run restore` moves a replaced database into; they hold a whole office database each. */
export const REPLACED_FOLDER_PREFIX = 'replaced-';

/** Creates `folder` (and missing parents) readable by this user only. */
export function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
}

/**
 * Creates `file` empty and readable by this user only, unless it exists. SQLite creates a database
 * with 0644 (less the umask) and its -wal, -shm and journal files with the database file's own
 * mode, so a database file made here first keeps all of them private. An empty file is an empty
 * SQLite database.
 *
 * 'wx' never opens a file that exists: closing any descriptor of a file drops every POSIX lock this
 * process holds on it, SQLite's included (see data-folder-lock.ts).
 */
export function createPrivateFile(file: string): void {
  try {
    writeFileSync(file, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Makes the data folder and the backup folder private as they are found at start: folders left
 * 0755 and files 0644 by an older version, a copied folder or a restore. The folder itself, the
 * files directly in it and the restore's `replaced-…` folders; nothing deeper, and no symbolic
 * link is followed. A chmod that fails (a folder that belongs to another user, a share without
 * Unix permissions) is reported through `warn` and the host starts anyway: refusing would close the
 * office over something the IT person can fix in the afternoon.
 */
export function makeDataPrivate(folders: { dataDir: string; backupDir: string }, warn: (line: string) => void): void {
  const failures: string[] = [];
  const chmod = (target: string, mode: number) => {
    try {
      chmodSync(target, mode);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      // Gone since it was listed (a backup pruned meanwhile): nothing to protect.
      if (code !== 'ENOENT') failures.push(`${target} (${code})`);
    }
  };
  const makeFolderPrivate = (folder: string, entries: Dirent[]) => {
    chmod(folder, PRIVATE_FOLDER_MODE);
    for (const entry of entries) if (entry.isFile()) chmod(path.join(folder, entry.name), PRIVATE_FILE_MODE);
  };
  for (const folder of new Set([folders.dataDir, folders.backupDir])) {
    const entries = listFolder(folder, failures);
    if (entries === null) continue;
    makeFolderPrivate(folder, entries);
    if (folder !== folders.dataDir) continue;
    for (const entry of entries) {
      if (!entry.isDirectory() || !entry.name.startsWith(REPLACED_FOLDER_PREFIX)) continue;
      const replaced = path.join(folder, entry.name);
      const inside = listFolder(replaced, failures);
      if (inside !== null) makeFolderPrivate(replaced, inside);
    }
  }
  if (failures.length > 0) {
    warn(
      `WARNING: could not make ${failures.join(', ')} readable by this user only; other users of this PC may read the office's data. ` +
        'Give the folder to the user that runs the host, or set its permissions by hand (folders 700, files 600).',
    );
  }
}

/** The folder's entries; null when it does not exist yet (the backup folder before the first backup) or cannot be read. */
function listFolder(folder: string, failures: string[]): Dirent[] | null {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code !== 'ENOENT') failures.push(`${folder} (${code})`);
    return null;
  }
}
