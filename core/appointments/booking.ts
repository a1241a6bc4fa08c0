import type { Slot } from './capacity.js';

/** Enough for initials or a short name; more would invite storing personal data nobody needs. */
export const NAME_MAX_LENGTH = 40;

const MINUTE = 60_000;

/** Text as a stored name: control characters and runs of whitespace become one space; empty means none. */
export function cleanName(text: string | null | undefined): string | null {
  const cleaned = (text ?? '').replace(/[\p{Cc}\s]+/gu, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** Bookings start on a whole minute; the clerk's screen and the booking systems never need seconds. */
export function isWholeMinute(at: number): boolean {
  return Number.isInteger(at) && at % MINUTE === 0;
}

export function slotFrom(start: number, slotMinutes: number): Slot {
  return { start, end: start + slotMinutes * MINUTE };
}

/** A slot that is already over cannot be booked; one under way still can (the citizen may be on the way). */
export function isSlotOver(slot: Slot, now: number): boolean {
  return slot.end <= now;
}
