import { describe, it, expect } from 'vitest';
import fc from 'fast-check';

import { median, percentile, percentileOfSorted } from '../../core/percentile.js';

const RUNS = { numRuns: 300 };

describe('percentile: the same figures as Excel PERCENTILE.INC and numpy (linear)', () => {
  // Each expected value worked out by hand: rank = p × (n − 1) into the sorted values, then
  // linear interpolation between the two neighbouring ranks.
  it.each([
    [[1, 2, 3, 4], 0.9, 3.7], // rank 2.7: 3 + 0.7 × (4 − 3)
    [[1, 2, 3, 4], 0.5, 2.5], // rank 1.5
    [[1, 2, 3, 4], 0.25, 1.75], // rank 0.75
    [[15, 20, 35, 40, 50], 0.4, 29], // rank 1.6: 20 + 0.6 × 15
    [[50, 15, 40, 20, 35], 0.4, 29], // same values, unsorted
    [[15, 20, 35, 40, 50], 0.05, 16], // rank 0.2: 15 + 0.2 × 5
    [[-10, 0, 10], 0.75, 5], // rank 1.5
    [[2.5, 0.5, 1.5], 0.1, 0.7], // rank 0.2: 0.5 + 0.2 × 1
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.95, 95.5], // rank 8.55
    [[7], 0.37, 7],
    [[5, 5, 5, 5], 0.9, 5],
  ])('%j at p = %s → %s', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });

  it('gives the smallest value at p = 0 and the largest at p = 1', () => {
    expect(percentile([4, 9, 1, 7], 0)).toBe(1);
    expect(percentile([4, 9, 1, 7], 1)).toBe(9);
  });

  it('treats p below 0 as 0 and above 1 as 1', () => {
    expect(percentile([4, 9, 1, 7], -0.5)).toBe(1);
    expect(percentile([4, 9, 1, 7], 1.5)).toBe(9);
  });

  it('has no percentile for no data (not 0)', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentileOfSorted([], 0.9)).toBeNull();
    expect(median([])).toBeNull();
  });

  it('does not reorder the values it is given', () => {
    const values = [30, 10, 20];
    percentile(values, 0.5);
    expect(values).toEqual([30, 10, 20]);
  });
});

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[1, 2, 3, 10], 2.5],
    [[42], 42],
    [[600_000, 300_000], 450_000],
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

// Integers keep the interpolation exact enough to compare with plain inequalities.
const valuesArb = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 40 });
const pArb = fc.double({ min: 0, max: 1, noNaN: true });

describe('percentile: properties', () => {
  it('lies between the smallest and the largest value', () => {
    fc.assert(
      fc.property(valuesArb, pArb, (values, p) => {
        const result = percentile(values, p)!;
        expect(result).toBeGreaterThanOrEqual(Math.min(...values));
        expect(result).toBeLessThanOrEqual(Math.max(...values));
      }),
      RUNS,
    );
  });

  it('never falls as p rises', () => {
    fc.assert(
      fc.property(valuesArb, pArb, pArb, (values, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(percentile(values, low)!).toBeLessThanOrEqual(percentile(values, high)!);
      }),
      RUNS,
    );
  });

  it('hits a value at its own rank (up to floating-point rounding of k / (n − 1))', () => {
    fc.assert(
      fc.property(valuesArb, fc.nat(), (values, pick) => {
        const sorted = [...values].sort((x, y) => x - y);
        const k = pick % sorted.length;
        const p = sorted.length === 1 ? 0.5 : k / (sorted.length - 1);
        expect(Math.abs(percentile(values, p)! - sorted[k]!)).toBeLessThan(1e-6);
      }),
      RUNS,
    );
  });

  it('ignores the order of the values, and percentileOfSorted agrees on sorted input', () => {
    const permutedArb = valuesArb.chain((values) =>
      fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length }).map((shuffled) => [values, shuffled] as const),
    );
    fc.assert(
      fc.property(permutedArb, pArb, ([values, shuffled], p) => {
        const sorted = [...values].sort((x, y) => x - y);
        expect(percentile(shuffled, p)).toBe(percentile(values, p));
        expect(percentileOfSorted(sorted, p)).toBe(percentile(values, p));
      }),
      RUNS,
    );
  });

  it('median is the middle value of an odd count and the mean of the middle two of an even count', () => {
    fc.assert(
      fc.property(valuesArb, (values) => {
        const sorted = [...values].sort((x, y) => x - y);
        const mid = Math.floor(sorted.length / 2);
        const expected = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
        expect(median(values)).toBe(expected);
      }),
      RUNS,
    );
  });
});
