import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../renderer/src/lib/throttle.js';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first request at once, then at most once per interval, ending with one run after a burst', () => {
    const run = vi.fn();
    const throttled = throttle(run, 2000);
    throttled.request();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(100);
      throttled.request();
    }
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(999);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runs at once again when the interval has passed quietly', () => {
    const run = vi.fn();
    const throttled = throttle(run, 2000);
    throttled.request();
    vi.advanceTimersByTime(2500);
    throttled.request();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('drops a waiting run when cancelled', () => {
    const run = vi.fn();
    const throttled = throttle(run, 2000);
    throttled.request();
    throttled.request();
    throttled.cancel();
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
