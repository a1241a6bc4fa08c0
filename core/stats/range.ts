import { compareOfficeDays, isOfficeDay, nextOfficeDay, startOfOfficeDay } from '../office-day.js';

/** A year and a month: enough for a year-on-year comparison, small enough to answer quickly. */
export const MAX_RANGE_DAYS = 400;

/** Copenhagen days `from`–`to`, both included, and the instants they span. */
export interface StatsRange {
  from: string;
  to: string;
  /** Start of `from` in Copenhagen. */
  start: number;
  /** Start of the day after `to` (exclusive end). */
  end: number;
  days: string[];
}

export type RangeResult = { ok: true; range: StatsRange } | { ok: false; code: 'invalid_date' | 'invalid_range' | 'range_too_long'; message: string };

export function parseStatsRange(from: string, to: string): RangeResult {
  for (const day of [from, to]) {
    if (!isOfficeDay(day)) return { ok: false, code: 'invalid_date', message: `"${day}" is not a date of the form YYYY-MM-DD.` };
  }
  if (compareOfficeDays(from, to) > 0) return { ok: false, code: 'invalid_range', message: `from (${from}) is after to (${to}).` };
  const days: string[] = [];
  for (let day = from; compareOfficeDays(day, to) <= 0; day = nextOfficeDay(day)) {
    if (days.length === MAX_RANGE_DAYS) {
      return { ok: false, code: 'range_too_long', message: `A range may span at most ${MAX_RANGE_DAYS} days.` };
    }
    days.push(day);
  }
  return { ok: true, range: { from, to, start: startOfOfficeDay(from), end: startOfOfficeDay(nextOfficeDay(to)), days } };
}
