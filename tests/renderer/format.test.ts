import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, isoDuration } from '../../renderer/src/lib/format.js';

describe('formatDuration', () => {
  it('shows minutes and seconds under an hour, hours past it', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(245_900)).toBe('4:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });

  it('shows a negative duration (clock skew) as zero', () => {
    expect(formatDuration(-5000)).toBe('0:00');
    expect(isoDuration(-5000)).toBe('PT0S');
  });
});

describe('formatClock', () => {
  it('shows Copenhagen time as HH:MM in winter and summer', () => {
    expect(formatClock(Date.parse('2025-01-15T08:05:00Z'))).toBe('09:05');
    expect(formatClock(Date.parse('2025-07-15T21:59:00Z'))).toBe('23:59');
    expect(formatClock(Date.parse('2025-07-15T22:00:00Z'))).toBe('00:00');
  });
});
