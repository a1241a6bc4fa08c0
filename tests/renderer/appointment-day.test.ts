import { describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../contract/appointments.js';
import type { AppointmentStatus } from '../../core/appointments/types.js';
import { bookingStart, slotRows } from '../../renderer/src/lib/appointment-day.js';

const DAY = '2026-11-25';
const at = (hhmm: string) => Date.parse(`${DAY}T${hhmm}:00+01:00`);
const HOURS = { fromMinute: 9 * 60, toMinute: 10 * 60 };
let nextId = 1;

function booking(start: string, minutes: number, status: AppointmentStatus = 'booked', serviceCode = 'M'): AppointmentView {
  const from = at(start);
  return {
    id: nextId++,
    code: 'ACDEFG',
    serviceCode,
    start: new Date(from).toISOString(),
    end: new Date(from + minutes * 60_000).toISOString(),
    name: null,
    status,
    source: 'staff',
    checkedInAt: null,
    arrival: null,
    ticketId: null,
  };
}

const summary = (rows: ReturnType<typeof slotRows>) => rows.map((r) => [new Date(r.start).toISOString().slice(11, 16), r.taken, r.free, r.bookings.map((b) => b.id)]);

describe('slotRows', () => {
  it('lists every slot of the hours with its places, and each booking in the slot it starts in', () => {
    nextId = 1;
    const rows = slotRows(DAY, { serviceCode: 'M', slotMinutes: 20, capacity: 2 }, [
      booking('09:00', 20), // 1
      booking('09:10', 20), // 2: overlaps 09:00–09:20 and 09:20–09:40
      booking('09:25', 20, 'cancelled'), // 3: gave its place back
      booking('09:40', 20, 'checked_in'), // 4
      booking('09:40', 20, 'booked', 'P'), // another service's
    ], HOURS);
    // UTC times: 09:00 Copenhagen is 08:00Z.
    expect(summary(rows)).toEqual([
      ['08:00', 2, 0, [1, 2]],
      ['08:20', 1, 1, [3]],
      ['08:40', 1, 1, [4]],
    ]);
  });

  it('adds a line for a booking outside the hours, and counts no place below zero', () => {
    nextId = 1;
    const rows = slotRows(DAY, { serviceCode: 'M', slotMinutes: 30, capacity: 1 }, [booking('07:45', 15), booking('09:00', 30), booking('09:05', 30, 'no_show')], HOURS);
    expect(summary(rows)).toEqual([
      ['06:45', 1, 0, [1]],
      ['08:00', 1, 0, [2, 3]],
      ['08:30', 0, 1, []],
    ]);
    const none = slotRows(DAY, { serviceCode: 'M', slotMinutes: 30, capacity: 0 }, [], HOURS);
    expect(none.map((r) => r.free)).toEqual([0, 0]);
  });
});

describe('bookingStart', () => {
  it('is the Copenhagen clock time on the day, in winter and in summer, whatever the PC’s zone', () => {
    expect(bookingStart('2026-11-25', '09:15')).toBe('2026-11-25T08:15:00.000Z');
    expect(bookingStart('2026-06-10', '09:15')).toBe('2026-06-10T07:15:00.000Z');
    expect(bookingStart('2026-11-25', '9.15')).toBeNull();
    expect(bookingStart('2026-11-25', '')).toBeNull();
  });
});
