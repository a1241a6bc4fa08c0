import { describe, expect, it } from 'vitest';
import { MAX_RANGE_DAYS, parseStatsRange } from '../../../core/stats/range.js';

describe('a statistics range of Copenhagen days', () => {
  it('spans from the first midnight to the midnight after the last day', () => {
    const parsed = parseStatsRange('2026-10-24', '2026-10-25');
    expect(parsed).toEqual({
      ok: true,
      range: {
        from: '2026-10-24',
        to: '2026-10-25',
        start: Date.parse('2026-10-24T00:00:00+02:00'),
        end: Date.parse('2026-10-26T00:00:00+01:00'), // 49 hours: the 25th has 25
        days: ['2026-10-24', '2026-10-25'],
      },
    });
    if (parsed.ok) expect(parsed.range.end - parsed.range.start).toBe(49 * 3_600_000);
  });

  it('has 23 hours on the spring day', () => {
    const parsed = parseStatsRange('2026-03-29', '2026-03-29');
    expect(parsed.ok && parsed.range.end - parsed.range.start).toBe(23 * 3_600_000);
  });

  it('crosses months and years', () => {
    const parsed = parseStatsRange('2025-12-30', '2026-01-02');
    expect(parsed.ok && parsed.range.days).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
  });

  it(`takes up to ${MAX_RANGE_DAYS} days and not one more`, () => {
    const longest = parseStatsRange('2025-10-22', '2026-11-25');
    expect(longest.ok && longest.range.days.length).toBe(400);
    expect(parseStatsRange('2025-10-21', '2026-11-25')).toMatchObject({ ok: false, code: 'range_too_long' });
  });

  it.each([
    ['2026-02-29', '2026-03-01', 'invalid_date'], // 2026 is no leap year
    ['2026-1-01', '2026-01-02', 'invalid_date'],
    ['2026-01-01', 'tomorrow', 'invalid_date'],
    ['2026-01-02', '2026-01-01', 'invalid_range'],
  ])('%s – %s is refused: %s', (from, to, code) => {
    expect(parseStatsRange(from, to)).toMatchObject({ ok: false, code });
  });
});
