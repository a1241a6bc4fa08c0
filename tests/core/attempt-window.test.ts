import { describe, expect, it } from 'vitest';
import { AttemptWindow } from '../../core/attempt-window.js';

const MINUTE = 60_000;

describe('AttemptWindow', () => {
  it('allows `max` attempts per key in a window, then refuses until it ends', () => {
    const window = new AttemptWindow(3, MINUTE);
    expect([0, 1, 2].map((s) => window.hit('10.0.0.5', s * 1000).allowed)).toEqual([true, true, true]);
    expect(window.hit('10.0.0.5', 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    // Another key has its own count.
    expect(window.hit('10.0.0.6', 20_000).allowed).toBe(true);
    expect(window.hit('10.0.0.5', MINUTE - 1).allowed).toBe(false);
    expect(window.hit('10.0.0.5', MINUTE).allowed).toBe(true);
  });

  it('starts afresh when the clock goes back', () => {
    const window = new AttemptWindow(1, MINUTE);
    window.hit('a', 5 * MINUTE);
    expect(window.hit('a', 5 * MINUTE).allowed).toBe(false);
    expect(window.hit('a', MINUTE).allowed).toBe(true);
  });

  it('holds no more than `maxKeys` keys however many addresses try', () => {
    const window = new AttemptWindow(1, MINUTE, 100);
    for (let i = 0; i < 1000; i++) window.hit(`10.0.${i >> 8}.${i & 255}`, i);
    expect(window.size).toBeLessThanOrEqual(100);
    // The most recent keys are still counted.
    expect(window.hit('10.0.3.231', 1000).allowed).toBe(false);
  });
});
