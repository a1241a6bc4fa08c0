import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/config.js';
import { makeMrz, shiftIsoDate } from '../support/mrz-generator.js';
import { cannotMount, mountSmallDisk, type SmallDisk } from '../support/small-disk.js';
import { readEventLog, sequenceFaults, sessionCookie } from '../support/sse.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type JsonResponse, type TestHost } from '../support/test-host.js';

const TODAY = new Date().toISOString().slice(0, 10);
const MRZ = makeMrz({ kind: 'passport', issuingState: 'DNK', birthDate: shiftIsoDate(TODAY, { years: -40 }), expiryDate: shiftIsoDate(TODAY, { years: 3 }) });

/** One request of every kind of write the office makes. */
interface Writers {
  url: string;
  kiosk: Client;
  clerk: Client;
  admin: Client;
}
const WRITES: Record<string, (w: Writers) => Promise<JsonResponse>> = {
  'ticket issue (group commit)': (w) => w.kiosk.post('/api/tickets', { serviceCode: 'M' }),
  'counter action (call next)': (w) => w.clerk.post('/api/counters/1/call-next', {}),
  'ID check': (w) => w.kiosk.post('/api/id-checks', { mrz: MRZ }),
  'configuration change': (w) => w.admin.request('PUT', '/api/config/retention', { ticketDetailDays: 400 }),
  'login (a new session)': (w) => new Client(w.url).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }),
};

describe.skipIf(cannotMount)('a disk that fills up while the host runs', () => {
  let disk: SmallDisk;
  let running: TestHost | undefined;
  let dataDir: string;
  let writers: Writers;
  const clock = new TestClock(Date.now());
  const acknowledged: Array<{ id: number; number: string }> = [];

  beforeAll(async () => {
    disk = mountSmallDisk(8);
    dataDir = path.join(disk.folder, 'data');
    running = await startTestHost({ clock: clock.read }, { DATA_DIR: dataDir });
    const url = running.url;
    const [clerk] = await clerks(url, 1);
    const admin = new Client(url);
    await admin.login('admin', ADMIN_PASSWORD);
    writers = { url, kiosk: new Client(url), clerk: clerk!, admin };
    expect((await clerk!.post('/api/counters/1/open', {})).status).toBe(200);
    for (const serviceCode of ['M', 'P']) {
      const issued = await writers.kiosk.post('/api/tickets', { serviceCode });
      expect(issued.status).toBe(201);
      acknowledged.push({ id: issued.body.id, number: issued.body.number });
    }
    // Commits append to the -wal file and reuse its space once a checkpoint has reset it, so a full
    // disk shows when the file must grow. Starting from an empty -wal, every commit must.
    const checkpoint = new Database(path.join(dataDir, DATABASE_FILE));
    checkpoint.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint.close();
  });

  afterAll(async () => {
    try {
      await running?.stop();
    } finally {
      disk?.unmount();
    }
  });

  it('answers every kind of write 503 not_saved while no byte is free, and stores none of them', async () => {
    disk.fill();
    for (const [kind, write] of Object.entries(WRITES)) {
      const answer = await write(writers);
      expect({ kind, status: answer.status, code: answer.body?.error?.code }).toEqual({ kind, status: 503, code: 'not_saved' });
    }
    // Reading still works, also when the session's last-seen time is due to be written (and cannot
    // be), and shows only what was acknowledged: both tickets still wait.
    clock.advanceMinutes(2);
    const queue = await writers.clerk.get('/api/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.map((t: { number: string }) => t.number).sort()).toEqual(acknowledged.map((t) => t.number).sort());
  });

  it('works again as soon as space returns, numbering on without a gap and with an intact audit chain', async () => {
    disk.free();
    for (const [kind, write] of Object.entries(WRITES)) {
      const answer = await write(writers);
      expect({ kind, ok: answer.status >= 200 && answer.status < 300 }, JSON.stringify(answer.body)).toEqual({ kind, ok: true });
    }
    const ticket = await writers.kiosk.post('/api/tickets', { serviceCode: 'P' });
    expect(ticket.body.number).toBe('P002');
    const verify = await writers.admin.post('/api/audit/verify', {});
    expect(verify.body).toMatchObject({ ok: true });
    const log = await readEventLog(writers.url, await sessionCookie(writers.url, 'admin', ADMIN_PASSWORD));
    expect(sequenceFaults(log.map((e) => e.seq))).toEqual({ missing: [], outOfOrder: [] });
  });

  it('has kept every acknowledged ticket through a restart', async () => {
    await running!.stop();
    running = undefined;
    running = await startTestHost({ clock: clock.read }, { DATA_DIR: dataDir });
    const admin = new Client(running.url);
    await admin.login('admin', ADMIN_PASSWORD);
    for (const ticket of acknowledged) expect((await admin.get(`/api/tickets/${ticket.id}`)).body.number).toBe(ticket.number);
  });
});
