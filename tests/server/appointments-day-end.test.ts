import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

// Hosts here are restarted on the same data folder, as an office PC is the next morning.
let current: TestHost | undefined;
let sharedDataDir: string | undefined;

afterEach(async () => {
  await current?.host.close();
  if (current && current.dataDir !== sharedDataDir) rmSync(current.dataDir, { recursive: true, force: true });
  if (sharedDataDir) rmSync(sharedDataDir, { recursive: true, force: true });
  current = undefined;
  sharedDataDir = undefined;
});

/** Starts the host at the clock's time, on the data folder of the previous start if there was one. */
async function startOfficeAt(clock: TestClock) {
  if (current) {
    await current.host.close();
    if (current.dataDir !== sharedDataDir) rmSync(current.dataDir, { recursive: true, force: true });
  }
  current = await startTestHost({ clock: clock.read, ...(sharedDataDir ? { dataDir: sharedDataDir } : {}) });
  sharedDataDir ??= current.dataDir;
  const [clerk] = await clerks(current.url, 1);
  return { clerk: clerk!, kiosk: new Client(current.url) };
}

/** `hh:mm` Copenhagen time on a winter day of 2026 (UTC+1). */
const time = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+01:00`);
const book = async (clerk: Client, start: number, name: string | null) =>
  (await clerk.post('/api/appointments', { serviceCode: 'M', start: new Date(start).toISOString(), name })).body as { id: number; code: string };
const dayOf = async (clerk: Client, day: string) => (await clerk.get(`/api/appointments?day=${day}`)).body;

function eventTypes(): string[] {
  const db = new Database(path.join(sharedDataDir!, 'office.sqlite'), { readonly: true });
  try {
    return (db.prepare("SELECT type FROM events WHERE type LIKE 'appointment.%' ORDER BY seq").all() as { type: string }[]).map((r) => r.type);
  } finally {
    db.close();
  }
}

describe('no-shows at the end of the day', () => {
  it('are marked when the host starts on a later day, and only bookings nobody used or cancelled', async () => {
    const clock = new TestClock(time('2026-11-25', '08:00'));
    let { clerk, kiosk } = await startOfficeAt(clock);
    const used = await book(clerk, time('2026-11-25', '10:00'), 'A.A.');
    const forgotten = await book(clerk, time('2026-11-25', '10:30'), 'B.B.');
    const cancelled = await book(clerk, time('2026-11-25', '11:00'), 'C.C.');
    const tomorrow = await book(clerk, time('2026-11-26', '10:00'), 'D.D.');
    await clerk.request('DELETE', `/api/appointments/${cancelled.id}`);
    clock.now = time('2026-11-25', '09:55');
    expect((await kiosk.post('/api/appointments/check-in', { code: used.code })).status).toBe(201);
    // Late in the day the forgotten booking is still just booked.
    clock.now = time('2026-11-25', '23:59');
    [clerk] = (await clerks(current!.url, 1)) as [Client]; // the morning session has expired by now
    expect((await dayOf(clerk, '2026-11-25')).counts).toEqual({ booked: 1, checked_in: 1, cancelled: 1, no_show: 0 });

    clock.now = time('2026-11-26', '08:00');
    ({ clerk, kiosk } = await startOfficeAt(clock));
    const yesterday = await dayOf(clerk, '2026-11-25');
    expect(yesterday.counts).toEqual({ booked: 0, checked_in: 1, cancelled: 1, no_show: 1 });
    expect(yesterday.appointments.find((a: { id: number }) => a.id === forgotten.id).status).toBe('no_show');
    expect(eventTypes().filter((t) => t === 'appointment.no_show')).toHaveLength(1);

    const noShow = await kiosk.post('/api/appointments/check-in', { code: forgotten.code });
    expect(noShow.status).toBe(409);
    expect(noShow.body.error.code).toBe('wrong_day');
    expect((await dayOf(clerk, '2026-11-26')).appointments).toEqual([expect.objectContaining({ id: tomorrow.id, status: 'booked' })]);
  });

  it('are marked by the running host just after Copenhagen midnight', async () => {
    const clock = new TestClock(time('2026-11-25', '23:59') + 59_000);
    const { clerk } = await startOfficeAt(clock);
    const late = await book(clerk, time('2026-11-25', '23:50'), null);
    expect((await dayOf(clerk, '2026-11-25')).counts.booked).toBe(1);

    // The host's timer wakes at Copenhagen midnight by this clock, a second from now.
    clock.now = time('2026-11-26', '00:00') + 30_000;
    let status = 'booked';
    for (let tries = 0; tries < 50 && status === 'booked'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await dayOf(clerk, '2026-11-25')).appointments[0].status;
    }
    expect(status).toBe('no_show');
    expect((await dayOf(clerk, '2026-11-25')).appointments[0].id).toBe(late.id);
  });
});

describe('names are erased after the day and the retention', () => {
  it('with no retention: gone the next morning, while the booking itself stays for statistics', async () => {
    const clock = new TestClock(time('2026-11-25', '08:00'));
    let { clerk } = await startOfficeAt(clock);
    await book(clerk, time('2026-11-25', '10:00'), 'Jens Hansen');
    await book(clerk, time('2026-11-26', '10:00'), 'Anna Berg');
    expect((await dayOf(clerk, '2026-11-25')).appointments[0].name).toBe('Jens Hansen');

    clock.now = time('2026-11-26', '08:00');
    ({ clerk } = await startOfficeAt(clock));
    expect((await dayOf(clerk, '2026-11-25')).appointments).toEqual([expect.objectContaining({ name: null, status: 'no_show' })]);
    expect((await dayOf(clerk, '2026-11-26')).appointments[0].name).toBe('Anna Berg');
  });

  it('with one day of retention: kept through the next day, gone the day after', async () => {
    const clock = new TestClock(time('2026-11-25', '08:00'));
    let { clerk } = await startOfficeAt(clock);
    const admin = new Client(current!.url);
    await admin.login('admin', ADMIN_PASSWORD);
    const rules = { slotMinutes: 15, capacityPerSlot: null, earlyWindowMinutes: 10, lateGraceMinutes: 10, nameRetentionDays: 1 };
    expect((await admin.request('PUT', '/api/config/appointment-rules', rules)).status).toBe(200);
    await book(clerk, time('2026-11-25', '10:00'), 'J.H.');

    clock.now = time('2026-11-26', '08:00');
    ({ clerk } = await startOfficeAt(clock));
    expect((await dayOf(clerk, '2026-11-25')).appointments[0]).toMatchObject({ name: 'J.H.', status: 'no_show' });

    clock.now = time('2026-11-27', '08:00');
    ({ clerk } = await startOfficeAt(clock));
    expect((await dayOf(clerk, '2026-11-25')).appointments[0].name).toBeNull();
  });
});
