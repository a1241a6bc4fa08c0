import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHostUntilExit } from '../support/child-host.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'startup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The printed output must be one explanation, not a stack trace. */
function expectPlainMessage(output: string): void {
  expect(output).not.toMatch(/\n\s+at /);
}

describe('a host that cannot start says why and exits with a code', () => {
  it('2 for a configuration error', async () => {
    const { code, output } = await runHostUntilExit({ DATA_DIR: dir, HOST: '0.0.0.0' });
    expect(code).toBe(2);
    expect(output).toMatch(/Configuration error: .*ALLOW_INSECURE_LAN/);
    expectPlainMessage(output);
  });

  it('2 for a host name in ALLOWED_HOSTS that is none', async () => {
    const { code, output } = await runHostUntilExit({ DATA_DIR: dir, ALLOWED_HOSTS: 'kiosk.office.local:8080' });
    expect(code).toBe(2);
    expect(output).toMatch(/Configuration error: ALLOWED_HOSTS must be host names .*"kiosk.office.local:8080"/);
    expectPlainMessage(output);
  });

  it('3 for a data folder it cannot create', async () => {
    // A folder below a plain file cannot exist, even for root (who ignores permission bits).
    const file = path.join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const { code, output } = await runHostUntilExit({ DATA_DIR: path.join(file, 'data') });
    expect(code).toBe(3);
    expect(output).toMatch(/Database error: Cannot create the data folder/);
    expectPlainMessage(output);
  });

  it('3 for a database locked by another program', async () => {
    // Another process holds an exclusive lock on the office database, like a second host would.
    const locker = spawn(
      process.execPath,
      [
        '-e',
        `const db = require('better-sqlite3')(${JSON.stringify(path.join(dir, 'office.sqlite'))});
         db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE'); db.exec('CREATE TABLE hold (x)');
         console.log('locked'); setTimeout(() => {}, 60000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => locker.stdout!.once('data', () => resolve()));
      const { code, output } = await runHostUntilExit({ DATA_DIR: dir });
      expect(code).toBe(3);
      expect(output).toMatch(/locked by another program/);
      expectPlainMessage(output);
    } finally {
      locker.kill('SIGKILL');
    }
  });

  it('4 for a port already in use', async () => {
    const net = await import('node:net');
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, output } = await runHostUntilExit({ DATA_DIR: dir, PORT: String(port), ADMIN_PASSWORD: 'x-password-1' });
      expect(code).toBe(4);
      expect(output).toMatch(/Cannot listen/);
      expectPlainMessage(output);
    } finally {
      blocker.close();
    }
  });
});
