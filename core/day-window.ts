import { addOfficeDays, compareOfficeDays, isOfficeDay, nextOfficeDay, officeDayOf, startOfOfficeDay } from './office-day.js';

/**
 * The days the host takes from anyone: statistics, exports and the audit log are asked about
 * 2000-01-01 (long before any office ran this) up to two years after today, and bookings from
 * today to two years ahead. Anything else is a typo or a probe, and far-future days were the
 * ones that broke date arithmetic (year 10000 has five digits).
 */
export const FIRST_ACCEPTED_DAY = '2000-01-01';
export const YEARS_AHEAD = 2;

/** Two years after `today`; 29 February runs on to 1 March. */
export function lastAcceptedDay(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return addOfficeDays(`${y + YEARS_AHEAD}-${String(m).padStart(2, '0')}-01`, d - 1);
}

export type DayRefusal = { code: 'invalid_date' | 'invalid_range'; message: string };

/** Why `day` is not accepted when today is `today`, or null when it is. */
export function dayRefusal(day: string, today: string): DayRefusal | null {
  if (!isOfficeDay(day)) return { code: 'invalid_date', message: `"${day}" is not a date of the form YYYY-MM-DD.` };
  const last = lastAcceptedDay(today);
  if (compareOfficeDays(day, FIRST_ACCEPTED_DAY) < 0 || compareOfficeDays(day, last) > 0) {
    return { code: 'invalid_range', message: `${day} is outside the days the office host accepts (${FIRST_ACCEPTED_DAY} to ${last}).` };
  }
  return null;
}

/**
 * Whether a booking may start at `start` (now is `now`): no later than the last accepted day.
 * A slot already over is refused by its own rule (`isSlotOver`), so only the far end is checked
 * here — as instants, since the office day of a start past the year 9999 cannot be written.
 */
export function isWithinBookingHorizon(start: number, now: number): boolean {
  return start < startOfOfficeDay(nextOfficeDay(lastAcceptedDay(officeDayOf(now))));
}

