import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minuteOfOfficeDay } from '../../../core/office-day.js';
import { computeStats } from '../../../core/stats/accumulator.js';
import { IntradayAccumulator, WAIT_BAND_EDGES, type IntradayPeriod } from '../../../core/stats/intraday.js';
import { CopenhagenTime } from '../../../core/stats/local-time.js';
import { parseStatsRange, type StatsRange } from '../../../core/stats/range.js';
import { newTicket } from '../../../core/ticket-lifecycle.js';
import type { Ticket } from '../../../core/types.js';

const MIN = 60_000;
const rangeOf = (from: string, to: string): StatsRange => {
  const parsed = parseStatsRange(from, to);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.range;
};

let nextId = 1;
function ticket(day: string, arrivedIso: string, fields: Partial<Ticket> = {}): Ticket {
  return { ...newTicket({ number: `M${nextId}`, officeDay: day, serviceCode: 'M', arrivedAt: Date.parse(arrivedIso) }), id: nextId++, ...fields };
}

function report(range: StatsRange, period: IntradayPeriod, tickets: Ticket[]) {
  const intraday = new IntradayAccumulator(range, period);
  for (const t of tickets) intraday.addTicket(t);
  return intraday.report();
}

describe('minutes of the Copenhagen clock', () => {
  it('agrees with minuteOfOfficeDay at any instant of the 2020s', () => {
    const times = new CopenhagenTime();
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (at) => {
        expect(times.minuteOfDay(at)).toBe(minuteOfOfficeDay(at));
      }),
      { numRuns: 500 },
    );
  });
});

describe('arrivals and served per period of the day', () => {
  const day = '2026-11-25';
  const at = (clock: string) => Date.parse(`${day}T${clock}:00+01:00`);
  // 09:05 arrives, called 09:20, served until 10:10. 09:40 arrives, no-show at 09:50.
  // 09:50 arrives, transferred at 10:05; its continuation is served 10:20–10:35. 11:00 arrives, still waiting.
  const served = ticket(day, `${day}T09:05:00+01:00`, { status: 'done', calledAt: at('09:20'), startedAt: at('09:21'), finishedAt: at('10:10') });
  const noShow = ticket(day, `${day}T09:40:00+01:00`, { status: 'no_show', calledAt: at('09:45'), finishedAt: at('09:50') });
  const moved = ticket(day, `${day}T09:50:00+01:00`, { status: 'transferred', calledAt: at('10:00'), startedAt: at('10:01'), finishedAt: at('10:05') });
  const continuation = ticket(day, `${day}T09:50:00+01:00`, {
    transferredFromId: moved.id,
    status: 'done',
    calledAt: at('10:20'),
    startedAt: at('10:21'),
    finishedAt: at('10:35'),
  });
  const waiting = ticket(day, `${day}T11:00:00+01:00`);
  const tickets = [served, noShow, moved, continuation, waiting];

  it('counts an arrival when the ticket was issued and a served citizen when they left, hour by hour', () => {
    expect(report(rangeOf(day, day), 60, tickets).slots).toEqual([
      { startMinute: 540, endMinute: 600, arrivals: 3, served: 0 },
      { startMinute: 600, endMinute: 660, arrivals: 0, served: 2 },
      { startMinute: 660, endMinute: 720, arrivals: 1, served: 0 },
    ]);
  });

  it('cuts the day in quarters, keeping the empty ones between the first and the last', () => {
    const slots = report(rangeOf(day, day), 15, tickets).slots;
    expect(slots[0]).toEqual({ startMinute: 540, endMinute: 555, arrivals: 1, served: 0 });
    expect(slots.at(-1)).toEqual({ startMinute: 660, endMinute: 675, arrivals: 1, served: 0 });
    expect(slots.map((s) => s.startMinute)).toEqual(Array.from({ length: 9 }, (_, i) => 540 + 15 * i));
    expect(slots.find((s) => s.startMinute === 600)).toEqual({ startMinute: 600, endMinute: 615, arrivals: 0, served: 1 });
    expect(slots.find((s) => s.startMinute === 630)).toEqual({ startMinute: 630, endMinute: 645, arrivals: 0, served: 1 });
  });

  it('spreads the waits over bands that include their start and exclude their end', () => {
    // Waits: 15 min (served), 5 min (no-show), 10 min (transferred), 30 min (continuation: from the first arrival).
    const bands = report(rangeOf(day, day), 60, tickets).waitBands;
    expect(bands.map((b) => [b.fromMinutes, b.toMinutes])).toEqual([
      [0, 5],
      [5, 10],
      [10, 15],
      [15, 20],
      [20, 30],
      [30, 45],
      [45, 60],
      [60, null],
    ]);
    expect(bands.map((b) => b.count)).toEqual([0, 1, 1, 1, 0, 1, 0, 0]);
  });

  it('has no periods and only empty bands for a day without tickets', () => {
    const empty = report(rangeOf(day, day), 30, []);
    expect(empty).toMatchObject({ from: day, to: day, periodMinutes: 30, slots: [] });
    expect(empty.waitBands.map((b) => b.count)).toEqual(new Array(WAIT_BAND_EDGES.length + 1).fill(0));
  });

  it('puts both 02:30s of the autumn night in the 02:00 period', () => {
    const night = '2026-10-25';
    const first = ticket(night, '2026-10-25T02:30:00+02:00');
    const second = ticket(night, '2026-10-25T02:30:00+01:00');
    expect(report(rangeOf(night, night), 60, [first, second]).slots).toEqual([{ startMinute: 120, endMinute: 180, arrivals: 2, served: 0 }]);
  });
});

describe('the intraday figures add up to the statistics of the range', () => {
  const day = '2026-11-25';
  const opening = Date.parse(`${day}T08:00:00+01:00`);
  const someTicket = fc
    .record({
      arrival: fc.integer({ min: 0, max: 10 * 60 }),
      wait: fc.integer({ min: 0, max: 90 * MIN }),
      service: fc.integer({ min: 0, max: 40 * MIN }),
      ending: fc.constantFrom('done', 'no_show', 'cancelled', 'waiting', 'walk_up'),
    })
    .map(({ arrival, wait, service, ending }) => {
      const arrivedAt = opening + arrival * MIN;
      const calledAt = arrivedAt + wait;
      const base = ticket(day, new Date(arrivedAt).toISOString());
      switch (ending) {
        case 'done':
          return { ...base, status: 'done', calledAt, startedAt: calledAt, finishedAt: calledAt + service } as Ticket;
        case 'walk_up':
          return { ...base, status: 'done', walkUp: true, startedAt: arrivedAt, finishedAt: arrivedAt + service } as Ticket;
        case 'no_show':
          return { ...base, status: 'no_show', calledAt, finishedAt: calledAt + MIN } as Ticket;
        case 'cancelled':
          return { ...base, status: 'cancelled', finishedAt: arrivedAt + wait } as Ticket;
        default:
          return base;
      }
    });

  it('arrivals = issued, served = served, waits in bands = waits counted, for any period length', () => {
    fc.assert(
      fc.property(fc.array(someTicket, { maxLength: 40 }), (tickets) => {
        const range = rangeOf(day, day);
        const stats = computeStats(
          { range, groupBy: 'day', now: opening + 24 * 60 * MIN, names: { services: [], counters: new Map(), staff: new Map() }, counterEvents: [] },
          tickets,
          [],
        ).summary;
        for (const period of [15, 30, 60] as const) {
          const intraday = report(range, period, tickets);
          expect(intraday.slots.reduce((sum, s) => sum + s.arrivals, 0)).toBe(stats.issued);
          expect(intraday.slots.reduce((sum, s) => sum + s.served, 0)).toBe(stats.served);
          expect(intraday.waitBands.reduce((sum, b) => sum + b.count, 0)).toBe(stats.waitMinutes.count);
        }
      }),
      { numRuns: 100 },
    );
  });
});
