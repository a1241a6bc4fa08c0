import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BOOKING_CODE_ALPHABET } from '../../core/appointments/booking-code.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

let running: TestHost | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

// 08:00 Copenhagen on Wednesday 25 November 2026 (UTC+1).
const MORNING = Date.UTC(2026, 10, 25, 7, 0);
/** `hh:mm` Copenhagen time on 25 November 2026, as the API takes it. */
const at = (hhmm: string, day = '2026-11-25') => `${day}T${hhmm}:00+01:00`;
/** The same moment as the API answers it. */
const iso = (hhmm: string, day = '2026-11-25') => new Date(at(hhmm, day)).toISOString();
const CODE = new RegExp(`^[${BOOKING_CODE_ALPHABET}]{6}$`);

async function office() {
  const clock = new TestClock(MORNING);
  running = await startTestHost({ clock: clock.read });
  const [clerk] = await clerks(running.url, 1);
  const admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
  return { clock, clerk: clerk!, admin };
}

const book = (client: Client, serviceCode: string, start: string, name?: string | null) =>
  client.post('/api/appointments', name === undefined ? { serviceCode, start } : { serviceCode, start, name });

describe('booking a time', () => {
  it('answers 201 with the booking and its code, and lists it for its day', async () => {
    const { clerk } = await office();
    const booked = await book(clerk, 'M', at('09:07'), '  J.  H. ');
    expect(booked.status).toBe(201);
    expect(booked.body).toEqual({
      id: expect.any(Number),
      code: expect.stringMatching(CODE),
      serviceCode: 'M',
      start: iso('09:07'),
      end: iso('09:22'),
      name: 'J. H.',
      status: 'booked',
      source: 'staff',
      checkedInAt: null,
      arrival: null,
      ticketId: null,
    });

    const day = await clerk.get('/api/appointments?day=2026-11-25');
    expect(day.status).toBe(200);
    expect(day.body).toEqual({
      day: '2026-11-25',
      appointments: [booked.body],
      counts: { booked: 1, checked_in: 0, cancelled: 0, no_show: 0 },
      // The new office: 15-minute slots, four counters serving every service.
      slotRules: ['M', 'P', 'K', 'A'].map((serviceCode) => ({ serviceCode, slotMinutes: 15, capacity: 4 })),
    });
    expect((await clerk.get('/api/appointments')).body.day).toBe('2026-11-25');
    expect((await clerk.get('/api/appointments?day=2026-11-26')).body.appointments).toEqual([]);
  });

  it('gives every open booking its own code', async () => {
    const { clerk } = await office();
    const codes = new Set<string>();
    for (let i = 0; i < 12; i++) codes.add((await book(clerk, 'AMPK'[i % 4]!, at(`1${i % 10}:00`))).body.code);
    expect(codes.size).toBe(12);
  });

  it('files a booking just after Copenhagen midnight under its Copenhagen day', async () => {
    const { clerk } = await office();
    const booked = await clerk.post('/api/appointments', { serviceCode: 'M', start: '2026-11-25T23:30:00Z' });
    expect(booked.status).toBe(201);
    expect((await clerk.get('/api/appointments?day=2026-11-26')).body.appointments.map((a: { id: number }) => a.id)).toEqual([booked.body.id]);
  });

  it('refuses a slot that is already over, but takes one under way', async () => {
    const { clerk } = await office();
    expect((await book(clerk, 'M', at('07:45'))).body.error.code).toBe('slot_in_past');
    expect((await book(clerk, 'M', at('07:45'))).status).toBe(409);
    expect((await book(clerk, 'M', at('07:46'))).status).toBe(201);
  });
});

describe('capacity per slot', () => {
  it('takes as many overlapping bookings of a service as counters serve it, then answers 409 slot_full', async () => {
    const { clerk } = await office();
    // A new office has four counters serving every service.
    for (let i = 0; i < 4; i++) expect((await book(clerk, 'M', at('09:00'))).status).toBe(201);
    const full = await book(clerk, 'M', at('09:00'));
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('slot_full');
    expect((await book(clerk, 'M', at('09:10'))).body.error.code).toBe('slot_full');
    // Another service, and the next slot back-to-back, still have room.
    expect((await book(clerk, 'P', at('09:00'))).status).toBe(201);
    expect((await book(clerk, 'M', at('09:15'))).status).toBe(201);
  });

  it('follows the configured capacity and per-service slot length', async () => {
    const { clerk, admin } = await office();
    const rules = { slotMinutes: 15, capacityPerSlot: 1, earlyWindowMinutes: 10, lateGraceMinutes: 10, nameRetentionDays: 0, perService: { P: { slotMinutes: 30, capacityPerSlot: 2 } } };
    expect((await admin.request('PUT', '/api/config/appointment-rules', rules)).status).toBe(200);

    expect((await book(clerk, 'M', at('09:00'))).status).toBe(201);
    expect((await book(clerk, 'M', at('09:14'))).body.error.code).toBe('slot_full');
    const passport = await book(clerk, 'P', at('09:00'));
    expect(passport.body.end).toBe(iso('09:30'));
    expect((await book(clerk, 'P', at('09:20'))).status).toBe(201);
    expect((await book(clerk, 'P', at('09:29'))).body.error.code).toBe('slot_full');
    expect((await book(clerk, 'P', at('09:30'))).status).toBe(201);
  });

  it('frees the place of a cancelled booking', async () => {
    const { clerk, admin } = await office();
    await admin.request('PUT', '/api/config/appointment-rules', { slotMinutes: 15, capacityPerSlot: 1, earlyWindowMinutes: 10, lateGraceMinutes: 10, nameRetentionDays: 0 });
    const first = await book(clerk, 'M', at('09:00'));
    expect((await book(clerk, 'M', at('09:00'))).status).toBe(409);
    expect((await clerk.request('DELETE', `/api/appointments/${first.body.id}`)).status).toBe(200);
    expect((await book(clerk, 'M', at('09:00'))).status).toBe(201);
  });
});

describe('cancelling and moving', () => {
  it('cancels once; a cancelled booking cannot be cancelled or moved again', async () => {
    const { clerk } = await office();
    const { id } = (await book(clerk, 'M', at('10:00'))).body;
    const cancelled = await clerk.request('DELETE', `/api/appointments/${id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id, status: 'cancelled' });
    expect((await clerk.request('DELETE', `/api/appointments/${id}`)).body.error.code).toBe('appointment_cancelled');
    const move = await clerk.request('PATCH', `/api/appointments/${id}`, { start: at('11:00') });
    expect(move.status).toBe(409);
    expect(move.body.error.code).toBe('appointment_cancelled');
    expect((await clerk.request('DELETE', '/api/appointments/999999')).status).toBe(404);
    expect((await clerk.request('PATCH', '/api/appointments/999999', { start: at('11:00') })).status).toBe(404);
  });

  it('moves a booking, keeping its code, and checks the new slot has room (not counting the booking itself)', async () => {
    const { clerk, admin } = await office();
    await admin.request('PUT', '/api/config/appointment-rules', { slotMinutes: 15, capacityPerSlot: 1, earlyWindowMinutes: 10, lateGraceMinutes: 10, nameRetentionDays: 0 });
    const mine = (await book(clerk, 'M', at('09:00'))).body;
    await book(clerk, 'M', at('10:00'));

    const nudged = await clerk.request('PATCH', `/api/appointments/${mine.id}`, { start: at('09:05') });
    expect(nudged.status).toBe(200);
    expect(nudged.body).toMatchObject({ id: mine.id, code: mine.code, start: iso('09:05'), end: iso('09:20'), status: 'booked' });

    const clash = await clerk.request('PATCH', `/api/appointments/${mine.id}`, { start: at('09:50') });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('slot_full');
    expect((await clerk.request('PATCH', `/api/appointments/${mine.id}`, { start: at('07:00') })).body.error.code).toBe('slot_in_past');

    const nextDay = await clerk.request('PATCH', `/api/appointments/${mine.id}`, { start: at('09:00', '2026-11-26') });
    expect(nextDay.status).toBe(200);
    expect((await clerk.get('/api/appointments?day=2026-11-25')).body.appointments).toHaveLength(1);
    expect((await clerk.get('/api/appointments?day=2026-11-26')).body.appointments[0]).toMatchObject({ id: mine.id, code: mine.code });
  });
});

describe('rules and settings', () => {
  it('starts from the defaults and takes a valid replacement from a manager', async () => {
    const { admin } = await office();
    expect((await admin.get('/api/config/appointment-rules')).body).toEqual({
      slotMinutes: 15,
      capacityPerSlot: null,
      earlyWindowMinutes: 10,
      lateGraceMinutes: 10,
      nameRetentionDays: 0,
      perService: {},
    });
    const [manager] = await clerks(running!.url, 1, 'manager');
    const rules = { slotMinutes: 20, capacityPerSlot: 3, earlyWindowMinutes: 5, lateGraceMinutes: 15, nameRetentionDays: 2, perService: { M: { capacityPerSlot: null } } };
    expect((await manager!.request('PUT', '/api/config/appointment-rules', rules)).body).toEqual(rules);
    expect((await manager!.get('/api/config/appointment-rules')).body).toEqual(rules);
  });

  it.each([
    ['a slot of 0 minutes', { slotMinutes: 0 }],
    ['a capacity of 0', { capacityPerSlot: 0 }],
    ['a negative early window', { earlyWindowMinutes: -1 }],
    ['a year of name retention', { nameRetentionDays: 365 }],
    ['a lower-case service override', { perService: { m: { slotMinutes: 10 } } }],
    ['an unknown option', { openingHours: '09-15' }],
  ])('refuses %s with 400', async (_name, change) => {
    const { admin } = await office();
    const rules = { slotMinutes: 15, capacityPerSlot: null, earlyWindowMinutes: 10, lateGraceMinutes: 10, nameRetentionDays: 0, ...change };
    const response = await admin.request('PUT', '/api/config/appointment-rules', rules);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
  });
});

describe('who may do what', () => {
  it('answers 401 to anyone not logged in, for every staff route', async () => {
    const { clerk } = await office();
    const { id } = (await book(clerk, 'M', at('10:00'))).body;
    const anonymous = new Client(running!.url);
    const attempts = [
      anonymous.post('/api/appointments', { serviceCode: 'M', start: at('10:00') }),
      anonymous.get('/api/appointments?day=2026-11-25'),
      anonymous.request('DELETE', `/api/appointments/${id}`),
      anonymous.request('PATCH', `/api/appointments/${id}`, { start: at('11:00') }),
      anonymous.get('/api/config/appointment-rules'),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthorized');
    }
    expect((await clerk.get('/api/appointments?day=2026-11-25')).body.counts.booked).toBe(1);
  });

  it('lets only managers and admins change the rules (403 for a clerk)', async () => {
    const { clerk } = await office();
    expect((await clerk.get('/api/config/appointment-rules')).status).toBe(403);
    const put = await clerk.request('PUT', '/api/config/appointment-rules', { slotMinutes: 15, capacityPerSlot: null, earlyWindowMinutes: 10, lateGraceMinutes: 10, nameRetentionDays: 0 });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe('forbidden');
  });
});

describe('malformed requests', () => {
  it.each([
    ['no service', { start: at('10:00') }, 'invalid_request'],
    ['a lower-case service', { serviceCode: 'm', start: at('10:00') }, 'invalid_request'],
    ['a service that does not exist', { serviceCode: 'X', start: at('10:00') }, 'unknown_service'],
    ['no start', { serviceCode: 'M' }, 'invalid_request'],
    ['a start without a zone', { serviceCode: 'M', start: '2026-11-25T10:00' }, 'invalid_time'],
    ['a start on no real day', { serviceCode: 'M', start: '2026-11-31T10:00:00+01:00' }, 'invalid_time'],
    ['a start with seconds', { serviceCode: 'M', start: '2026-11-25T10:00:30+01:00' }, 'invalid_time'],
    ['a start as a number', { serviceCode: 'M', start: 1795597200000 }, 'invalid_request'],
    ['a name of 41 characters', { serviceCode: 'M', start: at('10:00'), name: 'x'.repeat(41) }, 'name_too_long'],
    ['a name that is not text', { serviceCode: 'M', start: at('10:00'), name: 42 }, 'invalid_request'],
    ['an unknown field', { serviceCode: 'M', start: at('10:00'), cpr: '0101011234' }, 'invalid_request'],
  ])('answers 400 for a booking with %s', async (_name, body, code) => {
    const { clerk } = await office();
    const response = await clerk.post('/api/appointments', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
    expect((await clerk.get('/api/appointments?day=2026-11-25')).body.appointments).toEqual([]);
  });

  it('answers 400 for broken JSON, a bad id, a bad day and a bad move', async () => {
    const { clerk } = await office();
    expect((await clerk.request('POST', '/api/appointments', undefined, '{"serviceCode":')).body.error.code).toBe('invalid_json');
    expect((await clerk.request('DELETE', '/api/appointments/abc')).status).toBe(400);
    expect((await clerk.get('/api/appointments?day=2026-02-30')).body.error.code).toBe('invalid_day');
    expect((await clerk.get('/api/appointments?day=tomorrow')).status).toBe(400);
    const { id } = (await book(clerk, 'M', at('10:00'))).body;
    expect((await clerk.request('PATCH', `/api/appointments/${id}`, {})).status).toBe(400);
    expect((await clerk.request('PATCH', `/api/appointments/${id}`, { start: 'next wednesday at ten' })).body.error.code).toBe('invalid_time');
    // A name of exactly 40 characters is fine; surrounding spaces do not count.
    expect((await book(clerk, 'M', at('10:30'), ` ${'x'.repeat(40)} `)).status).toBe(201);
  });
});

describe('privacy', () => {
  it('keeps the name and the code out of the event log', async () => {
    const { clerk } = await office();
    const booked = (await book(clerk, 'M', at('10:00'), 'Jens Hansen')).body;
    await clerk.request('PATCH', `/api/appointments/${booked.id}`, { start: at('10:30') });
    await clerk.request('DELETE', `/api/appointments/${booked.id}`);
    const db = new Database(path.join(running!.dataDir, 'office.sqlite'), { readonly: true });
    try {
      const events = db.prepare("SELECT type, data FROM events WHERE type LIKE 'appointment.%' ORDER BY seq").all() as { type: string; data: string }[];
      expect(events.map((e) => e.type)).toEqual(['appointment.booked', 'appointment.moved', 'appointment.cancelled']);
      for (const e of events) {
        expect(e.data).not.toContain('Jens');
        expect(e.data).not.toContain(booked.code);
      }
    } finally {
      db.close();
    }
  });
});
