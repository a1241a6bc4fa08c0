import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_POLICY } from '../../core/queue-policy.js';
import { steadyRate } from '../../core/planning/arrivals.js';
import { fillPlanningHistory } from '../support/planning-history.js';
import { Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

/** Today is Wednesday 25 November 2026; the history holds the Mondays before; Monday 30 November is planned. */
const clock = new TestClock(Date.parse('2026-11-25T10:00:00+01:00'));
let running: TestHost;
let manager: Client;

/** Walk-ins only: 09:00–15:00, 20 MitID citizens an hour, 6 minutes each. */
const WALK_INS = {
  openMinute: 540,
  closeMinute: 900,
  services: [{ code: 'M', slaMinutes: 20, arrivals: { kind: 'poisson' as const, perQuarter: steadyRate(20) }, serviceTime: { kind: 'exponential' as const, meanMinutes: 6 } }],
  counters: [{ fromMinute: 540, toMinute: 900, count: 3, serviceCodes: ['M'] }],
  policy: DEFAULT_QUEUE_POLICY,
};
/** Ten bookings on the planned Monday, every quarter hour from 10:00 (Copenhagen is UTC+1 in November). */
const SLOTS = Array.from({ length: 10 }, (_, i) => new Date(Date.parse('2026-11-30T09:00:00Z') + i * 15 * 60_000).toISOString());

beforeAll(async () => {
  running = await startTestHost({ clock: clock.read });
  fillPlanningHistory(path.join(running.dataDir, 'office.sqlite'), { from: '2026-10-05', to: '2026-11-24', weekday: 1, scenario: WALK_INS, seed: 5 });
  manager = (await clerks(running.url, 1, 'manager'))[0]!;
  const [clerk] = await clerks(running.url, 1);
  for (const start of SLOTS) expect((await clerk!.post('/api/appointments', { serviceCode: 'M', start })).status).toBe(201);
});
afterAll(async () => running?.stop());

const plan = (history: Record<string, unknown>) =>
  manager.post('/api/planning/simulate', {
    days: 30,
    open: '09:00',
    close: '15:00',
    arrivals: { kind: 'history', ...history },
    service: { kind: 'history' },
    counters: [{ from: '09:00', to: '15:00', count: 3 }],
    seed: 2,
  });

describe('planning a date', () => {
  it('adds the date’s bookings as slots to the weekday’s walk-ins', async () => {
    const [monday, dated] = await Promise.all([plan({ weekday: 1 }), plan({ date: '2026-11-30' })]);
    expect(monday.status).toBe(200);
    expect(dated.status).toBe(200);
    const extraPerDay = (dated.body.served - monday.body.served) / 30;
    expect(extraPerDay).toBeGreaterThan(8);
    expect(extraPerDay).toBeLessThan(12);
    // The bookings are at 10:00–12:15: the hours before and after see no more citizens.
    const hour = (figures: any, h: number) => figures.byHour.find((x: any) => x.hour === h).arrivals;
    expect(hour(dated.body, 9)).toBeCloseTo(hour(monday.body, 9), 0);
    expect(hour(dated.body, 10) - hour(monday.body, 10)).toBeGreaterThan(3);
  });

  it.each([
    ['a past date', { date: '2026-11-23' }, 'arrivals.date'],
    ['a date and a weekday', { date: '2026-11-30', weekday: 1 }, 'arrivals.weekday'],
    ['a date that is not a day', { date: '2026-02-30' }, 'arrivals.date'],
  ])('refuses %s with 400 naming the field', async (_, history, field) => {
    const response = await plan(history);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(field);
  });
});
