import { describe, expect, it } from 'vitest';

import {
  erlangCCountersForP90,
  erlangCMeanWaitMinutes,
  erlangCProbabilityOfWaiting,
  erlangCWaitLongerThan,
} from '../../../core/planning/erlang-c.js';

describe('Erlang C', () => {
  it('gives the hand-checked figures: 30 an hour, 6 minutes, 4 and 5 counters', () => {
    const four = { arrivalsPerHour: 30, meanServiceMinutes: 6, counters: 4 };
    expect(erlangCProbabilityOfWaiting(four)).toBeCloseTo(0.5094, 3);
    expect(erlangCMeanWaitMinutes(four)).toBeCloseTo(3.057, 2);
    const five = { ...four, counters: 5 };
    expect(erlangCProbabilityOfWaiting(five)).toBeCloseTo(0.2362, 3);
    expect(erlangCMeanWaitMinutes(five)).toBeCloseTo(0.709, 2);
  });

  it('is M/M/1 for one counter: P(wait) = ρ and mean wait = ρ·s / (1 − ρ)', () => {
    const one = { arrivalsPerHour: 6, meanServiceMinutes: 5, counters: 1 };
    expect(erlangCProbabilityOfWaiting(one)).toBeCloseTo(0.5, 10);
    expect(erlangCMeanWaitMinutes(one)).toBeCloseTo(5, 10);
  });

  it('says everyone waits, forever, when the counters cannot keep up', () => {
    const overloaded = { arrivalsPerHour: 60, meanServiceMinutes: 6, counters: 6 };
    expect(erlangCProbabilityOfWaiting(overloaded)).toBe(1);
    expect(erlangCMeanWaitMinutes(overloaded)).toBe(Infinity);
  });

  it('has a wait tail that starts at P(wait) and falls', () => {
    const four = { arrivalsPerHour: 30, meanServiceMinutes: 6, counters: 4 };
    expect(erlangCWaitLongerThan(four, 0)).toBeCloseTo(erlangCProbabilityOfWaiting(four), 12);
    expect(erlangCWaitLongerThan(four, 5)).toBeLessThan(erlangCWaitLongerThan(four, 1));
  });

  it('staffs for a p90 target with the fewest counters that meet it', () => {
    const counters = erlangCCountersForP90(30, 6, 5);
    const input = { arrivalsPerHour: 30, meanServiceMinutes: 6 };
    expect(erlangCWaitLongerThan({ ...input, counters }, 5)).toBeLessThanOrEqual(0.1);
    expect(erlangCWaitLongerThan({ ...input, counters: counters - 1 }, 5)).toBeGreaterThan(0.1);
    // By hand: 4 counters 0.509·e^(−5/6) ≈ 0.22 wait over 5 minutes; 5 counters 0.236·e^(−10/6) ≈ 0.045.
    expect(counters).toBe(5);
  });
});
