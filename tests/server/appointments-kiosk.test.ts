import { afterEach, describe, expect, it } from 'vitest';
import { makeMrz } from '../support/mrz-generator.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

/**
 * What the kiosk's check-in screens need beyond the check-in itself: looking a code up before the
 * ID step (nothing stored), the ID step's result on the ticket, one attempt budget for both, and
 * the slot rules a booking screen shows.
 */

let running: TestHost | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const MINUTE = 60_000;
// 08:00 Copenhagen on Wednesday 25 November 2026 (UTC+1).
const MORNING = Date.UTC(2026, 10, 25, 7, 0);
const time = (hhmm: string, day = '2026-11-25') => Date.parse(`${day}T${hhmm}:00+01:00`);
const iso = (ms: number) => new Date(ms).toISOString();

async function office() {
  const clock = new TestClock(MORNING);
  // The clerk's session must outlive the morning the tests walk through.
  running = await startTestHost({ clock: clock.read, sessionIdleMinutes: 24 * 60 });
  const kiosk = new Client(running.url);
  const [clerk] = await clerks(running.url, 1);
  return { clock, kiosk, clerk: clerk! };
}

async function book(clerk: Client, serviceCode: string, startMs: number): Promise<{ id: number; code: string }> {
  const response = await clerk.post('/api/appointments', { serviceCode, start: iso(startMs) });
  if (response.status !== 201) throw new Error(`booking failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

describe('POST /api/appointments/lookup', () => {
  it('tells the kiosk the service, the slot and how the citizen would arrive, and stores nothing', async () => {
    const { clock, kiosk, clerk } = await office();
    const mitid = await book(clerk, 'M', time('09:00'));
    const passport = await book(clerk, 'P', time('09:30'));

    clock.now = time('08:40');
    const early = await kiosk.post('/api/appointments/lookup', { code: mitid.code.toLowerCase() });
    expect(early.status).toBe(200);
    expect(early.body).toEqual({
      service: { code: 'M', names: { da: 'MitID', en: 'MitID' }, needsIdCheck: true, slaMinutes: 20 },
      arrival: 'early',
      slotStart: iso(time('09:00')),
      callableAt: iso(time('08:50')),
    });
    clock.now = time('09:35');
    expect((await kiosk.post('/api/appointments/lookup', { code: passport.code })).body).toMatchObject({
      service: { code: 'P', needsIdCheck: false },
      arrival: 'on_time',
      callableAt: iso(clock.now),
    });
    clock.now = time('09:41');
    expect((await kiosk.post('/api/appointments/lookup', { code: passport.code })).body).toMatchObject({ arrival: 'late' });

    const day = (await clerk.get('/api/appointments?day=2026-11-25')).body;
    expect(day.counts).toEqual({ booked: 2, checked_in: 0, cancelled: 0, no_show: 0 });
    expect((await clerk.get('/api/queue')).body).toEqual([]);
  });

  it('refuses as the check-in does, and never shows the name', async () => {
    const { clock, kiosk, clerk } = await office();
    const named = (await clerk.post('/api/appointments', { serviceCode: 'M', start: iso(time('09:00')), name: 'Jens Hansen' })).body;
    const cancelled = await book(clerk, 'M', time('09:00'));
    const tomorrow = await book(clerk, 'M', time('09:00', '2026-11-26'));
    await clerk.request('DELETE', `/api/appointments/${cancelled.id}`);
    clock.now = time('08:55');

    const found = await kiosk.post('/api/appointments/lookup', { code: named.code });
    expect(JSON.stringify(found.body)).not.toContain('Jens');
    const refusal = async (code: string) => {
      const response = await kiosk.post('/api/appointments/lookup', { code });
      return [response.status, response.body.error?.code];
    };
    expect(await refusal('hello')).toEqual([404, 'unknown_code']);
    expect(await refusal(cancelled.code)).toEqual([409, 'appointment_cancelled']);
    expect(await refusal(tomorrow.code)).toEqual([409, 'wrong_day']);
    expect((await kiosk.post('/api/appointments/check-in', { code: named.code })).status).toBe(201);
    expect(await refusal(named.code)).toEqual([409, 'already_checked_in']);
    expect((await kiosk.post('/api/appointments/lookup', { code: named.code, idCheckId: 1 })).status).toBe(400);
  });

  it('answers 401 to a PC that is neither a kiosk nor logged in', async () => {
    const { clerk } = await office();
    const booking = await book(clerk, 'M', time('09:00'));
    const response = await running!.host.app.inject({ method: 'POST', url: '/api/appointments/lookup', payload: { code: booking.code }, remoteAddress: '192.0.2.15' });
    expect(response.statusCode).toBe(401);
  });

  it('shares the 30 attempts a minute with the check-in: looking up cannot double the guessing rate', async () => {
    const { kiosk } = await office();
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await kiosk.post('/api/appointments/lookup', { code: 'ACDEFG' })).status);
    for (let i = 0; i < 15; i++) statuses.push((await kiosk.post('/api/appointments/check-in', { code: 'ACDEFG' })).status);
    expect(statuses.every((s) => s === 404)).toBe(true);
    expect((await kiosk.post('/api/appointments/lookup', { code: 'ACDEFG' })).status).toBe(429);
    const limited = await kiosk.post('/api/appointments/check-in', { code: 'ACDEFG' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
  });
});

describe('check-in with the ID step done', () => {
  it('puts the verdict, the supplement answer or a manual check on the appointment ticket, as on a walk-in ticket', async () => {
    const { clock, kiosk, clerk } = await office();
    const [scanned, manual] = [await book(clerk, 'M', time('09:00')), await book(clerk, 'M', time('09:00'))];
    clock.now = time('08:52');
    const check = await kiosk.post('/api/id-checks', { mrz: makeMrz({ issuingState: 'DNK', birthDate: '1980-05-05', expiryDate: '2030-01-01' }) });
    expect(check.body.verdict).toBe('accepted');

    const withCheck = await kiosk.post('/api/appointments/check-in', { code: scanned.code, idCheckId: check.body.id, supplementDeclared: true });
    expect(withCheck.status).toBe(201);
    expect(withCheck.body.ticket).toMatchObject({ priority: 'appointment', idCheckId: check.body.id, supplementDeclared: true, manualIdCheck: false });
    const withoutDocument = await kiosk.post('/api/appointments/check-in', { code: manual.code, manualIdCheck: true });
    expect(withoutDocument.body.ticket).toMatchObject({ idCheckId: null, supplementDeclared: null, manualIdCheck: true });
    expect((await clerk.get(`/api/tickets/${withCheck.body.ticket.id}`)).body.idCheckId).toBe(check.body.id);
  });

  it('refuses an ID check that does not exist, and keeps the booking open', async () => {
    const { clock, kiosk, clerk } = await office();
    const booking = await book(clerk, 'M', time('09:00'));
    clock.now = time('08:55');
    const response = await kiosk.post('/api/appointments/check-in', { code: booking.code, idCheckId: 999 });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('unknown_id_check');
    expect((await clerk.get('/api/appointments?day=2026-11-25')).body.counts.booked).toBe(1);
  });
});

describe('the slot rules in the day list', () => {
  it('gives each active service its slot length and capacity: configured, or the counters that serve it', async () => {
    const { clerk } = await office();
    const admin = new Client(running!.url);
    await admin.login('admin', ADMIN_PASSWORD);
    const rules = { slotMinutes: 20, capacityPerSlot: null, earlyWindowMinutes: 10, lateGraceMinutes: 10, nameRetentionDays: 0, perService: { P: { slotMinutes: 30, capacityPerSlot: 2 } } };
    expect((await admin.request('PUT', '/api/config/appointment-rules', rules)).status).toBe(200);
    expect((await clerk.get('/api/appointments?day=2026-11-25')).body.slotRules).toEqual([
      { serviceCode: 'M', slotMinutes: 20, capacity: 4 },
      { serviceCode: 'P', slotMinutes: 30, capacity: 2 },
      { serviceCode: 'K', slotMinutes: 20, capacity: 4 },
      { serviceCode: 'A', slotMinutes: 20, capacity: 4 },
    ]);
  });
});
