import { describe, expect, it } from 'vitest';
import {
  formatClockWithSeconds,
  formatCount,
  formatDay,
  formatDayRange,
  formatDecimalMinutes,
  formatMinutes,
  formatPeriod,
  formatShare,
  formatShortDay,
  formatWaitBand,
  NO_VALUE,
} from '../../renderer/src/lib/manager-format.js';

/** Intl separates a number from its unit with a no-break space; the tests read it as a space. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('figures in Danish and English', () => {
  it('writes minutes with one decimal in each language’s style', () => {
    expect(formatMinutes(12.5, 'da')).toBe('12,5 min');
    expect(formatMinutes(12.5, 'en')).toBe('12.5 min');
    expect(formatMinutes(3, 'da')).toBe('3,0 min');
    expect(formatDecimalMinutes(1234.5, 'da')).toBe('1.234,5');
    expect(formatDecimalMinutes(1234.5, 'en')).toBe('1,234.5');
    expect(formatDecimalMinutes(-2.5, 'en')).toBe('-2.5');
  });

  it('writes shares as percentages and counts with thousands separators', () => {
    expect(plain(formatShare(0.667, 'da'))).toBe('66,7 %');
    expect(formatShare(0.667, 'en')).toBe('66.7%');
    expect(formatShare(1, 'en')).toBe('100%');
    expect(formatCount(12345, 'da')).toBe('12.345');
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(0, 'da')).toBe('0');
  });

  it('shows a figure without data as a dash, never as 0', () => {
    for (const format of [formatMinutes, formatDecimalMinutes, formatShare, formatCount]) {
      expect(format(null, 'da')).toBe(NO_VALUE);
      expect(format(null, 'en')).toBe(NO_VALUE);
    }
  });

  it('names days in words, with the weekday for table rows', () => {
    expect(formatDay('2026-11-25', 'da')).toBe('25. november 2026');
    expect(formatDay('2026-11-25', 'en')).toBe('25 November 2026');
    expect(formatShortDay('2026-11-25', 'da')).toMatch(/^ons\.? 25\. nov\.? 2026$/);
    expect(formatShortDay('2026-11-25', 'en')).toMatch(/^Wed,? 25 Nov 2026$/);
    expect(formatDayRange('2026-11-01', '2026-11-07', 'en')).toBe('1 November 2026 – 7 November 2026');
    expect(formatDayRange('2026-11-25', '2026-11-25', 'da')).toBe('25. november 2026');
  });

  it('tells the time on the Copenhagen clock, summer and winter', () => {
    expect(formatClockWithSeconds(Date.parse('2026-11-25T08:07:09Z'))).toBe('09:07:09');
    expect(formatClockWithSeconds(Date.parse('2026-06-25T22:30:00Z'))).toBe('00:30:00');
  });

  it('labels periods of the clock and wait bands', () => {
    expect(formatPeriod(540, 555)).toBe('09:00–09:15');
    expect(formatPeriod(1380, 1440)).toBe('23:00–24:00');
    expect(formatWaitBand(0, 5, 'da')).toBe('0–5 min');
    expect(formatWaitBand(60, null, 'da')).toBe('60 min og derover');
    expect(formatWaitBand(60, null, 'en')).toBe('60 min or more');
  });
});
