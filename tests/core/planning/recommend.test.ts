import { describe, expect, it } from 'vitest';

import { erlangCCountersForP90 } from '../../../core/planning/erlang-c.js';
import { recommendStaffing } from '../../../core/planning/recommend.js';
import type { DayScenario } from '../../../core/planning/scenario.js';
import { DEFAULT_QUEUE_POLICY } from '../../../core/queue-policy.js';
import { steadyScenario } from './planning-scenarios.js';

/** An office with a morning rush: 09:00–15:00, two services, most citizens between 10 and 12. */
const rushDay: Omit<DayScenario, 'counters'> = {
  openMinute: 540,
  closeMinute: 900,
  services: [
    { code: 'M', slaMinutes: 15, arrivals: { kind: 'poisson', perQuarter: perQuarterByHour({ 9: 12, 10: 30, 11: 36, 12: 20, 13: 12, 14: 8 }) }, serviceTime: { kind: 'exponential', meanMinutes: 7 } },
    { code: 'P', slaMinutes: 20, arrivals: { kind: 'poisson', perQuarter: perQuarterByHour({ 9: 4, 10: 8, 11: 8, 12: 6, 13: 4, 14: 2 }) }, serviceTime: { kind: 'fixed', minutes: 10 } },
  ],
  policy: DEFAULT_QUEUE_POLICY,
};

function perQuarterByHour(perHour: Record<number, number>): number[] {
  return Array.from({ length: 96 }, (_, quarter) => (perHour[Math.floor(quarter / 4)] ?? 0) / 4);
}

describe('recommendStaffing', () => {
  it('keeps every hour within the target, and follows the rush', () => {
    const plan = recommendStaffing({ scenario: rushDay, p90WaitMinutes: 8, maxCounters: 12, days: 30, seed: 3 });
    expect(plan.hours.map((h) => h.hour)).toEqual([9, 10, 11, 12, 13, 14]);
    for (const h of plan.hours) {
      expect(h.withinTarget).toBe(true);
      expect(h.p90WaitMinutes!).toBeLessThanOrEqual(8);
    }
    const byHour = new Map(plan.hours.map((h) => [h.hour, h.counters]));
    expect(byHour.get(11)!).toBeGreaterThan(byHour.get(9)!);
    expect(byHour.get(11)!).toBeGreaterThan(byHour.get(14)!);
    expect(plan.figures.byHour.map((h) => h.counters)).toEqual(plan.hours.map((h) => h.counters));
  });

  it('never needs fewer counters, in any hour, for a stricter target', () => {
    const targets = [20, 10, 5, 2, 0.5];
    const plans = targets.map((p90WaitMinutes) => recommendStaffing({ scenario: rushDay, p90WaitMinutes, maxCounters: 15, days: 20, seed: 8 }));
    for (let i = 1; i < plans.length; i++) {
      plans[i]!.hours.forEach((h, hour) => expect(h.counters).toBeGreaterThanOrEqual(plans[i - 1]!.hours[hour]!.counters));
    }
    expect(plans.at(-1)!.hours.reduce((n, h) => n + h.counters, 0)).toBeGreaterThan(plans[0]!.hours.reduce((n, h) => n + h.counters, 0));
  });

  it('stops at maxCounters and says the hour misses the target', () => {
    const plan = recommendStaffing({ scenario: rushDay, p90WaitMinutes: 5, maxCounters: 3, days: 10, seed: 1 });
    const rush = plan.hours.find((h) => h.hour === 11)!;
    expect(rush.counters).toBe(3);
    expect(rush.withinTarget).toBe(false);
    expect(rush.p90WaitMinutes!).toBeGreaterThan(5);
  });

  for (const c of [
    { perHour: 30, meanServiceMinutes: 6, target: 5 },
    { perHour: 60, meanServiceMinutes: 5, target: 3 },
    { perHour: 20, meanServiceMinutes: 12, target: 10 },
  ]) {
    it(`matches Erlang C staffing within one counter in a steady day: ${c.perHour}/h, ${c.meanServiceMinutes} min, p90 ≤ ${c.target} min`, () => {
      const { counters: _, ...scenario } = steadyScenario({ perHour: c.perHour, meanServiceMinutes: c.meanServiceMinutes, counters: 1, openMinute: 480, closeMinute: 960 });
      const plan = recommendStaffing({ scenario, p90WaitMinutes: c.target, maxCounters: 20, days: 40, seed: 11 });
      const erlang = erlangCCountersForP90(c.perHour, c.meanServiceMinutes, c.target);
      // The first hour starts with an empty office, which a steady state never has: it may need less.
      expect(plan.hours[0]!.counters).toBeLessThanOrEqual(erlang);
      for (const h of plan.hours.slice(1)) expect(Math.abs(h.counters - erlang), `hour ${h.hour}`).toBeLessThanOrEqual(1);
    });
  }
});
