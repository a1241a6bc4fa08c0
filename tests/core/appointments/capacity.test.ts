import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitsCapacity, peakOverlap, slotCapacity, type Slot } from '../../../core/appointments/capacity.js';

const MINUTE = 60_000;
const NINE = Date.UTC(2026, 10, 25, 8, 0);
/** A slot from `from` to `to` minutes after nine. */
const slot = (from: number, to: number): Slot => ({ start: NINE + from * MINUTE, end: NINE + to * MINUTE });

describe('slotCapacity', () => {
  it('is one booking per counter serving the service unless the office set a number', () => {
    expect(slotCapacity(null, 4)).toBe(4);
    expect(slotCapacity(2, 4)).toBe(2);
    expect(slotCapacity(null, 0)).toBe(0);
  });
});

describe('fitsCapacity', () => {
  it('fits back-to-back slots in one place: a slot ends where the next begins', () => {
    expect(fitsCapacity([slot(0, 15)], slot(15, 30), 1)).toBe(true);
    expect(fitsCapacity([slot(15, 30)], slot(0, 15), 1)).toBe(true);
    expect(fitsCapacity([slot(0, 15)], slot(14, 29), 1)).toBe(false);
  });

  it('counts bookings that overlap at the same moment, not every booking touching the slot', () => {
    // 9:00–9:10 and 9:10–9:20 never overlap each other, so 9:05–9:15 meets at most one at a time.
    expect(fitsCapacity([slot(0, 10), slot(10, 20)], slot(5, 15), 2)).toBe(true);
    expect(fitsCapacity([slot(0, 10), slot(10, 20)], slot(5, 15), 1)).toBe(false);
    // 9:00–9:15 and 9:10–9:25 overlap from 9:10, so 9:05–9:20 would make three.
    expect(fitsCapacity([slot(0, 15), slot(10, 25)], slot(5, 20), 2)).toBe(false);
    expect(fitsCapacity([slot(0, 15), slot(10, 25)], slot(5, 20), 3)).toBe(true);
  });

  it('takes nothing when the capacity is zero (no counter serves the service)', () => {
    expect(fitsCapacity([], slot(0, 15), 0)).toBe(false);
  });

  it('agrees with counting minute by minute', () => {
    const slotArb = fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 30 })).map(([from, length]) => slot(from, from + length));
    fc.assert(
      fc.property(fc.array(slotArb, { maxLength: 12 }), slotArb, fc.integer({ min: 0, max: 5 }), (booked, candidate, capacity) => {
        let fits = capacity > 0;
        for (let t = candidate.start; t < candidate.end; t += MINUTE) {
          if (booked.filter((b) => b.start <= t && t < b.end).length + 1 > capacity) fits = false;
        }
        expect(fitsCapacity(booked, candidate, capacity)).toBe(fits);
      }),
      { numRuns: 500 },
    );
  });
});

describe('peakOverlap', () => {
  it('is the most bookings at one moment of the slot, which is what a booking screen shows as taken', () => {
    expect(peakOverlap([], slot(0, 15))).toBe(0);
    expect(peakOverlap([slot(0, 10), slot(10, 20)], slot(5, 15))).toBe(1);
    expect(peakOverlap([slot(0, 15), slot(10, 25), slot(30, 45)], slot(5, 20))).toBe(2);
    expect(peakOverlap([slot(0, 15)], slot(15, 30))).toBe(0);
  });

  it('agrees with counting minute by minute', () => {
    const slotArb = fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 30 })).map(([from, length]) => slot(from, from + length));
    fc.assert(
      fc.property(fc.array(slotArb, { maxLength: 12 }), slotArb, (booked, candidate) => {
        let peak = 0;
        for (let t = candidate.start; t < candidate.end; t += MINUTE) peak = Math.max(peak, booked.filter((b) => b.start <= t && t < b.end).length);
        expect(peakOverlap(booked, candidate)).toBe(peak);
      }),
      { numRuns: 300 },
    );
  });
});
