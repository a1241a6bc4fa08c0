import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SilenceWatchdog } from '../../renderer/src/lib/silence-watchdog.js';

describe('SilenceWatchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('raises the alarm once after the silence, not before', () => {
    const onSilence = vi.fn();
    const watchdog = new SilenceWatchdog(45_000, onSilence);
    watchdog.heard();
    vi.advanceTimersByTime(44_999);
    expect(onSilence).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSilence).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200_000);
    expect(onSilence).toHaveBeenCalledTimes(1);
  });

  it('starts the silence again at every heartbeat', () => {
    const onSilence = vi.fn();
    const watchdog = new SilenceWatchdog(45_000, onSilence);
    watchdog.heard();
    for (let beat = 0; beat < 10; beat++) {
      vi.advanceTimersByTime(15_000);
      watchdog.heard();
    }
    expect(onSilence).not.toHaveBeenCalled();
    vi.advanceTimersByTime(45_000);
    expect(onSilence).toHaveBeenCalledTimes(1);
  });

  it('stays quiet once stopped', () => {
    const onSilence = vi.fn();
    const watchdog = new SilenceWatchdog(1_000, onSilence);
    watchdog.heard();
    watchdog.stop();
    vi.advanceTimersByTime(10_000);
    expect(onSilence).not.toHaveBeenCalled();
  });
});
