import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Set to 1 on a machine that cannot mount file systems (not Linux, not root, a locked-down
 * container): the disk fault tests are then reported as skipped. Anywhere else a failed mount
 * fails the test, so a CI machine that lost the right to mount does not quietly stop testing this.
 */
export const CANNOT_MOUNT_ENV = 'TEST_CANNOT_MOUNT';
export const cannotMount = process.env[CANNOT_MOUNT_ENV] === '1';

export interface SmallDisk {
  /** The mounted file system's root. */
  folder: string;
  /** Writes a file until the file system has no byte left. */
  fill(): void;
  /** Deletes that file: the space is back. */
  free(): void;
  /** Unmounts (lazily if something still has a file open there) and removes the mount point. */
  unmount(): void;
}

/**
 * A real file system of `megabytes` that really runs out of space: a tmpfs mounted by root. tmpfs
 * refuses a write that needs a page it cannot have with ENOSPC at once, as a full disk does
 * (a disk file system may notice only at fsync, which SQLite reports as an I/O error instead).
 */
export function mountSmallDisk(megabytes: number): SmallDisk {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', folder], { stdio: 'pipe' });
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    const why = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    throw new Error(
      `Cannot mount a ${megabytes} MB tmpfs for the disk fault test (${why}). It needs Linux and root, as CI has. ` +
        `On a machine that cannot mount, set ${CANNOT_MOUNT_ENV}=1 to leave it out.`,
    );
  }
  const filler = path.join(folder, 'filler');
  return {
    folder,
    fill: () => {
      const fd = openSync(filler, 'a');
      try {
        // Big writes first, then smaller ones for the last partly free pages.
        for (const size of [1 << 20, 1 << 16, 1 << 12, 1]) {
          const chunk = Buffer.alloc(size, 1);
          try {
            for (;;) writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    unmount: () => {
      try {
        execFileSync('umount', [folder], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['-l', folder], { stdio: 'pipe' });
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
