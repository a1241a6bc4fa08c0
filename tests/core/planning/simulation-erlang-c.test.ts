import { describe, expect, it } from 'vitest';

import { erlangCMeanWaitMinutes, erlangCProbabilityOfWaiting } from '../../../core/planning/erlang-c.js';
import { simulateDays } from '../../../core/planning/simulate-day.js';
import { steadyScenario } from './planning-scenarios.js';

const HOUR_MS = 3_600_000;
/**
 * Erlang C describes a queue that has run for ever; an office day starts empty. The days here
 * last 24 hours and only citizens arriving after the first 6 count, by when even the ρ = 0.9
 * case has forgotten its empty start (its relaxation time is about an hour and a half).
 */
const WARM_UP_MS = 6 * HOUR_MS;
/** About 300 000 counted citizens a case: the sampling error of the mean wait is then ~2 %. */
const DAYS = 500;
const SEED = 17;

const cases = [
  { perHour: 20, meanServiceMinutes: 6, counters: 4 }, // ρ = 0.5
  { perHour: 30, meanServiceMinutes: 6, counters: 5 }, // ρ = 0.6
  { perHour: 30, meanServiceMinutes: 6, counters: 4 }, // ρ = 0.75
  { perHour: 34, meanServiceMinutes: 6, counters: 4 }, // ρ = 0.85
  { perHour: 90, meanServiceMinutes: 6, counters: 10 }, // ρ = 0.9
];

describe('the simulation against Erlang C (Poisson arrivals, exponential service, one service)', () => {
  for (const c of cases) {
    const rho = (c.perHour * c.meanServiceMinutes) / 60 / c.counters;
    it(`ρ = ${rho.toFixed(2)}: ${c.perHour}/h, ${c.meanServiceMinutes} min, ${c.counters} counters — P(wait) and mean wait within 5 %`, () => {
      const days = simulateDays(steadyScenario(c), DAYS, SEED);
      const waits = days.flatMap((d) => d.tickets.filter((t) => t.arrivedAt >= WARM_UP_MS).map((t) => t.calledAt - t.arrivedAt));
      const mean = waits.reduce((sum, w) => sum + w, 0) / waits.length / 60_000;
      const probabilityOfWaiting = waits.filter((w) => w > 0).length / waits.length;
      const input = { arrivalsPerHour: c.perHour, meanServiceMinutes: c.meanServiceMinutes, counters: c.counters };
      expect(probabilityOfWaiting / erlangCProbabilityOfWaiting(input)).toBeGreaterThan(0.95);
      expect(probabilityOfWaiting / erlangCProbabilityOfWaiting(input)).toBeLessThan(1.05);
      expect(mean / erlangCMeanWaitMinutes(input)).toBeGreaterThan(0.95);
      expect(mean / erlangCMeanWaitMinutes(input)).toBeLessThan(1.05);
    });
  }
});
