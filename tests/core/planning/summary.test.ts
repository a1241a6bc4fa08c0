import { describe, expect, it } from 'vitest';

import { simulateDay, simulateDays } from '../../../core/planning/simulate-day.js';
import { scheduledCounters, summarise } from '../../../core/planning/summary.js';
import type { DayScenario } from '../../../core/planning/scenario.js';
import { DEFAULT_QUEUE_POLICY } from '../../../core/queue-policy.js';

/** Four walk-ins at 09:00, 09:01, 09:02, 10:30; one counter 09:00–11:00 (two from 10:00); 10 minutes each. */
const handDay: DayScenario = {
  openMinute: 540,
  closeMinute: 660,
  services: [
    {
      code: 'M',
      slaMinutes: 10,
      arrivals: { kind: 'recorded', tickets: [540, 541, 542, 630].map((minute) => ({ minute, priority: 'normal' as const })) },
      serviceTime: { kind: 'fixed', minutes: 10 },
    },
  ],
  counters: [
    { fromMinute: 540, toMinute: 660, count: 1, serviceCodes: ['M'] },
    { fromMinute: 600, toMinute: 660, count: 1, serviceCodes: ['M'] },
  ],
  policy: DEFAULT_QUEUE_POLICY,
};

describe('summarise', () => {
  it('gives a hand-worked day its waits, SLA share, chance of waiting and utilisation', () => {
    // Waits 0, 9 and 18 minutes (one counter), then 0 at 10:30.
    const figures = summarise(handDay, [simulateDay(handDay, 1, 0)]);
    expect(figures.served).toBe(4);
    expect(figures.waitMinutes).toEqual({ mean: 6.75, median: 4.5, p90: 15.3, max: 18 });
    expect(figures.probabilityOfWaiting).toBe(0.5);
    expect(figures.slaShare).toBe(0.25);
    // Busy 40 minutes of 180 counter-minutes.
    expect(figures.utilisation).toBeCloseTo(40 / 180, 10);
    expect(figures.byHour.map((h) => [h.hour, h.arrivals, h.counters])).toEqual([
      [9, 3, 1],
      [10, 1, 2],
    ]);
    expect(figures.byHour[0]!.waitMinutes.mean).toBe(9);
    expect(figures.byHour[1]!.utilisation).toBeCloseTo(10 / 120, 10);
  });

  it('shows the spread of the days: the p90 of the daily p90 is at least its median', () => {
    const scenario: DayScenario = {
      ...handDay,
      services: [{ code: 'M', slaMinutes: 10, arrivals: { kind: 'poisson', perQuarter: new Array(96).fill(4) }, serviceTime: { kind: 'exponential', meanMinutes: 6 } }],
      counters: [{ fromMinute: 540, toMinute: 660, count: 2, serviceCodes: ['M'] }],
    };
    const figures = summarise(scenario, simulateDays(scenario, 40, 5));
    expect(figures.days).toBe(40);
    expect(figures.dailyP90.p90!).toBeGreaterThan(figures.dailyP90.median!);
  });

  it('averages counters over the hour’s minutes of opening', () => {
    const halfHour = { openMinute: 570, closeMinute: 660, counters: [{ fromMinute: 570, toMinute: 585, count: 2, serviceCodes: ['M'] }] };
    expect(scheduledCounters(halfHour, 9)).toBe(1);
    expect(scheduledCounters(halfHour, 11)).toBe(0);
  });
});
