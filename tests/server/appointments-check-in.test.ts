import { afterEach, describe, expect, it } from 'vitest';
import { Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

let running: TestHost | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const MINUTE = 60_000;
// 08:00 Copenhagen on Wednesday 25 November 2026 (UTC+1).
const MORNING = Date.UTC(2026, 10, 25, 7, 0);
/** The instant of `hh:mm` Copenhagen time on 25 November 2026. */
const time = (hhmm: string, day = '2026-11-25') => Date.parse(`${day}T${hhmm}:00+01:00`);
const iso = (ms: number) => new Date(ms).toISOString();

async function office() {
  const clock = new TestClock(MORNING);
  running = await startTestHost({ clock: clock.read });
  const kiosk = new Client(running.url);
  const [clerk] = await clerks(running.url, 1);
  return { clock, kiosk, clerk: clerk! };
}

async function book(clerk: Client, serviceCode: string, startMs: number): Promise<{ id: number; code: string }> {
  const response = await clerk.post('/api/appointments', { serviceCode, start: iso(startMs) });
  if (response.status !== 201) throw new Error(`booking failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

const checkIn = (client: Client, code: string) => client.post('/api/appointments/check-in', { code });

describe('check-in at the kiosk: early, on time, late', () => {
  it('answers with the ticket, how the citizen arrived and when the ticket may be called, at the exact edges', async () => {
    const { clock, kiosk, clerk } = await office();
    const slot = time('09:00');
    const [early, windowOpen, lastGrace, late] = [await book(clerk, 'M', slot), await book(clerk, 'M', slot), await book(clerk, 'M', slot), await book(clerk, 'M', slot)];

    clock.now = slot - 10 * MINUTE - 1;
    const a = await checkIn(kiosk, early.code);
    expect(a.status).toBe(201);
    expect(a.body).toEqual({
      ticket: expect.objectContaining({ number: 'M001', serviceCode: 'M', priority: 'appointment', status: 'waiting', arrivedAt: iso(clock.now) }),
      arrival: 'early',
      slotStart: iso(slot),
      callableAt: iso(slot - 10 * MINUTE),
    });
    expect(a.body.ticket).not.toHaveProperty('name');

    clock.now = slot - 10 * MINUTE;
    expect((await checkIn(kiosk, windowOpen.code)).body).toMatchObject({ arrival: 'on_time', callableAt: iso(clock.now), ticket: { priority: 'appointment' } });

    clock.now = slot + 10 * MINUTE;
    expect((await checkIn(kiosk, lastGrace.code)).body).toMatchObject({ arrival: 'on_time', ticket: { priority: 'appointment' } });

    clock.now = slot + 10 * MINUTE + 1;
    const walkIn = await checkIn(kiosk, late.code);
    expect(walkIn.status).toBe(201);
    expect(walkIn.body).toMatchObject({ arrival: 'late', callableAt: iso(clock.now), ticket: { number: 'M004', priority: 'normal' } });
  });

  it('links the ticket to its booking, and shows staff when and how the citizen came', async () => {
    const { clock, kiosk, clerk } = await office();
    const booking = await book(clerk, 'P', time('09:00'));
    clock.now = time('08:55');
    const ticket = (await checkIn(kiosk, booking.code)).body.ticket;
    // Issued like every other ticket (office/issue.ts): with a wait estimate, which check-in once lacked.
    expect(ticket.estimatedWaitMinutes).toBeTypeOf('number');
    const listed = (await clerk.get('/api/appointments?day=2026-11-25')).body;
    expect(listed.appointments[0]).toMatchObject({ id: booking.id, status: 'checked_in', arrival: 'on_time', checkedInAt: iso(clock.now), ticketId: ticket.id });
    expect(listed.counts).toEqual({ booked: 0, checked_in: 1, cancelled: 0, no_show: 0 });
    expect((await clerk.get('/api/queue')).body).toEqual([expect.objectContaining({ id: ticket.id, priority: 'appointment' })]);
  });

  it('takes the code in lower case, with spaces or a dash, and from staff as well as kiosks', async () => {
    const { clock, kiosk, clerk } = await office();
    const first = await book(clerk, 'M', time('09:00'));
    const second = await book(clerk, 'M', time('09:00'));
    clock.now = time('08:58');
    expect((await checkIn(kiosk, `${first.code.slice(0, 3).toLowerCase()}-${first.code.slice(3).toLowerCase()}`)).status).toBe(201);
    expect((await checkIn(clerk, ` ${second.code.slice(0, 3)} ${second.code.slice(3)} `)).status).toBe(201);
  });
});

describe('check-in refusals', () => {
  it('answers 404 unknown_code, 409 already_checked_in, appointment_cancelled and wrong_day', async () => {
    const { clock, kiosk, clerk } = await office();
    const used = await book(clerk, 'M', time('09:00'));
    const cancelled = await book(clerk, 'M', time('09:00'));
    const tomorrow = await book(clerk, 'M', time('09:00', '2026-11-26'));
    await clerk.request('DELETE', `/api/appointments/${cancelled.id}`);
    clock.now = time('08:55');

    const unused = ['ACDEFG', 'ACDEFH'].find((c) => ![used.code, cancelled.code, tomorrow.code].includes(c))!;
    for (const code of [unused, 'hello', '000000']) {
      const response = await checkIn(kiosk, code);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('unknown_code');
    }

    expect((await checkIn(kiosk, used.code)).status).toBe(201);
    const again = await checkIn(kiosk, used.code);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_checked_in');

    const withCancelled = await checkIn(kiosk, cancelled.code);
    expect(withCancelled.status).toBe(409);
    expect(withCancelled.body.error.code).toBe('appointment_cancelled');

    const early = await checkIn(kiosk, tomorrow.code);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('wrong_day');

    // None of the refusals made a ticket.
    expect((await clerk.get('/api/queue')).body).toHaveLength(1);
  });

  it('answers 400 to a body without a code or with something else', async () => {
    const { kiosk } = await office();
    for (const body of [{}, { code: 123456 }, { code: '' }, { code: 'x'.repeat(33) }, { code: 'ACDEFG', serviceCode: 'M' }]) {
      const response = await kiosk.post('/api/appointments/check-in', body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
  });

  it('answers 401 to a PC on the office network that is neither a paired kiosk nor logged in', async () => {
    const { clerk } = await office();
    const booking = await book(clerk, 'M', time('08:05'));
    const response = await running!.host.app.inject({
      method: 'POST',
      url: '/api/appointments/check-in',
      payload: { code: booking.code },
      remoteAddress: '192.0.2.15',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
    expect((await clerk.get('/api/appointments?day=2026-11-25')).body.counts.booked).toBe(1);
  });

  it('slows down trying code after code with 429', async () => {
    const { kiosk } = await office();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await checkIn(kiosk, 'ACDEFG')).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('one queue: how booked and walk-in citizens are called', () => {
  it('calls urgent first, then due bookings, then walk-ins; an early booking waits for its time; the guard beats a due booking', async () => {
    const { clock, kiosk, clerk } = await office();
    await clerk.post('/api/counters/1/open');
    const serveNext = async () => {
      const called = await clerk.post('/api/counters/1/call-next');
      if (called.status === 200) await clerk.post(`/api/tickets/${called.body.id}/finish`, { outcome: 'other' });
      return called.status === 200 ? (called.body.number as string) : null;
    };
    const walkIn = async (serviceCode = 'M') => (await kiosk.post('/api/tickets', { serviceCode })).body.number as string;

    const a = await book(clerk, 'M', time('08:30'));
    const b = await book(clerk, 'P', time('09:00'));
    const c = await book(clerk, 'M', time('09:40'));
    const w1 = await walkIn(); // 08:00

    clock.now = time('08:25');
    const ticketA = (await checkIn(kiosk, a.code)).body.ticket.number;
    expect(await serveNext()).toBe(ticketA); // due booking before the walk-in who came at 08:00

    clock.now = time('08:26');
    const urgent = (await kiosk.post('/api/tickets', { serviceCode: 'K', urgent: { reason: 'hospital_summons' } })).body.number;
    const early = await checkIn(kiosk, b.code);
    expect(early.body).toMatchObject({ arrival: 'early', callableAt: iso(time('08:50')) });
    expect(await serveNext()).toBe(urgent);

    clock.now = time('08:27');
    expect(await serveNext()).toBe(w1);
    clock.now = time('08:28');
    expect(await serveNext()).toBeNull(); // only the early booking waits, and it is not its time yet

    clock.now = time('08:30');
    const w2 = await walkIn('P');
    clock.now = time('08:50') - 1;
    expect((await clerk.get('/api/queue')).body.map((t: { number: string }) => t.number)).toEqual([early.body.ticket.number, w2]);
    expect(await serveNext()).toBe(w2); // 08:49:59.999: the booking is still not callable
    clock.now = time('08:50');
    expect(await serveNext()).toBe(early.body.ticket.number);

    clock.now = time('08:51');
    const w3 = await walkIn();
    clock.now = time('09:35');
    const ticketC = (await checkIn(kiosk, c.code)).body.ticket.number;
    const w4 = await walkIn();
    clock.now = time('09:36'); // w3 has waited exactly the 45-minute guard
    expect(await serveNext()).toBe(w3);
    expect(await serveNext()).toBe(ticketC);
    expect(await serveNext()).toBe(w4);
  });
});
