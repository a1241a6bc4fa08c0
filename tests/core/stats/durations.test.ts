import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DurationStore, toMinutes, toShare, type TicketDurations } from '../../../core/stats/durations.js';

const MIN = 60_000;

const waiting = (ms: number): TicketDurations => ({ wait: ms, walk: NaN, service: NaN, priority: 'normal' });

function figuresOf(minutes: readonly number[]) {
  const store = new DurationStore(0);
  for (const m of minutes) store.add(waiting(m * MIN), []);
  return store.total('wait');
}

describe('durations in minutes', () => {
  it('rounds to one decimal, halves up', () => {
    expect(toMinutes(75_000)).toBe(1.3); // 1.25 min
    expect(toMinutes(74_999)).toBe(1.2);
    expect(toMinutes(12 * MIN + 2_999)).toBe(12);
    expect(toMinutes(12 * MIN + 3_000)).toBe(12.1);
    expect(toMinutes(0)).toBe(0);
  });

  it('gives shares with three decimals, and none of nothing', () => {
    expect(toShare(2, 3)).toBe(0.667);
    expect(toShare(1, 8)).toBe(0.125);
    expect(toShare(0, 5)).toBe(0);
    expect(toShare(0, 0)).toBeNull();
  });

  it.each([
    // values, mean, median, p90, max — percentiles as PERCENTILE.INC: rank p × (n − 1)
    [[10], 10, 10, 10, 10],
    [[4, 10], 7, 7, 9.4, 10], // p90 rank 0.9: 4 + 0.9 × 6
    [[70, 4, 28, 15, 10, 28], 25.8, 21.5, 49, 70], // 155/6; median (15 + 28)/2; p90 rank 4.5: 28 + ½ × 42
    [[5, 10, 20], 11.7, 10, 18, 20], // p90 rank 1.8: 10 + 0.8 × 10
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 6, 10, 11], // p90 rank 9 exactly
  ])('%j → mean %s, median %s, p90 %s, max %s', (values, mean, median, p90, max) => {
    expect(figuresOf(values)).toEqual({ count: values.length, mean, median, p90, max });
  });

  it('has no figures for no durations (not zeros)', () => {
    expect(new DurationStore(0).total('walk')).toEqual({ count: 0, mean: null, median: null, p90: null, max: null });
    const store = new DurationStore(0);
    store.add({ wait: NaN, walk: NaN, service: 5 * MIN, priority: 'urgent' }, []);
    store.add({ wait: 3 * MIN, walk: NaN, service: NaN, priority: 'urgent' }, []);
    store.add({ wait: 9 * MIN, walk: NaN, service: NaN, priority: 'normal' }, []);
    expect(store.total('walk').count).toBe(0);
    expect(store.total('service')).toEqual({ count: 1, mean: 5, median: 5, p90: 5, max: 5 });
    expect(store.total('wait')).toMatchObject({ count: 2, max: 9 });
    expect(store.total('urgentWait')).toEqual({ count: 1, mean: 3, median: 3, p90: 3, max: 3 });
  });

  it('keeps the waits of booked citizens and of walk-ins apart from the urgent ones', () => {
    const store = new DurationStore(0);
    store.add({ wait: 2 * MIN, walk: NaN, service: NaN, priority: 'appointment' }, []);
    store.add({ wait: 4 * MIN, walk: NaN, service: NaN, priority: 'appointment' }, []);
    store.add({ wait: 12 * MIN, walk: NaN, service: NaN, priority: 'normal' }, []);
    store.add({ wait: 1 * MIN, walk: NaN, service: NaN, priority: 'urgent' }, []);
    store.add({ wait: NaN, walk: NaN, service: 7 * MIN, priority: 'appointment' }, []);
    expect(store.total('appointmentWait')).toEqual({ count: 2, mean: 3, median: 3, p90: 3.8, max: 4 });
    expect(store.total('walkInWait')).toEqual({ count: 1, mean: 12, median: 12, p90: 12, max: 12 });
    expect(store.total('urgentWait')).toMatchObject({ count: 1, max: 1 });
    expect(store.total('wait').count).toBe(4);
  });

  it('gives each group the figures of its own durations, across chunk boundaries', () => {
    // 200,000 tickets in three groups: group g holds the minutes g, g + 3, g + 6, … (and some without a wait).
    const store = new DurationStore(2);
    const expected: number[][] = [[], [], []];
    for (let i = 0; i < 200_000; i++) {
      const group = i % 3;
      const minutes = i % 7 === 0 ? NaN : i % 1000;
      store.add(waiting(minutes * MIN), [group, 0]);
      if (!Number.isNaN(minutes)) expected[group]!.push(minutes);
    }
    const byGroup = store.byGroup('wait', 0, 3);
    expected.forEach((values, group) => expect(byGroup[group]).toEqual(figuresOfPlain(values)));
    expect(store.byGroup('wait', 1, 1)[0]).toEqual(store.total('wait'));
    expect(store.total('wait').count).toBe(expected.flat().length);
  });

  it('promises median ≤ p90 ≤ max and min ≤ mean ≤ max, whatever the durations', () => {
    // Up to 4 hours: exact in the store's 32-bit floats (longer waits are kept to a few ms).
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 * 60 * MIN }), { minLength: 1, maxLength: 200 }), (values) => {
        const store = new DurationStore(0);
        for (const v of values) store.add(waiting(v), []);
        const f = store.total('wait');
        const min = toMinutes(Math.min(...values));
        expect(f.count).toBe(values.length);
        expect(f.median!).toBeLessThanOrEqual(f.p90!);
        expect(f.p90!).toBeLessThanOrEqual(f.max!);
        expect(f.mean!).toBeGreaterThanOrEqual(min);
        expect(f.mean!).toBeLessThanOrEqual(f.max!);
        expect(f.max).toBe(toMinutes(Math.max(...values)));
      }),
      { numRuns: 300 },
    );
  });
});

/** The same figures the slow way, from a plain sorted list (the reference for the store's counting sort). */
function figuresOfPlain(minutes: number[]) {
  const sorted = [...minutes].sort((a, b) => a - b);
  const at = (p: number) => {
    const rank = p * (sorted.length - 1);
    const low = sorted[Math.floor(rank)]!;
    return low + (sorted[Math.ceil(rank)]! - low) * (rank - Math.floor(rank));
  };
  const round = (m: number) => toMinutes(m * MIN);
  return { count: sorted.length, mean: round(sorted.reduce((s, v) => s + v, 0) / sorted.length), median: round(at(0.5)), p90: round(at(0.9)), max: round(sorted.at(-1)!) };
}
