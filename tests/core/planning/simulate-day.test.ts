import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { simulateDay, type SimulatedDay } from '../../../core/planning/simulate-day.js';
import type { DayScenario, PlannedService } from '../../../core/planning/scenario.js';
import type { ServiceTimeModel } from '../../../core/planning/service-times.js';
import { configArb } from '../queue-policy-arbitraries.js';

const MINUTE = 60_000;
const CODES = ['M', 'P', 'K'] as const;

const serviceTimeArb: fc.Arbitrary<ServiceTimeModel> = fc.oneof(
  fc.record({ kind: fc.constant('exponential' as const), meanMinutes: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('fixed' as const), minutes: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ kind: fc.constant('empirical' as const), minutes: fc.array(fc.double({ min: 0.5, max: 30, noNaN: true }), { minLength: 1, maxLength: 8 }) }),
);

const serviceArb = (code: string): fc.Arbitrary<PlannedService> =>
  fc.record({
    code: fc.constant(code),
    slaMinutes: fc.integer({ min: 5, max: 30 }),
    arrivals: fc.oneof(
      fc.record({ kind: fc.constant('poisson' as const), perQuarter: fc.array(fc.double({ min: 0, max: 6, noNaN: true }), { minLength: 96, maxLength: 96 }) }),
      fc.record({ kind: fc.constant('counts' as const), perQuarter: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 96, maxLength: 96 }) }),
    ),
    serviceTime: serviceTimeArb,
    urgentShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    appointments: fc.array(fc.integer({ min: 480, max: 960 }), { maxLength: 10 }),
    appointmentLeadMinutes: fc.integer({ min: 0, max: 20 }),
  });

/**
 * An office day: opening 08:00–10:00, closing 14:00–17:00, a few shifts of counters with any
 * mix of services, and always one counter serving everything until the closing, so every
 * citizen can be served.
 */
const scenarioArb: fc.Arbitrary<DayScenario> = fc
  .record({
    openMinute: fc.integer({ min: 480, max: 600 }),
    closeMinute: fc.integer({ min: 840, max: 1020 }),
    services: fc.tuple(...CODES.map(serviceArb)),
    shifts: fc.array(
      fc.record({
        fromMinute: fc.integer({ min: 420, max: 1000 }),
        length: fc.integer({ min: 15, max: 300 }),
        count: fc.integer({ min: 0, max: 3 }),
        serviceCodes: fc.shuffledSubarray([...CODES], { minLength: 1 }),
        ordering: fc.constantFrom('arrival' as const, 'preference' as const),
      }),
      { maxLength: 4 },
    ),
    policy: configArb,
  })
  .map(({ openMinute, closeMinute, services, shifts, policy }) => ({
    openMinute,
    closeMinute,
    services,
    counters: [
      ...shifts.map(({ length, ...s }) => ({ ...s, toMinute: s.fromMinute + length })),
      { fromMinute: openMinute, toMinute: closeMinute, count: 1, serviceCodes: [...CODES] },
    ],
    policy,
  }));

const RUNS = { numRuns: 60 };

function counterShiftOf(scenario: DayScenario, counter: number) {
  let index = counter;
  for (const shift of scenario.counters) {
    if (index < shift.count) return shift;
    index -= shift.count;
  }
  throw new Error(`no counter ${counter}`);
}

describe('simulateDay', () => {
  it('serves every arrival exactly once, when a counter serving everything stays to the closing', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (scenario, seed) => {
        const day = simulateDay(scenario, seed, 0);
        expect([...day.callOrder].sort((a, b) => a - b)).toEqual(day.tickets.map((t) => t.id));
        for (const t of day.tickets) expect(t.counter).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('calls nobody before they arrived, nor a booked citizen before the slot, nor anyone after the door shut', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (scenario, seed) => {
        for (const t of simulateDay(scenario, seed, 0).tickets) {
          expect(t.arrivedAt).toBeGreaterThanOrEqual(scenario.openMinute * MINUTE);
          expect(t.arrivedAt).toBeLessThan(scenario.closeMinute * MINUTE);
          expect(t.calledAt).toBeGreaterThanOrEqual(Math.max(t.arrivedAt, t.callableAt));
          expect(t.finishedAt).toBeGreaterThanOrEqual(t.calledAt);
        }
      }),
      RUNS,
    );
  });

  it('has each counter serve one citizen at a time, only its own services, and only while open', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (scenario, seed) => {
        const day = simulateDay(scenario, seed, 0);
        const counters = new Set(day.tickets.map((t) => t.counter));
        for (const counter of counters) {
          const shift = counterShiftOf(scenario, counter);
          const ordered = day.tickets.filter((t) => t.counter === counter).sort((a, b) => a.calledAt - b.calledAt || a.finishedAt - b.finishedAt);
          ordered.forEach((t, i) => {
            if (i > 0) expect(t.calledAt).toBeGreaterThanOrEqual(ordered[i - 1]!.finishedAt);
            expect(shift.serviceCodes).toContain(t.serviceCode);
            expect(t.calledAt).toBeGreaterThanOrEqual(shift.fromMinute * MINUTE);
            if (shift.toMinute < scenario.closeMinute) expect(t.calledAt).toBeLessThan(shift.toMinute * MINUTE);
          });
        }
      }),
      RUNS,
    );
  });

  it('gives the same day for the same seed and day, and another day for another', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (scenario, seed) => {
        const first: SimulatedDay = simulateDay(scenario, seed, 3);
        expect(simulateDay(scenario, seed, 3)).toEqual(first);
      }),
      RUNS,
    );
    const busy: DayScenario = {
      openMinute: 480,
      closeMinute: 960,
      services: [{ code: 'M', slaMinutes: 15, arrivals: { kind: 'poisson', perQuarter: new Array(96).fill(5) }, serviceTime: { kind: 'exponential', meanMinutes: 6 } }],
      counters: [{ fromMinute: 480, toMinute: 960, count: 3, serviceCodes: ['M'] }],
      policy: { maxConsecutiveUrgent: 3, guardMinutes: 45 },
    };
    expect(simulateDay(busy, 1, 4).tickets).not.toEqual(simulateDay(busy, 1, 5).tickets);
    expect(simulateDay(busy, 1, 4).tickets).not.toEqual(simulateDay(busy, 2, 4).tickets);
  });

  it('records a counter as busy exactly for the service times it gave', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (scenario, seed) => {
        const day = simulateDay(scenario, seed, 0);
        const busy = day.busyMsByHour.reduce((a, b) => a + b, 0);
        const served = day.tickets.reduce((sum, t) => sum + (t.finishedAt - t.calledAt), 0);
        // Both sums add the same durations in a different order, so they differ only by
        // floating-point rounding, which grows with the size of the day (1e8 ms and more).
        expect(Math.abs(busy - served)).toBeLessThanOrEqual(1e-9 * Math.max(1, served));
        day.busyMsByHour.forEach((ms, hour) => expect(ms).toBeLessThanOrEqual(day.openMsByHour[hour]! + 1e-6));
      }),
      RUNS,
    );
  });
});
