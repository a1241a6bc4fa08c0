import { isOfficeDay } from '../../../core/office-day.js';
import type { DayRange } from './manager-stats-api.js';

/** The periods a manager asks for most, one click each. */
export const DATE_PRESETS = ['today', 'last7Days', 'thisMonth', 'lastMonth', 'thisYear'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

const dayText = (date: Date) => date.toISOString().slice(0, 10);

/** Calendar arithmetic on `YYYY-MM-DD` (UTC dates, so no clock change can shift a day). */
function utcDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(day: string, days: number): string {
  const date = utcDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return dayText(date);
}

/** The range a preset means on the Copenhagen day `today` (all of them end today, but last month). */
export function presetRange(preset: DatePreset, today: string): DayRange {
  const date = utcDate(today);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'last7Days':
      return { from: addDays(today, -6), to: today };
    case 'thisMonth':
      return { from: dayText(new Date(Date.UTC(year, month, 1))), to: today };
    case 'lastMonth':
      // Day 0 of this month is the last day of the previous one; Date.UTC rolls month −1 back into December.
      return { from: dayText(new Date(Date.UTC(year, month - 1, 1))), to: dayText(new Date(Date.UTC(year, month, 0))) };
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
  }
}

/** The preset a range is, if any: the form marks that button as pressed. */
export function presetOf(range: DayRange, today: string): DatePreset | null {
  return DATE_PRESETS.find((preset) => {
    const candidate = presetRange(preset, today);
    return candidate.from === range.from && candidate.to === range.to;
  }) ?? null;
}

export type RangeProblem = 'missing' | 'reversed';

/**
 * What is wrong with a range before the host is asked: an empty or half-typed date input, or
 * `to` before `from`. Other limits (at most 400 days) are the host's to tell.
 */
export function rangeProblem(range: DayRange): RangeProblem | null {
  if (!isOfficeDay(range.from) || !isOfficeDay(range.to)) return 'missing';
  return range.to < range.from ? 'reversed' : null;
}
