import { describe, expect, it } from 'vitest';

import { dayRng, exponential } from '../../../core/planning/rng.js';

describe('dayRng', () => {
  it('repeats a stream for its seed and day, and differs between days and seeds', () => {
    const draw = (seed: number, day: number) => Array.from({ length: 5 }, ((rng) => () => rng.next())(dayRng(seed, day)));
    expect(draw(3, 1)).toEqual(draw(3, 1));
    expect(draw(3, 1)).not.toEqual(draw(3, 2));
    expect(draw(3, 1)).not.toEqual(draw(4, 1));
  });

  it('is uniform in [0, 1): each tenth gets its share of 100 000 draws', () => {
    const rng = dayRng(17, 0);
    const tenths = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      tenths[Math.floor(u * 10)]!++;
    }
    // 10 000 expected per tenth; the standard deviation is 95, so 500 is over five of them.
    for (const n of tenths) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });

  it('draws exponential times with the asked mean', () => {
    const rng = dayRng(1, 1);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += exponential(rng, 6);
    expect(sum / 100_000).toBeCloseTo(6, 1);
  });
});
