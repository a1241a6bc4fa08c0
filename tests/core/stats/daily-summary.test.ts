import { describe, expect, it } from 'vitest';
import { computeStats } from '../../../core/stats/accumulator.js';
import { summariseDay } from '../../../core/stats/daily-summary.js';
import { toMinutes } from '../../../core/stats/durations.js';
import { parseStatsRange } from '../../../core/stats/range.js';
import { newTicket } from '../../../core/ticket-lifecycle.js';
import type { Service, Ticket } from '../../../core/types.js';

const DAY = '2026-11-25';
const OPEN = Date.parse(`${DAY}T08:00:00+01:00`);
const NOW = Date.parse('2026-12-30T12:00:00+01:00');
const SEC = 1000;
const MIN = 60 * SEC;
const SERVICES: Service[] = [
  { code: 'M', names: { da: 'MitID', en: 'MitID' }, needsIdCheck: true, slaMinutes: 10, active: true },
  { code: 'P', names: { da: 'Pas', en: 'Passport' }, needsIdCheck: false, slaMinutes: 30, active: true },
];

let nextId = 1;
function ticket(arrivedAfter: number, fields: Partial<Ticket>): Ticket {
  return { ...newTicket({ number: `X${nextId}`, officeDay: DAY, serviceCode: 'M', arrivedAt: OPEN + arrivedAfter }), id: nextId++, ...fields };
}
const at = (ms: number) => OPEN + ms;

/**
 * M: waits 10 min, 3 min 20 s, 25 min (no-show, last call) and a walk-up (no wait); served 5 and
 * 7 minutes. P: transferred to M after 2 minutes at the desk (its continuation in M waits 30 min
 * and is served 4 min), and one cancelled while waiting.
 */
const served1 = ticket(0, { status: 'done', calledAt: at(10 * MIN), startedAt: at(11 * MIN), finishedAt: at(16 * MIN), outcome: 'mitid_issued' });
const served2 = ticket(MIN, { status: 'done', calledAt: at(MIN + 200 * SEC), startedAt: at(5 * MIN), finishedAt: at(12 * MIN), outcome: 'other' });
const noShow = ticket(2 * MIN, { status: 'no_show', calledAt: at(27 * MIN), finishedAt: at(29 * MIN), callCount: 2 });
const walkUp = ticket(3 * MIN, { status: 'done', walkUp: true, calledAt: at(3 * MIN), startedAt: at(3 * MIN), finishedAt: at(6 * MIN), outcome: 'other' });
const moved = ticket(4 * MIN, { serviceCode: 'P', status: 'transferred', calledAt: at(8 * MIN), startedAt: at(9 * MIN), finishedAt: at(11 * MIN) });
const continuation = ticket(4 * MIN, { transferredFromId: moved.id, number: moved.number, status: 'done', calledAt: at(34 * MIN), startedAt: at(35 * MIN), finishedAt: at(39 * MIN), outcome: 'other' });
const cancelled = ticket(5 * MIN, { serviceCode: 'P', status: 'cancelled', finishedAt: at(20 * MIN) });
const otherDay = { ...ticket(0, { status: 'done', calledAt: at(MIN), startedAt: at(2 * MIN), finishedAt: at(3 * MIN) }), officeDay: '2026-11-26' };
const tickets = [served1, served2, noShow, walkUp, moved, continuation, cancelled, otherDay];

describe('the figures kept of a day', () => {
  const summaries = summariseDay(DAY, tickets, SERVICES, NOW);

  it('has one row per service with tickets that day, in the kiosk order', () => {
    expect(summaries.map((s) => [s.day, s.serviceCode])).toEqual([
      [DAY, 'M'],
      [DAY, 'P'],
    ]);
  });

  it('counts as the statistics count: a continuation is no new ticket', () => {
    expect(summaries[0]).toMatchObject({ serviceCode: 'M', issued: 4, served: 4, noShow: 1, cancelled: 0, transferred: 0 });
    expect(summaries[1]).toMatchObject({ serviceCode: 'P', issued: 2, served: 0, noShow: 0, cancelled: 1, transferred: 1 });
  });

  it('keeps the times in seconds, with percentiles as the statistics take them', () => {
    // M waits (s): 600, 200, 1500 (no-show), 1800 (continuation); sorted 200 600 1500 1800.
    expect(summaries[0]!.waitSeconds).toEqual({ count: 4, mean: 1025, median: 1050, p90: 1710, max: 1800 });
    // Served in M: 300, 420, walk-up 180, continuation 240.
    expect(summaries[0]!.serviceSeconds).toEqual({ count: 4, mean: 285 });
    expect(summaries[1]!.waitSeconds).toEqual({ count: 1, mean: 240, median: 240, p90: 240, max: 240 });
    expect(summaries[1]!.serviceSeconds).toEqual({ count: 0, mean: null });
  });

  it('rounds to exactly the minutes /api/stats reports by service', () => {
    const parsed = parseStatsRange(DAY, DAY);
    if (!parsed.ok) throw new Error(parsed.message);
    const report = computeStats(
      { range: parsed.range, now: NOW, groupBy: 'service', names: { services: SERVICES, counters: new Map(), staff: new Map() }, counterEvents: [] },
      tickets.filter((t) => t.officeDay === DAY),
      [],
    );
    for (const summary of summaries) {
      const group = report.groups.find((g) => g.key === summary.serviceCode)!;
      const minutes = (seconds: number | null) => (seconds === null ? null : toMinutes(seconds * 1000));
      expect({
        mean: minutes(summary.waitSeconds.mean),
        median: minutes(summary.waitSeconds.median),
        p90: minutes(summary.waitSeconds.p90),
        max: minutes(summary.waitSeconds.max),
        service: minutes(summary.serviceSeconds.mean),
      }).toEqual({ mean: group.waitMinutes.mean, median: group.waitMinutes.median, p90: group.waitMinutes.p90, max: group.waitMinutes.max, service: group.serviceMinutes.mean });
    }
  });

  it('has nothing for a day without tickets', () => {
    expect(summariseDay('2026-11-20', tickets, SERVICES, NOW)).toEqual([]);
  });
});
