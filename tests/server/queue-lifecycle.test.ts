import { afterEach, describe, expect, it } from 'vitest';
import { Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

let running: TestHost | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

// 2026-11-25 09:00 Copenhagen (UTC+1).
const MORNING = Date.UTC(2026, 10, 25, 8, 0);

async function office(clock?: TestClock) {
  running = await startTestHost(clock ? { clock: clock.read } : {});
  const kiosk = new Client(running.url);
  const [clerk] = await clerks(running.url, 1);
  return { kiosk, clerk: clerk! };
}

describe('a ticket from kiosk to finish', () => {
  it('is issued, called, started and finished with an outcome, with a timestamp for each step', async () => {
    const clock = new TestClock(MORNING);
    const { kiosk, clerk } = await office(clock);

    const issued = await kiosk.post('/api/tickets', { serviceCode: 'M' });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ number: 'M001', serviceCode: 'M', priority: 'normal', status: 'waiting' });
    expect(issued.body.estimatedWaitMinutes).toBeTypeOf('number');

    expect((await clerk.post('/api/counters/1/open')).status).toBe(200);
    clock.advanceMinutes(7);
    const called = await clerk.post('/api/counters/1/call-next');
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ id: issued.body.id, status: 'called', counterId: 1, callCount: 1 });
    expect(called.body.calledAt).toBe(new Date(MORNING + 7 * 60_000).toISOString());

    clock.advanceMinutes(1);
    expect((await clerk.post(`/api/tickets/${issued.body.id}/start`)).body.status).toBe('serving');
    clock.advanceMinutes(10);
    const finished = await clerk.post(`/api/tickets/${issued.body.id}/finish`, { outcome: 'mitid_issued' });
    expect(finished.body).toMatchObject({ status: 'done', outcome: 'mitid_issued' });
    expect(finished.body.startedAt).toBe(new Date(MORNING + 8 * 60_000).toISOString());
    expect(finished.body.finishedAt).toBe(new Date(MORNING + 18 * 60_000).toISOString());

    // The next citizen's estimate learns from that 11-minute service.
    const next = await kiosk.post('/api/tickets', { serviceCode: 'M' });
    const after = await kiosk.post('/api/tickets', { serviceCode: 'M' });
    expect(next.body.estimatedWaitMinutes).toBe(0);
    expect(after.body.estimatedWaitMinutes).toBe(11);
  });

  it('numbers per service and restarts every Copenhagen day, at local midnight', async () => {
    // 23:59 Copenhagen on 25 November is 22:59 UTC.
    const clock = new TestClock(Date.UTC(2026, 10, 25, 22, 59));
    const { kiosk } = await office(clock);
    const numbers = [];
    for (const code of ['M', 'M', 'P', 'M']) numbers.push((await kiosk.post('/api/tickets', { serviceCode: code })).body.number);
    expect(numbers).toEqual(['M001', 'M002', 'P001', 'M003']);
    clock.advanceMinutes(1); // 00:00 on the 26th in Copenhagen, still the 25th in UTC
    expect((await kiosk.post('/api/tickets', { serviceCode: 'M' })).body.number).toBe('M001');
  });

  it('recall announces again, no-show ends the ticket, requeue puts it back at its place', async () => {
    const clock = new TestClock(MORNING);
    const { kiosk, clerk } = await office(clock);
    const first = (await kiosk.post('/api/tickets', { serviceCode: 'M' })).body;
    clock.advanceMinutes(1);
    const second = (await kiosk.post('/api/tickets', { serviceCode: 'M' })).body;
    await clerk.post('/api/counters/1/open');

    expect((await clerk.post('/api/counters/1/call-next')).body.id).toBe(first.id);
    const recalled = await clerk.post(`/api/tickets/${first.id}/recall`);
    expect(recalled.body).toMatchObject({ status: 'called', callCount: 2 });
    const requeued = await clerk.post(`/api/tickets/${first.id}/requeue`);
    expect(requeued.body).toMatchObject({ status: 'waiting', counterId: null });
    // Back at the front, ahead of the later arrival.
    expect((await clerk.post('/api/counters/1/call-next')).body.id).toBe(first.id);
    expect((await clerk.post(`/api/tickets/${first.id}/no-show`)).body.status).toBe('no_show');
    expect((await clerk.post('/api/counters/1/call-next')).body.id).toBe(second.id);
  });

  it('transfer keeps the number and the place by original arrival', async () => {
    const clock = new TestClock(MORNING);
    const { kiosk, clerk } = await office(clock);
    const early = (await kiosk.post('/api/tickets', { serviceCode: 'M' })).body;
    clock.advanceMinutes(5);
    const late = (await kiosk.post('/api/tickets', { serviceCode: 'P' })).body;
    await clerk.post('/api/counters/1/open');
    await clerk.post('/api/counters/1/call-next');
    const moved = await clerk.post(`/api/tickets/${early.id}/transfer`, { serviceCode: 'P' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ number: early.number, serviceCode: 'P', status: 'waiting', transferredFromId: early.id });
    expect((await clerk.get(`/api/tickets/${early.id}`)).body.status).toBe('transferred');
    expect((await clerk.post('/api/counters/1/call-next')).body.id).toBe(moved.body.id);
    expect(late.id).not.toBe(moved.body.id);
  });

  it('urgent tickets go first; the clerk sees the reason', async () => {
    const clock = new TestClock(MORNING);
    const { kiosk, clerk } = await office(clock);
    await kiosk.post('/api/tickets', { serviceCode: 'M' });
    clock.advanceMinutes(1);
    const urgent = (await kiosk.post('/api/tickets', { serviceCode: 'M', urgent: { reason: 'hospital_summons' } })).body;
    expect(urgent).toMatchObject({ priority: 'urgent', urgentReason: 'hospital_summons' });
    await clerk.post('/api/counters/1/open');
    expect((await clerk.post('/api/counters/1/call-next')).body.id).toBe(urgent.id);
  });

  it('a walk-up citizen is served at once and counted', async () => {
    const { clerk } = await office();
    await clerk.post('/api/counters/1/open');
    const served = await clerk.post('/api/counters/1/walk-up', { serviceCode: 'K' });
    expect(served.status).toBe(201);
    expect(served.body).toMatchObject({ number: 'K001', status: 'serving', walkUp: true });
    expect((await clerk.post('/api/counters/1/call-next')).body.error.code).toBe('counter_busy');
  });

  it('calls a specific waiting ticket out of order, with the reason in the log', async () => {
    const { kiosk, clerk } = await office();
    await kiosk.post('/api/tickets', { serviceCode: 'M' });
    const chosen = (await kiosk.post('/api/tickets', { serviceCode: 'M' })).body;
    await clerk.post('/api/counters/1/open');
    const called = await clerk.post('/api/counters/1/call', { ticketId: chosen.id, reason: 'Kørestolsbruger' });
    expect(called.body).toMatchObject({ id: chosen.id, status: 'called' });
  });

  it('answers 204 when nobody waits', async () => {
    const { clerk } = await office();
    await clerk.post('/api/counters/1/open');
    const response = await clerk.post('/api/counters/1/call-next');
    expect(response.status).toBe(204);
  });
});

describe('counters', () => {
  it('refuse call-next while a ticket is current (409 counter_busy), and before opening (409 counter_not_open)', async () => {
    const { kiosk, clerk } = await office();
    await kiosk.post('/api/tickets', { serviceCode: 'M' });
    await kiosk.post('/api/tickets', { serviceCode: 'M' });
    const notOpen = await clerk.post('/api/counters/1/call-next');
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.error.code).toBe('counter_not_open');
    await clerk.post('/api/counters/1/open');
    await clerk.post('/api/counters/1/call-next');
    const busy = await clerk.post('/api/counters/1/call-next');
    expect(busy.status).toBe(409);
    expect(busy.body).toEqual({ error: { code: 'counter_busy', message: expect.any(String) } });
  });

  it('are held by one clerk at a time, and a clerk holds one counter', async () => {
    running = await startTestHost();
    const [anna, bo] = await clerks(running.url, 2);
    expect((await anna!.post('/api/counters/1/open')).status).toBe(200);
    const taken = await bo!.post('/api/counters/1/open');
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('counter_taken');
    // Anna moves to counter 2: counter 1 is left, not held twice.
    expect((await anna!.post('/api/counters/2/open')).status).toBe(200);
    const list = (await anna!.get('/api/counters')).body as { id: number; heldBy: { id: number } | null }[];
    expect(list.filter((c) => c.heldBy !== null).map((c) => c.id)).toEqual([2]);
    expect((await bo!.post('/api/counters/1/open')).status).toBe(200);
  });

  it('logging out closes the counter and puts a called citizen back in line', async () => {
    const { kiosk, clerk } = await office();
    const ticket = (await kiosk.post('/api/tickets', { serviceCode: 'M' })).body;
    await clerk.post('/api/counters/1/open');
    await clerk.post('/api/counters/1/call-next');
    expect((await clerk.post('/api/auth/logout')).status).toBe(204);
    const admin = new Client(running!.url);
    await admin.login('admin', 'admin-test-password');
    expect((await admin.get(`/api/tickets/${ticket.id}`)).body.status).toBe('waiting');
    expect((await admin.get('/api/counters/1')).body.heldBy).toBeNull();
  });

  it('only the holder acts on the ticket at a counter', async () => {
    running = await startTestHost();
    const kiosk = new Client(running.url);
    const [anna, bo] = await clerks(running.url, 2);
    const ticket = (await kiosk.post('/api/tickets', { serviceCode: 'M' })).body;
    await anna!.post('/api/counters/1/open');
    await anna!.post('/api/counters/1/call-next');
    const response = await bo!.post(`/api/tickets/${ticket.id}/finish`, { outcome: 'other' });
    expect(response.status).toBe(403);
  });
});
