import { addOfficeDays, compareOfficeDays, isOfficeDay, nextOfficeDay, officeDayOf, startOfOfficeDay } from '../office-day.js';
import type { Appointment } from './types.js';

/**
 * Bookings nobody checked in for by the end of their Copenhagen day are no-shows. `today` is
 * the current office day; anything booked for it may still turn up.
 */
export function dueNoShows<T extends Pick<Appointment, 'status' | 'officeDay'>>(appointments: readonly T[], today: string): T[] {
  // A day stored before the host refused them ("10000-01-01") is no past day: left alone, not
  // misread as one by text order.
  return appointments.filter((a) => a.status === 'booked' && isOfficeDay(a.officeDay) && compareOfficeDays(a.officeDay, today) < 0);
}

/**
 * The first office day whose bookings may still keep their names: names of days before it are
 * erased. A name is only needed to greet the citizen, so it lives through the appointment day
 * plus the office's retention days, then goes.
 */
export function firstDayKeepingNames(today: string, retentionDays: number): string {
  return addOfficeDays(today, -retentionDays);
}

/**
 * How long the day-end job sleeps before looking again: until the next Copenhagen midnight,
 * but never more than an hour, because a timer does not notice a PC that slept or a clock that
 * was corrected, and an hourly look catches up with either.
 */
export function msUntilNextDayEndCheck(now: number): number {
  const midnight = startOfOfficeDay(nextOfficeDay(officeDayOf(now)));
  return Math.max(1, Math.min(midnight - now, 60 * 60_000));
}

