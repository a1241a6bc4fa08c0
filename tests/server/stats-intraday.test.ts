import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

/**
 * One morning played through the API on a controlled clock (Copenhagen winter time, UTC+1):
 *  M001 09:05, called 09:20, started 09:21, done 10:10
 *  M002 09:40, called 10:10, no-show 10:15
 *  P001 09:50, still waiting
 */
const at = (clock: string) => Date.parse(`2026-11-25T${clock}:00+01:00`);
const clock = new TestClock(at('08:00'));
let running: TestHost;
let manager: Client;
let clerk: Client;

beforeAll(async () => {
  running = await startTestHost({ clock: clock.read, sessionIdleMinutes: 24 * 60 });
  clerk = (await clerks(running.url, 1))[0]!;
  manager = (await clerks(running.url, 1, 'manager'))[0]!;
  const kiosk = new Client(running.url);
  const step = async (time: string, run: () => Promise<{ status: number; body: any }>, status = 200) => {
    clock.now = at(time);
    const response = await run();
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    return response.body;
  };
  await step('09:00', () => clerk.post('/api/counters/1/open'));
  const first = await step('09:05', () => kiosk.post('/api/tickets', { serviceCode: 'M' }), 201);
  const second = await step('09:40', () => kiosk.post('/api/tickets', { serviceCode: 'M' }), 201);
  await step('09:50', () => kiosk.post('/api/tickets', { serviceCode: 'P' }), 201);
  expect((await step('09:20', () => clerk.post('/api/counters/1/call-next'))).id).toBe(first.id);
  await step('09:21', () => clerk.post(`/api/tickets/${first.id}/start`));
  await step('10:10', () => clerk.post(`/api/tickets/${first.id}/finish`, { outcome: 'mitid_issued' }));
  expect((await step('10:10', () => clerk.post('/api/counters/1/call-next'))).id).toBe(second.id);
  await step('10:15', () => clerk.post(`/api/tickets/${second.id}/no-show`));
  clock.now = at('12:00');
});
afterAll(async () => running?.stop());

describe('GET /api/stats/intraday', () => {
  it('gives arrivals by the time of issue and served citizens by the time they left, per hour by default', async () => {
    const response = await manager.get('/api/stats/intraday?from=2026-11-25&to=2026-11-25');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({
      from: '2026-11-25',
      to: '2026-11-25',
      periodMinutes: 60,
      slots: [
        { startMinute: 540, endMinute: 600, arrivals: 3, served: 0 },
        { startMinute: 600, endMinute: 660, arrivals: 0, served: 1 },
      ],
    });
    // Waits: 15 min (M001) and 30 min (M002, called at 10:10).
    expect(response.body.waitBands.map((b: { count: number }) => b.count)).toEqual([0, 0, 0, 1, 0, 1, 0, 0]);
  });

  it('cuts the day in quarters and agrees with the statistics of the same range', async () => {
    const quarters = (await manager.get('/api/stats/intraday?from=2026-11-25&to=2026-11-25&period=15')).body;
    expect(quarters.periodMinutes).toBe(15);
    expect(quarters.slots.map((s: { startMinute: number }) => s.startMinute)).toEqual([540, 555, 570, 585, 600]);
    const summary = (await manager.get('/api/stats?from=2026-11-25&to=2026-11-25')).body.summary;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(quarters.slots.map((s: { arrivals: number }) => s.arrivals))).toBe(summary.issued);
    expect(sum(quarters.slots.map((s: { served: number }) => s.served))).toBe(summary.served);
    expect(sum(quarters.waitBands.map((b: { count: number }) => b.count))).toBe(summary.waitMinutes.count);
  });

  it('refuses a period that does not divide the hour, a reversed range, a clerk and a stranger', async () => {
    expect((await manager.get('/api/stats/intraday?from=2026-11-25&to=2026-11-25&period=20')).status).toBe(400);
    const reversed = await manager.get('/api/stats/intraday?from=2026-11-26&to=2026-11-25');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.code).toBe('invalid_range');
    expect((await clerk.get('/api/stats/intraday?from=2026-11-25&to=2026-11-25')).status).toBe(403);
    expect((await new Client(running.url).get('/api/stats/intraday?from=2026-11-25&to=2026-11-25')).status).toBe(401);
  });
});
