import { describe, expect, it } from 'vitest';
import { arrivalForecast, bookedLeadMinutes, bookedSlots, type HistoryTicket } from '../../../core/planning/history.js';
import { CopenhagenTime } from '../../../core/stats/local-time.js';

/** Monday 23 November 2026, 10:00 in Copenhagen (UTC+1). */
const TEN = Date.parse('2026-11-23T10:00:00+01:00');
const MINUTE = 60_000;

function ticket(change: Partial<HistoryTicket>): HistoryTicket {
  return { serviceCode: 'M', priority: 'normal', status: 'done', arrivedAt: TEN, callableAt: TEN, calledAt: null, finishedAt: null, transferredFromId: null, ...change };
}

describe('the history of a planned date', () => {
  const day = [
    ticket({}),
    ticket({ priority: 'appointment', arrivedAt: TEN - 6 * MINUTE, callableAt: TEN }),
    ticket({ priority: 'appointment', arrivedAt: TEN + 20 * MINUTE, callableAt: TEN + 30 * MINUTE }),
    ticket({ priority: 'appointment', arrivedAt: TEN + 50 * MINUTE, callableAt: TEN + 50 * MINUTE }),
  ];

  it('counts only walk-ins in the forecast when the date brings its own bookings', () => {
    const times = new CopenhagenTime();
    const sum = (forecast: Map<string, number[]>) => forecast.get('M')!.reduce((a, b) => a + b, 0);
    expect(sum(arrivalForecast([day], times))).toBe(4);
    expect(sum(arrivalForecast([day], times, true))).toBe(1);
  });

  it('takes the booked citizens’ typical minutes early from the history (a late one counts as 0)', () => {
    expect(bookedLeadMinutes(day)).toBe(6);
    expect(bookedLeadMinutes([ticket({})])).toBe(0);
  });

  it('gives the slots of bookings still coming or checked in, in minutes of the office clock', () => {
    const slots = bookedSlots(
      [
        { serviceCode: 'M', slotStart: TEN, status: 'booked' },
        { serviceCode: 'M', slotStart: TEN + 15 * MINUTE, status: 'checked_in' },
        { serviceCode: 'M', slotStart: TEN + 30 * MINUTE, status: 'cancelled' },
        { serviceCode: 'P', slotStart: TEN + 45 * MINUTE, status: 'no_show' },
      ],
      new CopenhagenTime(),
    );
    expect([...slots.entries()]).toEqual([['M', [600, 615]]]);
  });
});
