import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeStats, StatsAccumulator, type StatsInput } from '../../../core/stats/accumulator.js';
import type { CounterEvent } from '../../../core/stats/capacity.js';
import type { DurationFigures } from '../../../core/stats/durations.js';
import type { IdCheckFact } from '../../../core/stats/figures.js';
import { GROUP_BYS, type GroupBy } from '../../../core/stats/grouping.js';
import { parseStatsRange } from '../../../core/stats/range.js';
import { newTicket } from '../../../core/ticket-lifecycle.js';
import type { Service, Ticket, TicketStatus } from '../../../core/types.js';

const MIN = 60_000;
const DAY = '2026-11-25';
const OPEN = Date.parse(`${DAY}T08:00:00+01:00`);
const NEXT_MORNING = Date.parse('2026-11-26T08:00:00+01:00');
const range = (() => {
  const parsed = parseStatsRange(DAY, DAY);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.range;
})();

const SERVICES: Service[] = [
  { code: 'M', names: { da: 'MitID', en: 'MitID' }, needsIdCheck: true, slaMinutes: 10, active: true },
  { code: 'P', names: { da: 'Pas', en: 'Passport' }, needsIdCheck: false, slaMinutes: 30, active: true },
];

function input(groupBy: GroupBy, counterEvents: CounterEvent[] = [], now = NEXT_MORNING): StatsInput {
  return {
    range,
    groupBy,
    now,
    names: { services: SERVICES, counters: new Map([[1, 'Skranke 1'], [2, 'Skranke 2']]), staff: new Map([[7, 'Clerk Seven']]) },
    counterEvents,
  };
}

let nextId = 1;
const ticket = (minutesAfterOpening: number, fields: Partial<Ticket>): Ticket => ({
  ...newTicket({ number: `M${nextId}`, officeDay: DAY, serviceCode: 'M', arrivedAt: OPEN + minutesAfterOpening * MIN }),
  id: nextId++,
  ...fields,
});
const at = (minutesAfterOpening: number) => OPEN + minutesAfterOpening * MIN;

describe('statistics of one day, from plain records', () => {
  // 08:00 M arrives (estimate 5), called 08:12, served 08:13–08:20 at counter 1 by clerk 7.
  // 08:05 P arrives (estimate 0), called 08:40 at counter 2, transferred to M at 08:45;
  //        its continuation is called 08:50, served 08:51–09:00 at counter 1.
  // 08:10 M urgent (other), called 08:15, no-show.
  // 17:00 P arrives, still waiting at midnight, cancelled next morning.
  const served = ticket(0, { status: 'done', estimatedWaitMinutes: 5, calledAt: at(12), startedAt: at(13), finishedAt: at(20), counterId: 1, staffId: 7, outcome: 'mitid_issued' });
  const moved = ticket(5, { serviceCode: 'P', estimatedWaitMinutes: 0, status: 'transferred', calledAt: at(40), startedAt: at(41), finishedAt: at(45), counterId: 2, staffId: 7 });
  const urgent = ticket(10, { priority: 'urgent', urgentReason: 'other', status: 'no_show', calledAt: at(15), finishedAt: at(17), counterId: 1, staffId: 7 });
  const late = ticket(9 * 60, { serviceCode: 'P', status: 'cancelled', finishedAt: NEXT_MORNING - 30 * MIN });
  const continuation = ticket(5, { transferredFromId: moved.id, number: moved.number, status: 'done', calledAt: at(50), startedAt: at(51), finishedAt: at(60), counterId: 1, staffId: 7, outcome: 'other' });
  const tickets = [served, moved, urgent, late, continuation];
  const checks: IdCheckFact[] = [
    { at: at(-5), verdict: 'accepted', reasons: [] },
    { at: at(30), verdict: 'rejected', reasons: ['expired', 'too_young'] },
    { at: Date.parse('2026-11-24T23:59:00+01:00'), verdict: 'rejected', reasons: ['unreadable'] }, // the day before: not counted
  ];
  const sessions: CounterEvent[] = [
    { at: Date.parse('2026-11-24T16:00:00+01:00'), type: 'counter.opened', counterId: 1, staffId: 7 }, // left open overnight
    { at: at(120), type: 'counter.closed', counterId: 1, staffId: 7 },
    { at: at(30), type: 'counter.opened', counterId: 2, staffId: 7 },
    { at: at(60), type: 'counter.closed', counterId: 2, staffId: 7 },
  ];

  it('counts each number once, transfers apart, and what was waiting at midnight', () => {
    const { summary } = computeStats(input('day', sessions), tickets, checks);
    expect(summary).toMatchObject({ issued: 4, served: 2, walkUps: 0, noShow: 1, cancelled: 1, transferred: 1, open: 0, carriedOver: 1 });
    expect(summary.issued).toBe(summary.served + summary.noShow + summary.cancelled + summary.open);
  });

  it('measures waits from arrival (the continuation from the first arrival) and compares them with the promise and the SLA', () => {
    const { summary } = computeStats(input('day', sessions), tickets, checks);
    // waits 12, 35, 5, 45
    expect(summary.waitMinutes).toEqual({ count: 4, mean: 24.3, median: 23.5, p90: 42, max: 45 });
    expect(summary.walkMinutes).toEqual({ count: 3, mean: 1, median: 1, p90: 1, max: 1 });
    expect(summary.serviceMinutes).toEqual({ count: 2, mean: 8, median: 8, p90: 8.8, max: 9 }); // 7 and 9
    // Promised 5 for a wait of 12 (+7), 0 for 35 (+35); the continuation and the urgent ticket had no promise.
    expect(summary.estimate).toEqual({ count: 2, meanSignedErrorMinutes: 21, meanAbsoluteErrorMinutes: 21, withinToleranceShare: 0 });
    // SLA: M 10 min, P 30 min → 12 > 10, 35 > 30, 5 ≤ 10, 45 > 10
    expect(summary.sla).toEqual({ count: 4, withinSla: 1, share: 0.25 });
    expect(summary.urgent).toEqual({ issued: 1, byReason: { hospital_summons: 0, other: 1 }, waitMinutes: { count: 1, mean: 5, median: 5, p90: 5, max: 5 } });
    expect(summary.outcomes).toEqual({ mitid_issued: 1, refused_no_valid_id: 0, referred: 0, other: 1 });
  });

  it('counts counter time within the day, and serving time start → finish', () => {
    const { summary, groups } = computeStats(input('counter', sessions), tickets, checks);
    // Counter 1 from midnight (opened the day before) to 10:00: 600 min; counter 2 08:30–09:00: 30 min.
    expect(summary.capacity).toEqual({ openMinutes: 630, servingMinutes: 7 + 4 + 9, idleMinutes: 610, utilisation: 0.032 });
    expect(groups.map((g) => [g.key, g.label, g.capacity])).toEqual([
      [1, 'Skranke 1', { openMinutes: 600, servingMinutes: 16, idleMinutes: 584, utilisation: 0.027 }],
      [2, 'Skranke 2', { openMinutes: 30, servingMinutes: 4, idleMinutes: 26, utilisation: 0.133 }],
      [null, 'Ingen skranke', { openMinutes: 0, servingMinutes: 0, idleMinutes: 0, utilisation: null }],
    ]);
  });

  it('counts ID checks of the range only, each rejection reason once', () => {
    const { summary } = computeStats(input('day', sessions), tickets, checks);
    expect(summary.idChecks).toMatchObject({ total: 2, byVerdict: { accepted: 1, supplement_required: 0, rejected: 1 }, rejectReasons: { expired: 1, too_young: 1, unreadable: 0 } });
  });

  it('carries nothing over from a day that is not over yet', () => {
    const duringTheDay = computeStats(input('day', sessions, at(600)), tickets.map((t) => (t === late ? { ...t, status: 'waiting' as TicketStatus, finishedAt: null } : t)), []);
    expect(duringTheDay.summary).toMatchObject({ carriedOver: 0, open: 1 });
  });

  it('does not count a continuation made the next morning as a second ticket waiting at midnight', () => {
    const waitingAtMidnight = ticket(9 * 60, { serviceCode: 'P', status: 'transferred', finishedAt: NEXT_MORNING });
    const itsContinuation = ticket(9 * 60, { transferredFromId: waitingAtMidnight.id, number: waitingAtMidnight.number, status: 'waiting' });
    const { summary } = computeStats(input('day'), [waitingAtMidnight, itsContinuation], []);
    expect(summary).toMatchObject({ issued: 1, transferred: 1, open: 1, carriedOver: 1 });
  });

  it('labels service groups with the Danish names, in the kiosk order', () => {
    const { groups } = computeStats(input('service'), tickets, []);
    expect(groups.map((g) => [g.key, g.label, g.issued, g.served])).toEqual([
      ['M', 'MitID', 2, 2],
      ['P', 'Pas', 2, 0],
    ]);
  });
});

// ---- Properties over random office days ----

const MINUTES_OPEN = 9 * 60;
const FATES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'] as const;

const citizen = fc.record({
  arrival: fc.integer({ min: 0, max: MINUTES_OPEN }),
  service: fc.constantFrom('M', 'P'),
  urgent: fc.boolean(),
  walkUp: fc.boolean(),
  transferAfter: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 4 }),
  fate: fc.constantFrom(...FATES),
  wait: fc.integer({ min: 0, max: 180 }),
  walk: fc.integer({ min: 0, max: 5 }),
  service_: fc.integer({ min: 0, max: 40 }),
  estimate: fc.option(fc.integer({ min: 0, max: 90 })),
  counter: fc.constantFrom(1, 2),
});

type Citizen = typeof citizen extends fc.Arbitrary<infer C> ? C : never;

/** A day of tickets consistent with the lifecycle: each citizen one ticket, or a transferred one and its continuation. */
function dayOf(citizens: readonly Citizen[]): Ticket[] {
  let id = 0;
  const rows: Ticket[] = [];
  const finalRow = (c: Citizen, base: Ticket): Ticket => {
    const calledAt = base.arrivedAt + c.wait * MIN;
    const startedAt = calledAt + c.walk * MIN;
    const at = { counterId: c.counter, staffId: c.counter + 6 };
    switch (c.fate) {
      case 'waiting':
        return base;
      case 'cancelled':
        return { ...base, status: 'cancelled', finishedAt: calledAt };
      case 'called':
        return { ...base, ...at, status: 'called', calledAt, callCount: 1 };
      case 'serving':
        return { ...base, ...at, status: 'serving', calledAt, startedAt, callCount: 1 };
      case 'no_show':
        return { ...base, ...at, status: 'no_show', calledAt, finishedAt: calledAt + MIN, callCount: 1 };
      case 'done':
        return { ...base, ...at, status: 'done', calledAt, startedAt, finishedAt: startedAt + c.service_ * MIN, callCount: 1, outcome: 'other' };
    }
  };
  for (const c of citizens) {
    const arrivedAt = OPEN + c.arrival * MIN;
    const fresh = { ...newTicket({ number: `${c.service}${id}`, officeDay: DAY, serviceCode: c.service, arrivedAt }), id: ++id };
    if (c.walkUp) {
      rows.push({ ...fresh, walkUp: true, status: 'done', calledAt: arrivedAt, startedAt: arrivedAt, finishedAt: arrivedAt + c.service_ * MIN, counterId: c.counter, staffId: c.counter + 6, outcome: 'other' });
      continue;
    }
    const first = { ...fresh, priority: c.urgent ? 'urgent' : 'normal', urgentReason: c.urgent ? 'hospital_summons' : null, estimatedWaitMinutes: c.estimate } as Ticket;
    if (c.transferAfter === null) {
      rows.push(finalRow(c, first));
      continue;
    }
    const transferredAt = arrivedAt + c.transferAfter * MIN;
    rows.push({ ...first, status: 'transferred', finishedAt: transferredAt });
    const continuation = { ...first, id: ++id, serviceCode: c.service === 'M' ? 'P' : 'M', transferredFromId: first.id, estimatedWaitMinutes: null };
    rows.push(finalRow({ ...c, wait: c.wait + c.transferAfter }, continuation));
  }
  return rows;
}

const counterDay = fc.array(
  fc.record({ counter: fc.constantFrom(1, 2), from: fc.integer({ min: -120, max: MINUTES_OPEN }), length: fc.integer({ min: 1, max: 600 }) }),
  { maxLength: 4 },
);

function eventsOf(sessions: ReadonlyArray<{ counter: number; from: number; length: number }>): CounterEvent[] {
  return sessions.flatMap((s) => [
    { at: OPEN + s.from * MIN, type: 'counter.opened' as const, counterId: s.counter, staffId: s.counter + 6 },
    { at: OPEN + (s.from + s.length) * MIN, type: 'counter.closed' as const, counterId: s.counter, staffId: s.counter + 6 },
  ]);
}

const COUNTS = ['issued', 'served', 'walkUps', 'noShow', 'cancelled', 'transferred', 'open', 'carriedOver'] as const;

describe('promises of the statistics, for any office day', () => {
  it('counts add up: every issued number is served, a no-show, cancelled or still open; each transfer is one continuation', () => {
    fc.assert(
      fc.property(fc.array(citizen, { maxLength: 60 }), (citizens) => {
        const tickets = dayOf(citizens);
        const { summary } = computeStats(input('day'), tickets, []);
        expect(summary.issued).toBe(citizens.length);
        expect(summary.issued).toBe(summary.served + summary.noShow + summary.cancelled + summary.open);
        expect(summary.transferred).toBe(tickets.filter((t) => t.transferredFromId !== null).length);
        expect(summary.walkUps).toBe(citizens.filter((c) => c.walkUp).length);
        expect(summary.carriedOver).toBeLessThanOrEqual(summary.issued);
      }),
      { numRuns: 200 },
    );
  });

  it('splits the total exactly into groups, whatever the grouping', () => {
    fc.assert(
      fc.property(fc.array(citizen, { maxLength: 40 }), fc.constantFrom(...GROUP_BYS), (citizens, groupBy) => {
        const { summary, groups } = computeStats(input(groupBy), dayOf(citizens), []);
        for (const count of COUNTS) expect(groups.reduce((sum, g) => sum + g[count], 0), count).toBe(summary[count]);
        expect(groups.reduce((sum, g) => sum + g.waitMinutes.count, 0)).toBe(summary.waitMinutes.count);
        expect(groups.reduce((sum, g) => sum + g.sla.withinSla, 0)).toBe(summary.sla.withinSla);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps median ≤ p90 ≤ max in every group and in total', () => {
    const ordered = (d: DurationFigures) => d.count === 0 || (d.median! <= d.p90! && d.p90! <= d.max! && d.mean! <= d.max!);
    fc.assert(
      fc.property(fc.array(citizen, { maxLength: 40 }), fc.constantFrom(...GROUP_BYS), (citizens, groupBy) => {
        const { summary, groups } = computeStats(input(groupBy), dayOf(citizens), []);
        for (const figures of [summary, ...groups]) {
          for (const d of [figures.waitMinutes, figures.walkMinutes, figures.serviceMinutes, figures.urgent.waitMinutes]) expect(ordered(d)).toBe(true);
          if (figures.sla.share !== null) expect(figures.sla.share).toBeGreaterThanOrEqual(0);
          if (figures.sla.share !== null) expect(figures.sla.share).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('splits counter time over days, hours, counters and clerks without losing or adding any', () => {
    fc.assert(
      fc.property(fc.array(citizen, { maxLength: 20 }), counterDay, fc.constantFrom<GroupBy>('day', 'hour', 'counter', 'clerk'), (citizens, sessions, groupBy) => {
        const { summary, groups } = computeStats(input(groupBy, eventsOf(sessions)), dayOf(citizens), []);
        const total = summary.capacity!;
        const open = groups.reduce((sum, g) => sum + g.capacity!.openMinutes, 0);
        const serving = groups.reduce((sum, g) => sum + g.capacity!.servingMinutes, 0);
        // Each group is rounded to 0.1 min on its own.
        expect(Math.abs(open - total.openMinutes)).toBeLessThanOrEqual(0.05 * (groups.length + 1));
        expect(Math.abs(serving - total.servingMinutes)).toBeLessThanOrEqual(0.05 * (groups.length + 1));
        expect(total.openMinutes).toBeLessThanOrEqual(2 * 24 * 60); // two counters, one day
        expect(total.idleMinutes).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same report for a grouping whether it is collected alone or with all the others in one pass', () => {
    fc.assert(
      fc.property(fc.array(citizen, { maxLength: 30 }), counterDay, (citizens, sessions) => {
        const tickets = dayOf(citizens);
        const together = new StatsAccumulator(input('day', eventsOf(sessions)), GROUP_BYS);
        for (const t of tickets) together.addTicket(t);
        for (const groupBy of GROUP_BYS) expect(together.report(groupBy)).toEqual(computeStats(input(groupBy, eventsOf(sessions)), tickets, []));
      }),
      { numRuns: 100 },
    );
  });
});
