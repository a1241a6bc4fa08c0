import { peakOverlap, type Slot } from '../../../core/appointments/capacity.js';
import { BOOKING_SCREEN_HOURS, daySlots } from '../../../core/appointments/day-slots.js';
import type { AppointmentView, ServiceSlotView } from '../../../contract/appointments.js';
import type { AppointmentStatus } from '../../../core/appointments/types.js';
import { instantOnOfficeDay, parseTimeOfDay } from '../../../core/office-day.js';

/** Bookings that hold a place; cancelled ones and no-shows gave theirs back. */
const HOLDS_A_PLACE: readonly AppointmentStatus[] = ['booked', 'checked_in'];

/** One line of a service's day: a slot, its places taken and free, and the bookings that start in it. */
export interface SlotRow {
  start: number;
  end: number;
  taken: number;
  free: number;
  bookings: AppointmentView[];
}

/**
 * A service's day as the booking screen lists it: every slot of the screen's hours, plus a line
 * for any booking outside them (bookings may start at any minute, e.g. from an import). A booking
 * is listed in the slot it starts in. `taken` counts the most bookings at one moment of the slot,
 * which is what the host's capacity check counts, so `free > 0` means a booking there will fit.
 */
export function slotRows(day: string, rule: ServiceSlotView, bookings: readonly AppointmentView[], hours = BOOKING_SCREEN_HOURS): SlotRow[] {
  const own = bookings.filter((b) => b.serviceCode === rule.serviceCode).map((b) => ({ booking: b, start: Date.parse(b.start), end: Date.parse(b.end) }));
  const held: Slot[] = own.filter((b) => HOLDS_A_PLACE.includes(b.booking.status));
  const rows = new Map<number, SlotRow>();
  const rowOf = (slot: Slot) => {
    let row = rows.get(slot.start);
    if (!row) {
      const taken = peakOverlap(held, slot);
      row = { start: slot.start, end: slot.end, taken, free: Math.max(0, rule.capacity - taken), bookings: [] };
      rows.set(slot.start, row);
    }
    return row;
  };
  const grid = daySlots(day, rule.slotMinutes, hours.fromMinute, hours.toMinute);
  for (const slot of grid) rowOf(slot);
  for (const b of own) rowOf(grid.find((slot) => slot.start <= b.start && b.start < slot.end) ?? b).bookings.push(b.booking);
  return [...rows.values()].sort((a, b) => a.start - b.start);
}

/**
 * The instant the Copenhagen clock shows `time` (`HH:MM`) on `day`, as the host takes a booking's
 * start (ISO with its zone), whatever zone the clerk's PC is set to; null when `time` is no time.
 */
export function bookingStart(day: string, time: string): string | null {
  const minute = parseTimeOfDay(time);
  return minute === null ? null : new Date(instantOnOfficeDay(day, minute)).toISOString();
}
