import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killHard, runHostUntilExit, runRestore, spawnHost, type ChildHost } from '../support/child-host.js';
import { ADMIN_PASSWORD, Client } from '../support/test-host.js';

// The lock is a POSIX lock held by a process, so every host here is a process of its own.
let dir: string;
const hosts: ChildHost[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-lock-'));
});
afterEach(async () => {
  for (const host of hosts.splice(0)) await killHard(host);
  rmSync(dir, { recursive: true, force: true });
});

async function startHostOn(dataDir: string): Promise<ChildHost> {
  const host = await spawnHost({ DATA_DIR: dataDir, ADMIN_PASSWORD });
  hosts.push(host);
  return host;
}

describe('one office host per data folder', () => {
  it('refuses a second host on the folder with exit code 3 and one line naming it; the first keeps serving', async () => {
    const first = await startHostOn(dir);
    const kiosk = new Client(first.url);
    expect((await kiosk.post('/api/tickets', { serviceCode: 'M' })).status).toBe(201);

    const second = await runHostUntilExit({ DATA_DIR: dir, ADMIN_PASSWORD });
    expect(second.code).toBe(3);
    expect(second.output.trim().split('\n')).toEqual([`Database error: The data folder ${dir} is in use by another office host (or a restore). Only one host may run per folder: stop the other one, or give this one its own DATA_DIR.`]);

    const after = await kiosk.post('/api/tickets', { serviceCode: 'M' });
    expect(after.status).toBe(201);
    expect(after.body.number).toBe('M002');
    expect((await kiosk.get('/api/health')).status).toBe(200);
  });

  it('is free again the moment a host is killed with SIGKILL: a new host starts on the folder at once', async () => {
    const first = await startHostOn(dir);
    const issued = (await new Client(first.url).post('/api/tickets', { serviceCode: 'P' })).body;
    await killHard(first);

    const second = await startHostOn(dir);
    const admin = new Client(second.url);
    await admin.login('admin', ADMIN_PASSWORD);
    expect((await admin.get(`/api/tickets/${issued.id}`)).body.number).toBe(issued.number);
  });

  it('refuses a restore into the folder while a host runs there, and allows it once the host is gone', async () => {
    const first = await startHostOn(dir);
    const admin = new Client(first.url);
    await admin.login('admin', ADMIN_PASSWORD);
    const backup = await admin.post('/api/admin/backup', {});
    expect(backup.status).toBe(201);

    const refused = await runRestore([backup.body.file, '--data-dir', dir]);
    expect(refused.code).toBe(3);
    expect(refused.output).toMatch(`Restore refused: the data folder ${dir} is in use by a running office host.`);

    await killHard(first);
    const restored = await runRestore([backup.body.file, '--data-dir', dir]);
    expect(restored.code, restored.output).toBe(0);
  });
});
