import { describe, expect, it } from 'vitest';
import { computeStats, type StatsInput } from '../../../core/stats/accumulator.js';
import type { BookingFact } from '../../../core/stats/figures.js';
import type { GroupBy } from '../../../core/stats/grouping.js';
import { parseStatsRange } from '../../../core/stats/range.js';
import { ContinuationBookings, ticketMeasures, type StatsTicket } from '../../../core/stats/ticket-measures.js';
import { newTicket } from '../../../core/ticket-lifecycle.js';

const MIN = 60_000;
const DAY = '2026-11-25';
/** `hh:mm` Copenhagen time on the day (UTC+1 in November). */
const at = (hhmm: string) => Date.parse(`${DAY}T${hhmm}:00+01:00`);

let nextId = 1;
function ticket(fields: Partial<StatsTicket> & { arrivedAt: number }): StatsTicket {
  return { ...newTicket({ number: `M${nextId}`, officeDay: DAY, serviceCode: 'M', arrivedAt: fields.arrivedAt }), id: nextId++, ...fields };
}
const called = (arrived: string, calledAt: string, fields: Partial<StatsTicket> = {}) =>
  ticket({ arrivedAt: at(arrived), calledAt: at(calledAt), status: 'called', callCount: 1, counterId: 1, staffId: 7, ...fields });
const booked = (slot: string, arrival: 'early' | 'on_time') => ({ priority: 'appointment' as const, slotStart: at(slot), checkIn: arrival });

describe('the wait of a booked citizen', () => {
  it('runs from the slot time when they came early, from arrival when they came after it, and is 0 when called before the slot', () => {
    expect(ticketMeasures(called('08:40', '09:05', booked('09:00', 'early'))).waitMs).toBe(5 * MIN);
    expect(ticketMeasures(called('09:04', '09:12', booked('09:00', 'on_time'))).waitMs).toBe(8 * MIN);
    expect(ticketMeasures(called('08:52', '08:55', booked('09:00', 'on_time'))).waitMs).toBe(0);
  });

  it('runs from arrival for a late check-in, whose ticket is a walk-in ticket, and for every ticket without a booking', () => {
    expect(ticketMeasures(called('09:20', '09:30', { priority: 'normal', slotStart: at('09:00'), checkIn: 'late' })).waitMs).toBe(10 * MIN);
    expect(ticketMeasures(called('08:40', '09:05')).waitMs).toBe(25 * MIN);
    expect(ticketMeasures(called('08:40', '09:05', { priority: 'urgent', urgentReason: 'hospital_summons' })).waitMs).toBe(25 * MIN);
  });
});

describe('a transfer of a booked citizen', () => {
  it('gives the continuation the booking of the ticket it continues, through any number of transfers', () => {
    const bookings = new ContinuationBookings();
    const first = bookings.apply(ticket({ arrivedAt: at('08:40'), ...booked('09:00', 'early'), status: 'transferred', finishedAt: at('09:10') }));
    const second = bookings.apply(ticket({ arrivedAt: at('08:40'), priority: 'appointment', transferredFromId: first.id, status: 'transferred', finishedAt: at('09:20') }));
    const third = bookings.apply(ticket({ arrivedAt: at('08:40'), priority: 'appointment', transferredFromId: second.id, calledAt: at('09:30'), status: 'called' }));
    expect([second.slotStart, third.slotStart]).toEqual([at('09:00'), at('09:00')]);
    expect(third.checkIn).toBe('early');
    expect(ticketMeasures(third).waitMs).toBe(30 * MIN);
    const unrelated = bookings.apply(ticket({ arrivedAt: at('09:00') }));
    expect(unrelated.slotStart).toBeUndefined();
  });
});

describe('statistics of booked citizens and walk-ins', () => {
  const range = (() => {
    const parsed = parseStatsRange(DAY, DAY);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.range;
  })();
  const input = (groupBy: GroupBy): StatsInput => ({
    range,
    groupBy,
    now: at('23:00'),
    names: {
      services: [
        { code: 'M', names: { da: 'MitID', en: 'MitID' }, needsIdCheck: true, slaMinutes: 20, active: true },
        { code: 'P', names: { da: 'Pas', en: 'Passport' }, needsIdCheck: false, slaMinutes: 20, active: true },
      ],
      counters: new Map(),
      staff: new Map(),
    },
    counterEvents: [],
  });

  // Waits by hand: booked 5 (came 08:40 for 09:00, called 09:05), 8 (came 09:04, called 09:12), 0 (called 08:55 for 09:00);
  // walk-ins 25 and 10 (the late check-in); urgent 2 (neither).
  const tickets = [
    called('08:40', '09:05', booked('09:00', 'early')),
    called('09:04', '09:12', booked('09:00', 'on_time')),
    called('08:52', '08:55', { ...booked('09:00', 'on_time'), serviceCode: 'P' }),
    called('08:40', '09:05'),
    called('09:20', '09:30', { priority: 'normal', slotStart: at('09:00'), checkIn: 'late' }),
    called('09:00', '09:02', { priority: 'urgent', urgentReason: 'hospital_summons' }),
  ];
  const bookings: BookingFact[] = [
    { officeDay: DAY, slotStart: at('09:00'), serviceCode: 'M', status: 'checked_in', arrival: 'early' },
    { officeDay: DAY, slotStart: at('09:00'), serviceCode: 'M', status: 'checked_in', arrival: 'on_time' },
    { officeDay: DAY, slotStart: at('09:00'), serviceCode: 'P', status: 'checked_in', arrival: 'on_time' },
    { officeDay: DAY, slotStart: at('09:00'), serviceCode: 'M', status: 'checked_in', arrival: 'late' },
    { officeDay: DAY, slotStart: at('10:30'), serviceCode: 'M', status: 'no_show', arrival: null },
    { officeDay: DAY, slotStart: at('11:00'), serviceCode: 'P', status: 'cancelled', arrival: null },
    { officeDay: DAY, slotStart: at('14:15'), serviceCode: 'M', status: 'booked', arrival: null },
    // Another day's booking is not the range's.
    { officeDay: '2026-11-26', slotStart: Date.parse('2026-11-26T09:00:00+01:00'), serviceCode: 'M', status: 'booked', arrival: null },
  ];

  it('compares booked waits (from the slot) with walk-in waits, and counts what became of the bookings', () => {
    const { summary } = computeStats(input('day'), tickets, [], bookings);
    expect(summary.appointments).toEqual({
      // 0 5 8: mean 13/3; p90 at rank 1.8: 5 + 0.8 × 3
      waitMinutes: { count: 3, mean: 4.3, median: 5, p90: 7.4, max: 8 },
      // 10 25: p90 at rank 0.9: 10 + 0.9 × 15
      walkInWaitMinutes: { count: 2, mean: 17.5, median: 17.5, p90: 23.5, max: 25 },
      bookings: { total: 7, checkedIn: 4, early: 1, onTime: 2, late: 1, noShow: 1, cancelled: 1, stillBooked: 1 },
    });
    // All waits together, as before: 0 2 5 8 10 25.
    expect(summary.waitMinutes).toMatchObject({ count: 6, max: 25, median: 6.5 });
  });

  it('splits bookings by the hour and the service of their slot, and not by ticket priority', () => {
    const byHour = computeStats(input('hour'), tickets, [], bookings).groups;
    expect(byHour.map((g) => [g.key, g.appointments.bookings?.total])).toEqual([
      [8, 0],
      [9, 4],
      [10, 1],
      [11, 1],
      [14, 1],
    ]);
    const byService = computeStats(input('service'), tickets, [], bookings).groups;
    expect(byService.map((g) => [g.key, g.appointments.bookings?.total, g.appointments.waitMinutes.count])).toEqual([
      ['M', 5, 2],
      ['P', 2, 1],
    ]);
    const byPriority = computeStats(input('priority'), tickets, [], bookings).groups;
    expect(byPriority.map((g) => [g.key, g.appointments.bookings, g.waitMinutes.count])).toEqual([
      ['urgent', null, 1],
      ['appointment', null, 3],
      ['normal', null, 2],
    ]);
    expect(byPriority[1]!.waitMinutes).toEqual(byPriority[1]!.appointments.waitMinutes);
  });
});
