import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
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
  mountOrExplain(['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', folder], folder, `a ${megabytes} MB tmpfs`);
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
    unmount: () => unmountAndRemove(folder),
  };
}

export interface BreakableDisk {
  folder: string;
  /**
   * Makes the file system fail as a dying disk does: ext4 records an error and, mounted with
   * errors=remount-ro, turns itself read-only at once. Every write from then on fails with EROFS,
   * to files already open for writing too. Only an unmount and a file system check bring it back.
   */
  turnReadOnly(): void;
  /** What IT does after such an error (with nothing open on it): unmount, e2fsck, mount again. */
  checkAndRemount(): void;
  unmount(): void;
}

/** A real ext4 file system of `megabytes` in an image file on a loop device. */
export function mountBreakableDisk(megabytes: number): BreakableDisk {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-ext4-disk-'));
  const image = `${folder}.img`;
  const mount = () => mountOrExplain(['-o', 'loop,errors=remount-ro', image, folder], folder, `a ${megabytes} MB ext4 image on a loop device`);
  try {
    execFileSync('truncate', ['-s', `${megabytes}M`, image], { stdio: 'pipe' });
    execFileSync('mkfs.ext4', ['-q', image], { stdio: 'pipe' });
  } catch (error) {
    rmSync(image, { force: true });
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`Cannot make an ext4 image (${(error as Error).message}); the disk fault test needs truncate and mkfs.ext4 (e2fsprogs).`);
  }
  try {
    mount();
  } catch (error) {
    rmSync(image, { force: true });
    throw error;
  }
  return {
    folder,
    turnReadOnly: () => {
      const device = path.basename(execFileSync('findmnt', ['-no', 'SOURCE', folder]).toString().trim());
      writeFileSync(`/sys/fs/ext4/${device}/trigger_fs_error`, 'disk fault test');
    },
    checkAndRemount: () => {
      execFileSync('umount', [folder], { stdio: 'pipe' });
      // Exit code 1 means "errors corrected", which is the point.
      try {
        execFileSync('e2fsck', ['-fy', image], { stdio: 'pipe' });
      } catch (error) {
        if ((error as { status?: number }).status !== 1) throw error;
      }
      mount();
    },
    unmount: () => {
      unmountAndRemove(folder);
      rmSync(image, { force: true });
    },
  };
}

function mountOrExplain(args: string[], folder: string, what: string): void {
  try {
    execFileSync('mount', args, { stdio: 'pipe' });
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    const why = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    throw new Error(
      `Cannot mount ${what} for the disk fault test (${why}). It needs Linux and root, as CI has. ` +
        `On a machine that cannot mount, set ${CANNOT_MOUNT_ENV}=1 to leave it out.`,
    );
  }
}

function unmountAndRemove(folder: string): void {
  if (isMounted(folder)) {
    try {
      execFileSync('umount', [folder], { stdio: 'pipe' });
    } catch {
      // Something still has a file open there (a test that failed half-way): detach it anyway.
      execFileSync('umount', ['-l', folder], { stdio: 'pipe' });
    }
  }
  rmSync(folder, { recursive: true, force: true });
}

function isMounted(folder: string): boolean {
  try {
    execFileSync('findmnt', ['--mountpoint', folder], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
