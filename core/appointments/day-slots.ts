import { instantOnOfficeDay } from '../office-day.js';
import type { Slot } from './capacity.js';

/**
 * The stretch of a day a booking screen lays out as slots, in minutes on the Copenhagen clock.
 * The host has no opening hours for bookings yet (any minute can be booked); bookings outside
 * this stretch are still listed, and any time can be booked by typing it.
 */
export const BOOKING_SCREEN_HOURS = { fromMinute: 8 * 60, toMinute: 18 * 60 } as const;

const MINUTE = 60_000;

/**
 * The slots of `day` every `slotMinutes` from `fromMinute` up to `toMinute` (the last one ends by
 * then), by the Copenhagen clock: on the two daylight-saving days a slot still starts at the time
 * the clock shows. A clock time that does not exist that night is skipped rather than repeated.
 */
export function daySlots(day: string, slotMinutes: number, fromMinute: number, toMinute: number): Slot[] {
  const slots: Slot[] = [];
  for (let minute = fromMinute; minute + slotMinutes <= toMinute; minute += slotMinutes) {
    const start = instantOnOfficeDay(day, minute);
    if (slots.some((s) => s.start === start)) continue;
    slots.push({ start, end: start + slotMinutes * MINUTE });
  }
  return slots;
}
