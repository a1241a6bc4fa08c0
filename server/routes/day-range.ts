import { Type } from 'typebox';
import { isOfficeDay } from '../../core/office-day.js';
import { badRequest } from '../errors.js';

/** A Copenhagen day in a query string; the pattern gives a 400 for nonsense, `checkDayRange` for 2026-02-30. */
export const DayParam = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Copenhagen day, YYYY-MM-DD (inclusive)' });

/** Refuses a day that does not exist and a range that runs backwards, as the statistics do; either end may be open. */
export function checkDayRange(from: string | undefined, to: string | undefined): void {
  for (const day of [from, to]) {
    if (day !== undefined && !isOfficeDay(day)) throw badRequest('invalid_date', `"${day}" is not a date of the form YYYY-MM-DD.`);
  }
  if (from !== undefined && to !== undefined && from > to) throw badRequest('invalid_range', `from (${from}) is after to (${to}).`);
}
