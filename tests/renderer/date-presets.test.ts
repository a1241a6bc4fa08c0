import { describe, expect, it } from 'vitest';
import { addDays, DATE_PRESETS, presetOf, presetRange, rangeProblem } from '../../renderer/src/lib/date-presets.js';

describe('date presets of the statistics page', () => {
  it('means the usual periods on a given day', () => {
    const today = '2026-03-15';
    expect(presetRange('today', today)).toEqual({ from: today, to: today });
    expect(presetRange('last7Days', today)).toEqual({ from: '2026-03-09', to: today });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-03-01', to: today });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('thisYear', today)).toEqual({ from: '2026-01-01', to: today });
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(presetRange('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('lastMonth', '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetRange('last7Days', '2026-03-03')).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    // The spring clock change is no reason to lose or gain a day.
    expect(addDays('2026-03-30', -1)).toBe('2026-03-29');
  });

  it('recognises a preset from its range, and none for another range', () => {
    const today = '2026-03-15';
    for (const preset of DATE_PRESETS) expect(presetOf(presetRange(preset, today), today)).toBe(preset);
    expect(presetOf({ from: '2026-03-02', to: '2026-03-15' }, today)).toBeNull();
  });

  it('finds a reversed or incomplete range before the host is asked', () => {
    expect(rangeProblem({ from: '2026-03-15', to: '2026-03-14' })).toBe('reversed');
    expect(rangeProblem({ from: '', to: '2026-03-14' })).toBe('missing');
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-14' })).toBe('missing');
    expect(rangeProblem({ from: '2026-03-14', to: '2026-03-14' })).toBeNull();
    expect(rangeProblem({ from: '2020-01-01', to: '2026-03-14' })).toBeNull(); // too long: the host says so
  });
});
