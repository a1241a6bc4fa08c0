import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killHard, spawnHost } from '../support/child-host.js';
import { ADMIN_PASSWORD, Client, startTestHost, type TestHost } from '../support/test-host.js';

// Windows has no Unix permission bits (chmod only sets the read-only flag): there the folder's ACL
// protects the data, and these assertions cannot hold.
const describeUnix = describe.skipIf(process.platform === 'win32');

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-modes-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** Every folder and file under `folder` (itself included, as '.') with its permission bits in octal. */
function modesUnder(folder: string): Record<string, string> {
  const modes: Record<string, string> = {};
  const visit = (relative: string) => {
    const full = path.join(folder, relative);
    const stat = statSync(full);
    modes[relative] = (stat.mode & 0o777).toString(8);
    if (stat.isDirectory()) for (const name of readdirSync(full)) visit(path.join(relative, name));
  };
  visit('.');
  return modes;
}

/** What a running office leaves in its folder: a database with its -wal and -shm, a ticket, a backup with the key beside it. */
async function useOffice(running: TestHost): Promise<void> {
  expect((await new Client(running.url).post('/api/tickets', { serviceCode: 'M' })).status).toBe(201);
  const admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
  expect((await admin.post('/api/admin/backup', {})).status).toBe(201);
}

function expectPrivate(folder: string, expectedFiles: RegExp[]): void {
  const modes = modesUnder(folder);
  for (const file of expectedFiles) expect(Object.keys(modes).some((name) => file.test(name)), `${file} in ${Object.keys(modes).join(', ')}`).toBe(true);
  const expected = Object.fromEntries(Object.keys(modes).map((name) => [name, statSync(path.join(folder, name)).isDirectory() ? '700' : '600']));
  expect(modes).toEqual(expected);
}

const OFFICE_FILES = [/^office\.sqlite$/, /^office\.sqlite-wal$/, /^office\.sqlite-shm$/, /^office\.lock$/, /^document-hash\.key$/, /^backups$/, /^backups\/office-.+\.sqlite$/, /^backups\/document-hash\.key$/];

describeUnix('the data folder is readable by the host’s user only', () => {
  it('a new data folder, its database files, the lock, the key and the backups: folders 0700, files 0600', async () => {
    const dataDir = path.join(base, 'new', 'data');
    const running = await startTestHost({}, { DATA_DIR: dataDir });
    try {
      await useOffice(running);
      expectPrivate(dataDir, OFFICE_FILES);
    } finally {
      await running.stop();
    }
  });

  it('an old data folder left 0755/0644, with backups and a restore’s replaced folder, is made 0700/0600 at start', async () => {
    const dataDir = path.join(base, 'data');
    const first = await startTestHost({}, { DATA_DIR: dataDir });
    await useOffice(first);
    await first.stop();
    mkdirSync(path.join(dataDir, 'replaced-2026-11-25T10-00-00-000Z'));
    writeFileSync(path.join(dataDir, 'replaced-2026-11-25T10-00-00-000Z', 'office.sqlite'), '');
    for (const [name, mode] of Object.entries(modesUnder(dataDir))) {
      chmodSync(path.join(dataDir, name), mode === '700' ? 0o755 : 0o644);
    }
    expect(Object.values(modesUnder(dataDir))).toContain('644');

    const second = await startTestHost({}, { DATA_DIR: dataDir });
    try {
      expect((await new Client(second.url).post('/api/tickets', { serviceCode: 'M' })).status).toBe(201);
      expectPrivate(dataDir, [...OFFICE_FILES, /^replaced-.+\/office\.sqlite$/]);
      expect(second.output.join('\n')).not.toMatch(/WARNING/);
    } finally {
      await second.stop();
    }
  });

  it('warns, and still starts, when a folder belongs to another user and cannot be changed', async () => {
    // Only root can hand a folder to another user (CI runs as root).
    if (process.getuid?.() !== 0) throw new Error('This test must run as root: it runs the host as "nobody" beside a folder that root owns.');
    const nobody = 65534;
    chmodSync(base, 0o755);
    const dataDir = path.join(base, 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chownSync(dataDir, nobody, nobody);
    const backupDir = path.join(base, 'backups');
    mkdirSync(backupDir, { mode: 0o755 });
    writeFileSync(path.join(backupDir, 'office-2026-11-25T0200.sqlite'), '', { mode: 0o644 });

    const host = await spawnHost({ DATA_DIR: dataDir, BACKUP_DIR: backupDir, ADMIN_PASSWORD }, { uid: nobody, gid: nobody });
    try {
      expect(host.output()).toContain(`WARNING: could not make ${backupDir} (EPERM), ${path.join(backupDir, 'office-2026-11-25T0200.sqlite')} (EPERM) readable by this user only`);
      expect((await new Client(host.url).post('/api/tickets', { serviceCode: 'M' })).status).toBe(201);
      expect(modesUnder(dataDir)['.']).toBe('700');
    } finally {
      await killHard(host);
    }
  });
});
