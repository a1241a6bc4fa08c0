import { percentileOfSorted } from '../percentile.js';
import type { Service } from '../types.js';
import { computeStats } from './accumulator.js';
import { parseStatsRange } from './range.js';
import { ticketMeasures, type StatsTicket } from './ticket-measures.js';

/** Average, median, 90th percentile and maximum in seconds; null without data. */
export interface SecondsFigures {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/**
 * What is kept of a day and service once retention has deleted its tickets: the counts and
 * times the statistics report (docs/statistics.md defines each), times in seconds.
 */
export interface DailySummary {
  day: string;
  serviceCode: string;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  transferred: number;
  waitSeconds: SecondsFigures;
  serviceSeconds: { count: number; mean: number | null };
}

/**
 * The summaries of one Copenhagen day, one per service with tickets, from all tickets of that
 * day as the statistics read them (with their bookings, `StatsReader.tickets`). The counts are
 * the statistics' own (`computeStats` by service); the times use the statistics' per-ticket
 * measures and percentile, kept to the millisecond rather than rounded to the tenth of a minute
 * the statistics report, so a later reader can round them as it needs.
 */
export function summariseDay(day: string, tickets: readonly StatsTicket[], services: readonly Service[], now: number): DailySummary[] {
  const parsed = parseStatsRange(day, day);
  if (!parsed.ok) throw new Error(parsed.message);
  const ofDay = tickets.filter((t) => t.officeDay === day);
  const report = computeStats(
    { range: parsed.range, now, names: { services, counters: new Map(), staff: new Map() }, counterEvents: [], groupBy: 'service' },
    ofDay,
    [],
  );
  return report.groups.map((group) => {
    const ofService = ofDay.filter((t) => t.serviceCode === group.key).map(ticketMeasures);
    const serviceTimes = ofService.flatMap((m) => (m.serviceMs === null ? [] : [m.serviceMs]));
    return {
      day,
      serviceCode: String(group.key),
      issued: group.issued,
      served: group.served,
      noShow: group.noShow,
      cancelled: group.cancelled,
      transferred: group.transferred,
      waitSeconds: secondsFigures(ofService.flatMap((m) => (m.waitMs === null ? [] : [m.waitMs]))),
      serviceSeconds: { count: serviceTimes.length, mean: serviceTimes.length === 0 ? null : sum(serviceTimes) / serviceTimes.length / 1000 },
    };
  });
}

function secondsFigures(durationsMs: number[]): SecondsFigures {
  const sorted = durationsMs.sort((a, b) => a - b);
  const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? null : sum(sorted) / sorted.length / 1000,
    median: seconds(percentileOfSorted(sorted, 0.5)),
    p90: seconds(percentileOfSorted(sorted, 0.9)),
    max: seconds(sorted.length === 0 ? null : sorted[sorted.length - 1]!),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
