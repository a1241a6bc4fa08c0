import type { Service } from '../types.js';
import { compareOfficeDays } from '../office-day.js';
import { counterSessions, splitByDay, splitByHour, type CounterEvent, type CounterSession, type TimeWindow } from './capacity.js';
import { DURATION_METRICS, DurationStore, type DurationFigures, type DurationMetric } from './durations.js';
import { FigureTally, type BookingFact, type Figures, type IdCheckFact } from './figures.js';
import { bookingsApply, capacityApplies, groupLabel, idChecksApply, orderGroupKeys, type GroupBy, type GroupKey, type GroupNames } from './grouping.js';
import { CopenhagenTime } from './local-time.js';
import type { StatsRange } from './range.js';
import { servingInterval, ticketMeasures, wasWaitingAtEndOfDay, type StatsTicket } from './ticket-measures.js';

export interface StatsGroup extends Figures {
  key: GroupKey;
  label: string;
}

export interface StatsReport {
  from: string;
  to: string;
  groupBy: GroupBy;
  summary: Figures;
  groups: StatsGroup[];
}

/** What the statistics of a range are computed from, besides its tickets and ID checks. */
export interface StatsSource {
  range: StatsRange;
  /** The moment of asking: days not over yet carry nothing over, open counters count until now. */
  now: number;
  names: GroupNames;
  /** Counter opened/closed events in the range, and each counter's last one before it. */
  counterEvents: readonly CounterEvent[];
}

export interface StatsInput extends StatsSource {
  groupBy: GroupBy;
}

/** The groups of one grouping, numbered in the order they were met. */
class Grouping {
  readonly numbers = new Map<GroupKey, number>();
  readonly tallies: FigureTally[] = [];

  constructor(readonly groupBy: GroupBy) {}

  number(key: GroupKey): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.tallies.length;
      this.numbers.set(key, n);
      this.tallies.push(new FigureTally());
    }
    return n;
  }

  tally(key: GroupKey): FigureTally {
    return this.tallies[this.number(key)]!;
  }
}

/**
 * Statistics of a range in one pass over its tickets, without holding them: a year of a large
 * office is a million rows. One pass serves several groupings (the workbook's four sheets). Feed
 * every ticket of the range's days in id order (a continuation after the ticket it continues, as
 * ids give) and every ID check in the range, then ask for each grouping's report. Pure: the caller
 * reads the database, the time is an argument. Bookings (`addBooking`) count by their slot's day,
 * hour and service.
 */
export class StatsAccumulator {
  private readonly times = new CopenhagenTime();
  private readonly summary = new FigureTally();
  private readonly groupings: Grouping[];
  private readonly durations: DurationStore;
  private readonly slaByService: ReadonlyMap<string, number>;
  /** When each transferred ticket was transferred: its continuation exists from then. */
  private readonly transferredAt = new Map<number, number>();
  private readonly capacityWindow: TimeWindow;
  private summaryDurations: Record<DurationMetric, DurationFigures> | null = null;

  constructor(
    private readonly source: StatsSource,
    groupBys: readonly GroupBy[],
  ) {
    this.groupings = groupBys.map((groupBy) => new Grouping(groupBy));
    this.durations = new DurationStore(groupBys.length);
    this.slaByService = new Map(source.names.services.map((s: Service) => [s.code, s.slaMinutes]));
    this.capacityWindow = { start: source.range.start, end: Math.min(source.range.end, source.now) };
    for (const session of counterSessions(source.counterEvents, this.capacityWindow)) this.addOpenTime(session);
  }

  addTicket(t: StatsTicket): void {
    const measures = ticketMeasures(t);
    const carriedOver = this.carriedOver(t);
    const sla = this.slaByService.get(t.serviceCode) ?? null;
    this.summary.addTicket(t, measures, sla, carriedOver);
    const groupNumbers = this.groupings.map((grouping) => {
      const n = grouping.number(this.ticketKey(grouping.groupBy, t));
      grouping.tallies[n]!.addTicket(t, measures, sla, carriedOver);
      return n;
    });
    this.durations.add(
      { wait: measures.waitMs ?? NaN, walk: measures.walkMs ?? NaN, service: measures.serviceMs ?? NaN, priority: t.priority },
      groupNumbers,
    );
    if (t.status === 'transferred' && t.finishedAt !== null) this.transferredAt.set(t.id, t.finishedAt);
    const serving = servingInterval(t);
    if (serving) this.addServingTime(t, serving.start, serving.end);
  }

  addIdCheck(check: IdCheckFact): void {
    if (check.at < this.source.range.start || check.at >= this.source.range.end) return;
    this.summary.addIdCheck(check);
    for (const grouping of this.groupings) {
      if (grouping.groupBy === 'day') grouping.tally(this.times.officeDay(check.at)).addIdCheck(check);
      if (grouping.groupBy === 'hour') grouping.tally(this.times.hourOfDay(check.at)).addIdCheck(check);
    }
  }

  /** A booking with its slot on one of the range's days. */
  addBooking(booking: BookingFact): void {
    const { from, to } = this.source.range;
    if (compareOfficeDays(booking.officeDay, from) < 0 || compareOfficeDays(booking.officeDay, to) > 0) return;
    this.summary.addBooking(booking);
    for (const grouping of this.groupings) {
      if (grouping.groupBy === 'day') grouping.tally(booking.officeDay).addBooking(booking);
      if (grouping.groupBy === 'hour') grouping.tally(this.times.hourOfDay(booking.slotStart)).addBooking(booking);
      if (grouping.groupBy === 'service') grouping.tally(booking.serviceCode).addBooking(booking);
    }
  }

  /** The report of one of the groupings the accumulator was made for. */
  report(groupBy: GroupBy): StatsReport {
    const index = this.groupings.findIndex((g) => g.groupBy === groupBy);
    if (index === -1) throw new Error(`the statistics were not collected by ${groupBy}`);
    const grouping = this.groupings[index]!;
    const { range, names } = this.source;
    const keys = orderGroupKeys(groupBy, grouping.numbers.keys(), range.days, names);
    for (const key of keys) grouping.number(key);
    const byMetric = Object.fromEntries(
      DURATION_METRICS.map((metric) => [metric, this.durations.byGroup(metric, index, grouping.tallies.length)]),
    ) as Record<DurationMetric, DurationFigures[]>;
    const options = { capacity: capacityApplies(groupBy), idChecks: idChecksApply(groupBy), bookings: bookingsApply(groupBy) };
    return {
      from: range.from,
      to: range.to,
      groupBy,
      summary: this.summary.figures(this.totals(), { capacity: true, idChecks: true, bookings: true }),
      groups: keys.map((key) => {
        const n = grouping.numbers.get(key)!;
        const durations = Object.fromEntries(DURATION_METRICS.map((metric) => [metric, byMetric[metric][n]!])) as Record<DurationMetric, DurationFigures>;
        return { key, label: groupLabel(groupBy, key, names), ...grouping.tallies[n]!.figures(durations, options) };
      }),
    };
  }

  private totals(): Record<DurationMetric, DurationFigures> {
    this.summaryDurations ??= Object.fromEntries(DURATION_METRICS.map((metric) => [metric, this.durations.total(metric)])) as Record<
      DurationMetric,
      DurationFigures
    >;
    return this.summaryDurations;
  }

  private ticketKey(groupBy: GroupBy, t: StatsTicket): GroupKey {
    switch (groupBy) {
      case 'day':
        return t.officeDay;
      case 'hour':
        return this.times.hourOfDay(t.arrivedAt);
      case 'service':
        return t.serviceCode;
      case 'counter':
        return t.counterId;
      case 'clerk':
        return t.staffId;
      case 'priority':
        return t.priority;
    }
  }

  private carriedOver(t: StatsTicket): boolean {
    const endOfDay = this.times.endOfOfficeDay(t.officeDay);
    if (endOfDay > this.source.now) return false;
    const existsFrom = t.transferredFromId === null ? t.arrivedAt : (this.transferredAt.get(t.transferredFromId) ?? t.arrivedAt);
    return wasWaitingAtEndOfDay(t, endOfDay, existsFrom);
  }

  private addOpenTime(session: CounterSession): void {
    this.summary.addOpenTime(session.end - session.start);
    this.splitTime(session.start, session.end, session.counterId, session.staffId, (tally, ms) => tally.addOpenTime(ms));
  }

  private addServingTime(t: StatsTicket, start: number, end: number): void {
    const from = Math.max(start, this.capacityWindow.start);
    const to = Math.min(end, this.capacityWindow.end);
    if (to <= from) return;
    this.summary.addServingTime(to - from);
    this.splitTime(from, to, t.counterId, t.staffId, (tally, ms) => tally.addServingTime(ms));
  }

  /** Counter time goes to the days or hours it falls in, or to its counter or clerk. */
  private splitTime(start: number, end: number, counterId: number | null, staffId: number | null, add: (tally: FigureTally, ms: number) => void): void {
    for (const grouping of this.groupings) {
      switch (grouping.groupBy) {
        case 'day':
          splitByDay(start, end, this.times, (day, ms) => add(grouping.tally(day), ms));
          break;
        case 'hour':
          splitByHour(start, end, this.times, (hour, ms) => add(grouping.tally(hour), ms));
          break;
        case 'counter':
          add(grouping.tally(counterId), end - start);
          break;
        case 'clerk':
          add(grouping.tally(staffId), end - start);
          break;
        default:
          break;
      }
    }
  }
}

/** The whole report from in-memory records: the accumulator in one call. */
export function computeStats(
  input: StatsInput,
  tickets: Iterable<StatsTicket>,
  idChecks: Iterable<IdCheckFact>,
  bookings: Iterable<BookingFact> = [],
): StatsReport {
  const accumulator = new StatsAccumulator(input, [input.groupBy]);
  for (const ticket of tickets) accumulator.addTicket(ticket);
  for (const check of idChecks) accumulator.addIdCheck(check);
  for (const booking of bookings) accumulator.addBooking(booking);
  return accumulator.report(input.groupBy);
}
