import { describe, expect, it } from 'vitest';

import { backtestAccuracy, backtestDay, type PastDay } from '../../../core/planning/backtest.js';
import { arrivalForecast, serviceMinutes, type HistoryTicket } from '../../../core/planning/history.js';
import { simulateDay } from '../../../core/planning/simulate-day.js';
import { nextOfficeDay, startOfOfficeDay } from '../../../core/office-day.js';
import { CopenhagenTime } from '../../../core/stats/local-time.js';
import { steadyScenario } from './planning-scenarios.js';

/**
 * Twenty past office days with known parameters: 09:00–15:00, 30 MitID citizens an hour
 * (Poisson), 6 minutes each (exponential), 4 counters open all day. Written as the history
 * tickets and counter stretches the database gives, on real Copenhagen dates.
 */
const KNOWN = { perHour: 30, meanServiceMinutes: 6, counters: 4, openMinute: 540, closeMinute: 900 };
const pastDays: PastDay[] = (() => {
  const days: PastDay[] = [];
  let officeDay = '2026-02-02';
  for (let n = 0; n < 20; n++, officeDay = nextOfficeDay(officeDay)) {
    const midnight = startOfOfficeDay(officeDay);
    const simulated = simulateDay(steadyScenario(KNOWN), 99, n);
    const tickets: HistoryTicket[] = simulated.tickets.map((t) => ({
      serviceCode: t.serviceCode,
      priority: t.priority,
      status: 'done',
      arrivedAt: midnight + Math.round(t.arrivedAt),
      callableAt: midnight + Math.round(t.callableAt),
      calledAt: midnight + Math.round(t.calledAt),
      finishedAt: midnight + Math.round(t.finishedAt),
      transferredFromId: null,
    }));
    const lastFinish = Math.max(...tickets.map((t) => t.finishedAt!));
    const sessions = [1, 2, 3, 4].map((counterId) => ({ counterId, staffId: null, start: midnight + 540 * 60_000, end: Math.max(midnight + 900 * 60_000, lastFinish) }));
    days.push({ officeDay, tickets, sessions });
  }
  return days;
})();

describe('planning from history', () => {
  const times = new CopenhagenTime();

  it('recovers the arrival rate per quarter hour and the mean service time', () => {
    const forecast = arrivalForecast(pastDays.map((d) => d.tickets), times).get('M')!;
    const open = forecast.slice(36, 60);
    const mean = open.reduce((a, b) => a + b, 0) / open.length;
    expect(mean).toBeGreaterThan(7.5 * 0.95);
    expect(mean).toBeLessThan(7.5 * 1.05);
    expect(forecast.slice(0, 36).every((n) => n === 0)).toBe(true);
    const served = serviceMinutes(pastDays.flatMap((d) => d.tickets)).get('M')!;
    const meanService = served.reduce((a, b) => a + b, 0) / served.length;
    expect(meanService).toBeGreaterThan(6 * 0.95);
    expect(meanService).toBeLessThan(6 * 1.05);
  });

  it('backtests the past days: unbiased over the days, with the error a single day’s luck brings', () => {
    const setting = {
      servicesOfCounter: new Map([1, 2, 3, 4].map((id) => [id, ['M']])),
      serviceMinutes: serviceMinutes(pastDays.flatMap((d) => d.tickets)),
      slaMinutes: new Map([['M', 15]]),
      policy: steadyScenario(KNOWN).policy,
      runs: 20,
      seed: 5,
      times,
    };
    const results = pastDays.map((day) => backtestDay(day, setting));
    for (const r of results) {
      expect(r.arrivals).toBe(pastDays.find((d) => d.officeDay === r.officeDay)!.tickets.length);
      expect(r.actual.p90).not.toBeNull();
      expect(r.predicted.p90).not.toBeNull();
    }
    const accuracy = backtestAccuracy(results);
    expect(accuracy.days).toBe(20);
    // A day's p90 wait is some 10 minutes here. Over the days the predictions are right on
    // average (an error in the recovered service times would shift every day the same way) …
    expect(Math.abs(accuracy.p90MeanError!)).toBeLessThan(1);
    expect(accuracy.medianMeanAbsoluteError!).toBeLessThan(1.5);
    // … but one day's p90 is off by minutes: which citizens took long that day is luck the
    // replay cannot know (measured: about 5 minutes; docs/planning.md says how to read it).
    expect(accuracy.p90MeanAbsoluteError!).toBeLessThan(7);
  });

  it('a day without citizens has nothing to predict', () => {
    const empty = backtestDay({ officeDay: '2026-02-01', tickets: [], sessions: [] }, {
      servicesOfCounter: new Map(),
      serviceMinutes: new Map(),
      slaMinutes: new Map(),
      policy: steadyScenario(KNOWN).policy,
      runs: 5,
      seed: 1,
      times,
    });
    expect(empty).toEqual({ officeDay: '2026-02-01', arrivals: 0, actual: { median: null, p90: null }, predicted: { median: null, p90: null } });
    expect(backtestAccuracy([empty]).days).toBe(0);
  });
});
