import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_POLICY } from '../../core/queue-policy.js';
import { steadyRate } from '../../core/planning/arrivals.js';
import { fillPlanningHistory } from '../support/planning-history.js';
import { Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

/** Today is Wednesday 25 November 2026; the history holds the Mondays of the eight weeks before. */
const clock = new TestClock(Date.parse('2026-11-25T10:00:00+01:00'));
let running: TestHost;
let manager: Client;
let mondays: string[];

/** Known parameters: 09:00–15:00, 30 MitID citizens an hour, 6 minutes each, all four counters. */
const KNOWN = {
  openMinute: 540,
  closeMinute: 900,
  services: [{ code: 'M', slaMinutes: 20, arrivals: { kind: 'poisson' as const, perQuarter: steadyRate(30) }, serviceTime: { kind: 'exponential' as const, meanMinutes: 6 } }],
  counters: [{ fromMinute: 540, toMinute: 900, count: 4, serviceCodes: ['M'] }],
  policy: DEFAULT_QUEUE_POLICY,
};

beforeAll(async () => {
  running = await startTestHost({ clock: clock.read });
  mondays = fillPlanningHistory(path.join(running.dataDir, 'office.sqlite'), { from: '2026-09-28', to: '2026-11-24', weekday: 1, scenario: KNOWN, seed: 21 });
  manager = (await clerks(running.url, 1, 'manager'))[0]!;
});
afterAll(async () => running?.stop());

describe('GET /api/planning/backtest', () => {
  it('replays the last eight Mondays: the forecast recovers the rate, the predictions are unbiased', async () => {
    expect(mondays).toHaveLength(9);
    const response = await manager.get('/api/planning/backtest?weekday=1&weeks=8');
    expect(response.status).toBe(200);
    const { days, accuracy, forecast } = response.body;
    // The eight Mondays before today, most recent first (28 September is the ninth, left out).
    expect(days.map((d: any) => d.officeDay)).toEqual(['2026-11-23', '2026-11-16', '2026-11-09', '2026-11-02', '2026-10-26', '2026-10-19', '2026-10-12', '2026-10-05']);
    expect(forecast.map((h: any) => h.hour)).toEqual([9, 10, 11, 12, 13, 14]);
    for (const h of forecast) {
      expect(h.arrivals).toBeGreaterThan(24);
      expect(h.arrivals).toBeLessThan(36);
    }
    const total = forecast.reduce((sum: number, h: any) => sum + h.arrivals, 0);
    expect(total / 6).toBeGreaterThan(30 * 0.93);
    expect(total / 6).toBeLessThan(30 * 1.07);
    expect(accuracy.days).toBe(8);
    expect(Math.abs(accuracy.p90MeanError)).toBeLessThan(2);
    for (const d of days) {
      expect(d.arrivals).toBeGreaterThan(140);
      expect(d.predicted.p90).not.toBeNull();
    }
  });

  it('replays one date', async () => {
    const response = await manager.get('/api/planning/backtest?date=2026-11-16');
    expect(response.status).toBe(200);
    expect(response.body.days).toHaveLength(1);
    expect(response.body.days[0].actual.p90).toBeGreaterThan(0);
  });

  it.each([
    ['neither weekday nor date', '', 'weekday'],
    ['a weekday out of range', '?weekday=8', 'weekday'],
    ['more than a year of weeks', '?weekday=1&weeks=53', 'weeks'],
    ['a date not yet past', '?date=2026-11-25', 'date'],
    ['no date at all', '?date=2026-02-30', 'date'],
  ])('refuses %s with 400 naming the field', async (_, query, field) => {
    const response = await manager.get(`/api/planning/backtest${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(field);
  });
});

describe('planning from the office’s own history', () => {
  it('simulates Mondays with the arrivals and service times of the last eight', async () => {
    const body = { days: 20, open: '09:00', close: '15:00', arrivals: { kind: 'history', weekday: 1 }, service: { kind: 'history' }, counters: [{ from: '09:00', to: '15:00', count: 4 }] };
    const response = await manager.post('/api/planning/simulate', body);
    expect(response.status).toBe(200);
    expect(response.body.byService.map((s: any) => s.serviceCode)).toEqual(['M']);
    // 30 an hour for six hours, twenty days.
    expect(response.body.served / 20).toBeGreaterThan(160);
    expect(response.body.served / 20).toBeLessThan(200);
    expect(response.body.utilisation).toBeGreaterThan(0.6);
    expect(response.body.utilisation).toBeLessThan(0.9);
  });

  it('recommends counters for Mondays from the history', async () => {
    const body = { days: 10, open: '09:00', close: '15:00', arrivals: { kind: 'history', weekday: 1 }, service: { kind: 'history' }, target: { p90WaitMinutes: 5 }, maxCounters: 10 };
    const response = await manager.post('/api/planning/recommend', body);
    expect(response.status).toBe(200);
    expect(response.body.hours.map((h: any) => h.hour)).toEqual([9, 10, 11, 12, 13, 14]);
    for (const h of response.body.hours.slice(1)) expect(h.counters).toBeGreaterThanOrEqual(4);
  });

  it('refuses history service times for a service the history never served, naming the field', async () => {
    const body = { days: 5, open: '09:00', close: '15:00', arrivals: { kind: 'poisson', perHour: { K: 5 } }, service: { kind: 'history', weekday: 1 }, counters: [{ from: '09:00', to: '15:00', count: 1 }] };
    const response = await manager.post('/api/planning/simulate', body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('service');
  });
});
