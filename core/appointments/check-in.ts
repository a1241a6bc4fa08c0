import { officeDayOf } from '../office-day.js';
import type { PriorityClass } from '../types.js';
import type { Appointment, AppointmentRules, Arrival } from './types.js';

const MINUTE = 60_000;

export type CheckInRefusal = 'already_checked_in' | 'appointment_cancelled' | 'wrong_day';

export type CheckInDecision =
  | { ok: true; arrival: Arrival; priority: PriorityClass; callableAt: number }
  | { ok: false; error: CheckInRefusal };

/**
 * What a check-in at `now` gives the citizen. With slot S, early window E and grace G:
 * - before S − E: `early`; an appointment ticket callable from S − E (not before: the citizen
 *   would otherwise take a walk-in's turn long before the time they booked);
 * - from S − E up to and including S + G: `on_time`; an appointment ticket callable now;
 * - after S + G: `late`; an ordinary walk-in ticket, since the slot has gone to others.
 * Only on the booked Copenhagen day; a booking is used once.
 */
export function decideCheckIn(
  appointment: Pick<Appointment, 'status' | 'officeDay' | 'slotStart'>,
  now: number,
  rules: Pick<AppointmentRules, 'earlyWindowMinutes' | 'lateGraceMinutes'>,
): CheckInDecision {
  if (appointment.status === 'cancelled') return { ok: false, error: 'appointment_cancelled' };
  if (appointment.status === 'checked_in') return { ok: false, error: 'already_checked_in' };
  if (appointment.status === 'no_show' || appointment.officeDay !== officeDayOf(now)) return { ok: false, error: 'wrong_day' };

  const windowOpens = appointment.slotStart - rules.earlyWindowMinutes * MINUTE;
  const graceEnds = appointment.slotStart + rules.lateGraceMinutes * MINUTE;
  if (now < windowOpens) return { ok: true, arrival: 'early', priority: 'appointment', callableAt: windowOpens };
  if (now <= graceEnds) return { ok: true, arrival: 'on_time', priority: 'appointment', callableAt: now };
  return { ok: true, arrival: 'late', priority: 'normal', callableAt: now };
}
