import { dayRefusal } from '../../core/day-window.js';
import { compareOfficeDays, officeDayOf } from '../../core/office-day.js';
import { badRequest } from '../errors.js';

/**
 * Refuses a day that does not exist (`invalid_date`), one outside 2000-01-01 … two years after
 * today and a range that runs backwards (`invalid_range`); either end may be open. `now` is the
 * host's clock.
 */
export function checkDayRange(from: string | undefined, to: string | undefined, now: number): void {
  const today = officeDayOf(now);
  for (const day of [from, to]) {
    const refusal = day === undefined ? null : dayRefusal(day, today);
    if (refusal) throw badRequest(refusal.code, refusal.message);
  }
  if (from !== undefined && to !== undefined && compareOfficeDays(from, to) > 0) throw badRequest('invalid_range', `from (${from}) is after to (${to}).`);
}
