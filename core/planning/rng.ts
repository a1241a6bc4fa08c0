/**
 * The planner's random numbers: seeded, so a plan can be reproduced from its seed, and split into
 * one stream per simulated day, so day 7 of a run is the same day whatever the number of days
 * asked for. xoshiro128** (Blackman and Vigna) seeded through splitmix32: small, fast in 32-bit
 * integer arithmetic, and without the short cycles of a plain linear congruential generator.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/** The random stream of day `day` of a run seeded with `seed` (any integers). */
export function dayRng(seed: number, day: number): Rng {
  let s = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(day | 0, 0x85ebca6b)) >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return {
    next(): number {
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      return result / 4_294_967_296;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** An exponentially distributed draw with this mean (inverse transform; 1 − u keeps log away from 0). */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}
