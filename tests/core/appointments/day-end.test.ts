import { describe, expect, it } from 'vitest';
import { dueNoShows, firstDayKeepingNames, msUntilNextDayEndCheck } from '../../../core/appointments/day-end.js';
import type { AppointmentStatus } from '../../../core/appointments/types.js';

const MINUTE = 60_000;

describe('dueNoShows', () => {
  const appointment = (id: number, officeDay: string, status: AppointmentStatus) => ({ id, officeDay, status });

  it('picks bookings of past days that nobody checked in for or cancelled', () => {
    const all = [
      appointment(1, '2026-11-24', 'booked'),
      appointment(2, '2026-11-24', 'checked_in'),
      appointment(3, '2026-11-24', 'cancelled'),
      appointment(4, '2026-11-25', 'booked'),
      appointment(5, '2026-10-31', 'booked'),
      appointment(6, '2026-11-23', 'no_show'),
      appointment(7, '2026-11-26', 'booked'),
    ];
    expect(dueNoShows(all, '2026-11-25').map((a) => a.id)).toEqual([1, 5]);
  });

  it('compares days as dates: a booking stored for the year 10000 is no past day', () => {
    // As text "10000-01-01" sorts before "2026-11-25"; such a booking turned into a no-show.
    expect(dueNoShows([appointment(1, '10000-01-01', 'booked'), appointment(2, '2026-11-24', 'booked')], '2026-11-25').map((a) => a.id)).toEqual([2]);
  });

  it('leaves everything of today alone, however late it is', () => {
    expect(dueNoShows([appointment(1, '2026-11-25', 'booked')], '2026-11-25')).toEqual([]);
  });
});

describe('firstDayKeepingNames', () => {
  it('keeps only today with no retention, and counts whole days back across months and years', () => {
    expect(firstDayKeepingNames('2026-11-25', 0)).toBe('2026-11-25');
    expect(firstDayKeepingNames('2026-12-01', 1)).toBe('2026-11-30');
    expect(firstDayKeepingNames('2027-01-02', 7)).toBe('2026-12-26');
    expect(firstDayKeepingNames('2028-03-01', 1)).toBe('2028-02-29');
  });
});

describe('msUntilNextDayEndCheck', () => {
  it('sleeps until Copenhagen midnight when that is within the hour', () => {
    // 23:30 Copenhagen on 25 November is 22:30 UTC.
    expect(msUntilNextDayEndCheck(Date.UTC(2026, 10, 25, 22, 30))).toBe(30 * MINUTE);
    expect(msUntilNextDayEndCheck(Date.UTC(2026, 10, 25, 22, 59, 59, 700))).toBe(300);
  });

  it('never sleeps more than an hour, so a PC that slept or a corrected clock is caught up', () => {
    expect(msUntilNextDayEndCheck(Date.UTC(2026, 10, 25, 8, 0))).toBe(60 * MINUTE);
    // Exactly at midnight the next one is a day away.
    expect(msUntilNextDayEndCheck(Date.UTC(2026, 10, 25, 23, 0))).toBe(60 * MINUTE);
  });

  it('finds midnight on the days the clocks change', () => {
    // 23:30 on 29 March 2026 is summer time (UTC+2): 21:30 UTC.
    expect(msUntilNextDayEndCheck(Date.UTC(2026, 2, 29, 21, 30))).toBe(30 * MINUTE);
    // 23:30 on 25 October 2026 is winter time again (UTC+1): 22:30 UTC.
    expect(msUntilNextDayEndCheck(Date.UTC(2026, 9, 25, 22, 30))).toBe(30 * MINUTE);
  });
});
