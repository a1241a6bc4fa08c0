import { describe, it, expect } from 'vitest';
import fc from 'fast-check';

import {
  DEFAULT_SERVICE_MINUTES,
  estimateWaitMinutes,
  typicalServiceMinutes,
  type WaitSituation,
} from '../../core/wait-estimate.js';

const MINUTE = 60_000;
const RUNS = { numRuns: 300 };

describe('estimateWaitMinutes: worked examples', () => {
  // Each expectation worked out by hand: (people ahead + ½ per busy counter) × minutes each,
  // shared by the open counters, rounded up to a whole minute.
  it.each<[string, WaitSituation, number]>([
    ['nobody ahead and a counter free', { ahead: 0, openCounters: 2, busyCounters: 1, serviceMinutes: 8 }, 0],
    ['nobody ahead, the only counter busy: half a citizen', { ahead: 0, openCounters: 1, busyCounters: 1, serviceMinutes: 8 }, 4],
    ['nobody ahead, both counters busy', { ahead: 0, openCounters: 2, busyCounters: 2, serviceMinutes: 8 }, 4],
    ['three ahead, both counters busy', { ahead: 3, openCounters: 2, busyCounters: 2, serviceMinutes: 8 }, 16],
    ['five ahead at one free counter', { ahead: 5, openCounters: 1, busyCounters: 0, serviceMinutes: 8 }, 40],
    ['one ahead, one of three counters busy', { ahead: 1, openCounters: 3, busyCounters: 1, serviceMinutes: 10 }, 5],
    ['rounds 2⅔ minutes up to 3', { ahead: 1, openCounters: 3, busyCounters: 0, serviceMinutes: 8 }, 3],
    ['rounds 3⅓ minutes up, not down, to 4', { ahead: 1, openCounters: 3, busyCounters: 0, serviceMinutes: 10 }, 4],
    ['rounds 7.5 minutes up to 8', { ahead: 2, openCounters: 2, busyCounters: 0, serviceMinutes: 7.5 }, 8],
    ['a closed office estimates as if one counter opens', { ahead: 2, openCounters: 0, busyCounters: 0, serviceMinutes: 8 }, 16],
    ['a closed office with nobody ahead', { ahead: 0, openCounters: 0, busyCounters: 0, serviceMinutes: 8 }, 0],
  ])('%s', (_, situation, minutes) => {
    expect(estimateWaitMinutes(situation)).toBe(minutes);
  });
});

describe('typicalServiceMinutes', () => {
  it('assumes the default before the office has finished anybody', () => {
    expect(typicalServiceMinutes([])).toBe(DEFAULT_SERVICE_MINUTES);
  });

  it('ignores durations that cannot be real, and falls back to the default if nothing is left', () => {
    expect(typicalServiceMinutes([0, -MINUTE, Number.NaN, Number.POSITIVE_INFINITY])).toBe(DEFAULT_SERVICE_MINUTES);
    expect(typicalServiceMinutes([0, 6 * MINUTE, Number.NaN, -3 * MINUTE])).toBe(6);
  });

  it.each([
    [[6, 10, 20], 10],
    [[4, 6], 5],
    [[5, 5, 5, 5, 120], 5],
    [[1.5], 1.5],
  ])('takes the median of %j minutes: %s', (minutes, expected) => {
    expect(typicalServiceMinutes(minutes.map((m) => m * MINUTE))).toBe(expected);
  });

  it('never promises less than one minute per citizen', () => {
    expect(typicalServiceMinutes([10_000, 20_000])).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: the promise must move the right way when the situation changes.
// ---------------------------------------------------------------------------------------------

const situationArb: fc.Arbitrary<WaitSituation> = fc
  .record({
    ahead: fc.nat({ max: 60 }),
    openCounters: fc.nat({ max: 8 }),
    busyShare: fc.double({ min: 0, max: 1, noNaN: true }),
    serviceMinutes: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.double({ min: 1, max: 60, noNaN: true })),
  })
  .map(({ ahead, openCounters, busyShare, serviceMinutes }) => ({
    ahead,
    openCounters,
    busyCounters: Math.round(busyShare * openCounters),
    serviceMinutes,
  }));

describe('estimateWaitMinutes: properties', () => {
  it('is a whole, non-negative number of minutes', () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const minutes = estimateWaitMinutes(s);
        expect(Number.isInteger(minutes)).toBe(true);
        expect(minutes).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('more people ahead never lowers the estimate', () => {
    fc.assert(
      fc.property(situationArb, fc.integer({ min: 1, max: 20 }), (s, more) => {
        expect(estimateWaitMinutes({ ...s, ahead: s.ahead + more })).toBeGreaterThanOrEqual(estimateWaitMinutes(s));
      }),
      RUNS,
    );
  });

  it('more open counters never raises the estimate', () => {
    fc.assert(
      fc.property(situationArb, fc.integer({ min: 1, max: 5 }), (s, more) => {
        expect(estimateWaitMinutes({ ...s, openCounters: s.openCounters + more })).toBeLessThanOrEqual(estimateWaitMinutes(s));
      }),
      RUNS,
    );
  });

  it('another counter getting busy never lowers the estimate', () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        fc.pre(s.busyCounters < s.openCounters);
        expect(estimateWaitMinutes({ ...s, busyCounters: s.busyCounters + 1 })).toBeGreaterThanOrEqual(estimateWaitMinutes(s));
      }),
      RUNS,
    );
  });

  it('slower service never lowers the estimate', () => {
    fc.assert(
      fc.property(situationArb, fc.double({ min: 0, max: 30, noNaN: true }), (s, slower) => {
        expect(estimateWaitMinutes({ ...s, serviceMinutes: s.serviceMinutes + slower })).toBeGreaterThanOrEqual(estimateWaitMinutes(s));
      }),
      RUNS,
    );
  });

  it('promises no wait only when nobody is ahead', () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        if (estimateWaitMinutes(s) === 0) expect(s.ahead).toBe(0);
      }),
      RUNS,
    );
  });
});

describe('typicalServiceMinutes: properties', () => {
  const durationsArb = fc.array(fc.integer({ min: 1, max: 90 * MINUTE }), { maxLength: 20 });
  const junkArb = fc.array(fc.constantFrom(0, -MINUTE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), { maxLength: 5 });

  it('stays within the shortest and longest real duration, and at least one minute', () => {
    fc.assert(
      fc.property(durationsArb.filter((d) => d.length > 0), (durations) => {
        const minutes = typicalServiceMinutes(durations);
        expect(minutes).toBeGreaterThanOrEqual(1);
        expect(minutes).toBeGreaterThanOrEqual(Math.min(...durations) / MINUTE);
        expect(minutes).toBeLessThanOrEqual(Math.max(1, Math.max(...durations) / MINUTE));
      }),
      RUNS,
    );
  });

  it('is not moved by impossible durations mixed in', () => {
    fc.assert(
      fc.property(durationsArb, junkArb, (durations, junk) => {
        expect(typicalServiceMinutes([...junk, ...durations])).toBe(typicalServiceMinutes(durations));
      }),
      RUNS,
    );
  });
});
