import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/config.js';
import { makeMrz, shiftIsoDate } from '../support/mrz-generator.js';
import { cannotMount, mountBreakableDisk, mountSmallDisk, type BreakableDisk, type SmallDisk } from '../support/small-disk.js';
import { readEventLog, sequenceFaults, sessionCookie } from '../support/sse.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type JsonResponse, type TestHost } from '../support/test-host.js';

const TODAY = new Date().toISOString().slice(0, 10);
const MRZ = makeMrz({ kind: 'passport', issuingState: 'DNK', birthDate: shiftIsoDate(TODAY, { years: -40 }), expiryDate: shiftIsoDate(TODAY, { years: 3 }) });

/** A running office on `dataDir`: a clerk at a counter, the kiosk, the admin, and the tickets it acknowledged. */
interface Office {
  running: TestHost;
  url: string;
  counterId: number;
  kiosk: Client;
  clerk: Client;
  admin: Client;
  acknowledged: Array<{ id: number; number: string }>;
}

/** One request of every kind of write the office makes. */
const WRITES: Record<string, (office: Office) => Promise<JsonResponse>> = {
  'ticket issue (group commit)': (o) => o.kiosk.post('/api/tickets', { serviceCode: 'M' }),
  'counter action (call next)': (o) => o.clerk.post(`/api/counters/${o.counterId}/call-next`, {}),
  'ID check': (o) => o.kiosk.post('/api/id-checks', { mrz: MRZ }),
  'configuration change': (o) => o.admin.request('PUT', '/api/config/retention', { ticketDetailDays: 400 }),
  'login (a new session)': (o) => new Client(o.url).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }),
};

/** `counterId`: a host started again finds the earlier clerk's counter still held. */
async function openOffice(dataDir: string, clock: TestClock, counterId = 1): Promise<Office> {
  const running = await startTestHost({ clock: clock.read }, { DATA_DIR: dataDir });
  const [clerk] = await clerks(running.url, 1);
  const admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
  const office: Office = { running, url: running.url, counterId, kiosk: new Client(running.url), clerk: clerk!, admin, acknowledged: [] };
  expect((await clerk!.post(`/api/counters/${counterId}/open`, {})).status).toBe(200);
  for (const serviceCode of ['M', 'P']) {
    const issued = await office.kiosk.post('/api/tickets', { serviceCode });
    expect(issued.status).toBe(201);
    office.acknowledged.push({ id: issued.body.id, number: issued.body.number });
  }
  return office;
}

async function expectEveryWriteRefused(office: Office, clock: TestClock): Promise<void> {
  for (const [kind, write] of Object.entries(WRITES)) {
    const answer = await write(office);
    expect({ kind, status: answer.status, code: answer.body?.error?.code }).toEqual({ kind, status: 503, code: 'not_saved' });
  }
  // Reading still works, also when the session's last-seen time is due to be written (and cannot
  // be), and shows only what was acknowledged: both tickets still wait.
  clock.advanceMinutes(2);
  const queue = await office.clerk.get('/api/queue');
  expect(queue.status).toBe(200);
  expect(queue.body.map((t: { number: string }) => t.number).sort()).toEqual(office.acknowledged.map((t) => t.number).sort());
}

async function expectEveryWriteWorks(office: Office): Promise<void> {
  for (const [kind, write] of Object.entries(WRITES)) {
    const answer = await write(office);
    expect({ kind, ok: answer.status >= 200 && answer.status < 300 }, JSON.stringify(answer.body)).toEqual({ kind, ok: true });
  }
  // Numbering goes on from the acknowledged tickets: the refused ones took no number.
  const lastP = office.acknowledged.filter((t) => t.number.startsWith('P')).at(-1)!.number;
  const nextP = `P${String(Number(lastP.slice(1)) + 1).padStart(3, '0')}`;
  expect((await office.kiosk.post('/api/tickets', { serviceCode: 'P' })).body.number).toBe(nextP);
  expect((await office.admin.post('/api/audit/verify', {})).body).toMatchObject({ ok: true });
  const log = await readEventLog(office.url, await sessionCookie(office.url, 'admin', ADMIN_PASSWORD));
  expect(sequenceFaults(log.map((e) => e.seq))).toEqual({ missing: [], outOfOrder: [] });
}

async function expectAcknowledgedKept(office: Office, acknowledged: Office['acknowledged']): Promise<void> {
  for (const ticket of acknowledged) expect((await office.admin.get(`/api/tickets/${ticket.id}`)).body.number).toBe(ticket.number);
}

describe.skipIf(cannotMount)('a disk that fills up while the host runs', () => {
  let disk: SmallDisk;
  let office: Office | undefined;
  let dataDir: string;
  const clock = new TestClock(Date.now());

  beforeAll(async () => {
    disk = mountSmallDisk(8);
    dataDir = path.join(disk.folder, 'data');
    office = await openOffice(dataDir, clock);
    // Commits append to the -wal file and reuse its space once a checkpoint has reset it, so a full
    // disk shows when the file must grow. Starting from an empty -wal, every commit must.
    const checkpoint = new Database(path.join(dataDir, DATABASE_FILE));
    checkpoint.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint.close();
  });

  afterAll(async () => {
    try {
      await office?.running.stop();
    } finally {
      disk?.unmount();
    }
  });

  it('answers every kind of write 503 not_saved while no byte is free, and stores none of them', async () => {
    disk.fill();
    await expectEveryWriteRefused(office!, clock);
  });

  it('works again as soon as space returns, numbering on without a gap and with an intact audit chain', async () => {
    disk.free();
    await expectEveryWriteWorks(office!);
  });

  it('has kept every acknowledged ticket through a restart', async () => {
    const { acknowledged } = office!;
    await office!.running.stop();
    office = undefined;
    office = await openOffice(dataDir, clock, 2);
    await expectAcknowledgedKept(office, acknowledged);
  });
});

describe.skipIf(cannotMount)('a disk that turns read-only while the host runs', () => {
  let disk: BreakableDisk;
  let office: Office | undefined;
  let dataDir: string;
  const clock = new TestClock(Date.now());

  beforeAll(async () => {
    disk = mountBreakableDisk(16);
    dataDir = path.join(disk.folder, 'data');
    office = await openOffice(dataDir, clock);
  });

  afterAll(async () => {
    try {
      await office?.running.stop();
    } finally {
      disk?.unmount();
    }
  });

  it('answers every kind of write 503 not_saved, and stores none of them', async () => {
    disk.turnReadOnly();
    await expectEveryWriteRefused(office!, clock);
  });

  it('stops cleanly, and after the disk is checked a new host has every acknowledged ticket and works', async () => {
    const { acknowledged } = office!;
    await office!.running.stop();
    office = undefined;
    disk.checkAndRemount();
    office = await openOffice(dataDir, clock, 2);
    await expectAcknowledgedKept(office, acknowledged);
    await expectEveryWriteWorks(office);
  });
});
