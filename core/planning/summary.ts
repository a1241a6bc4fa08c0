import { percentileOfSorted } from '../percentile.js';
import { HOUR_MS, MINUTE_MS, type DayScenario } from './scenario.js';
import type { SimulatedDay, SimulatedTicket } from './simulate-day.js';

/**
 * Waits in minutes, unrounded (the caller rounds for people; the Erlang C tests need the
 * digits). Percentiles as the statistics pages compute them (`percentile`), null for no citizens.
 */
export interface WaitFigures {
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

export interface ServiceFigures {
  serviceCode: string;
  served: number;
  waitMinutes: WaitFigures;
  /** Share of its citizens called later than the service's target. */
  slaShare: number | null;
}

export interface HourFigures {
  /** Clock hour, 0–23: citizens count in the hour they arrived. */
  hour: number;
  /** Arrivals per day in this hour (the mean over the simulated days). */
  arrivals: number;
  waitMinutes: WaitFigures;
  probabilityOfWaiting: number | null;
  /** Counters the plan has open in this hour, on average over its minutes of opening. */
  counters: number;
  utilisation: number | null;
}

export interface PlanFigures {
  days: number;
  /** Citizens served, and those still waiting when no counter serving them was left. */
  served: number;
  unserved: number;
  /** Over every citizen of every simulated day. */
  waitMinutes: WaitFigures;
  /** How the days differ: the median and the 90th percentile of each day's own p90 wait. */
  dailyP90: { median: number | null; p90: number | null };
  probabilityOfWaiting: number | null;
  /** Share of citizens called later than their own service's target. */
  slaShare: number | null;
  /** Busy counter time over open counter time. */
  utilisation: number | null;
  byService: ServiceFigures[];
  byHour: HourFigures[];
}

/** The figures of one simulated day or of many (pass one day for "per run"). */
export function summarise(scenario: DayScenario, days: readonly SimulatedDay[]): PlanFigures {
  const served = days.flatMap((d) => d.tickets.filter((t) => !Number.isNaN(t.calledAt)));
  const unserved = days.reduce((n, d) => n + d.tickets.length, 0) - served.length;
  const sla = new Map(scenario.services.map((s) => [s.code, s.slaMinutes * MINUTE_MS]));
  const late = (t: SimulatedTicket) => wait(t) > (sla.get(t.serviceCode) ?? Infinity);
  const dailyP90s = days.map((d) => waitFigures(d.tickets.filter((t) => !Number.isNaN(t.calledAt))).p90).filter((p): p is number => p !== null);
  return {
    days: days.length,
    served: served.length,
    unserved,
    waitMinutes: waitFigures(served),
    dailyP90: { median: percentileOf(dailyP90s, 0.5), p90: percentileOf(dailyP90s, 0.9) },
    probabilityOfWaiting: shareOf(served, (t) => wait(t) > 0),
    slaShare: shareOf(served, late),
    utilisation: ratio(sumHours(days, 'busyMsByHour'), sumHours(days, 'openMsByHour')),
    byService: scenario.services.map((s) => {
      const ofService = served.filter((t) => t.serviceCode === s.code);
      return { serviceCode: s.code, served: ofService.length, waitMinutes: waitFigures(ofService), slaShare: shareOf(ofService, late) };
    }),
    byHour: hoursOf(scenario).map((hour) => {
      const inHour = served.filter((t) => Math.floor(t.arrivedAt / HOUR_MS) === hour);
      const arrived = days.reduce((n, d) => n + d.tickets.filter((t) => Math.floor(t.arrivedAt / HOUR_MS) === hour).length, 0);
      return {
        hour,
        arrivals: days.length === 0 ? 0 : arrived / days.length,
        waitMinutes: waitFigures(inHour),
        probabilityOfWaiting: shareOf(inHour, (t) => wait(t) > 0),
        counters: scheduledCounters(scenario, hour),
        utilisation: ratio(sumHour(days, 'busyMsByHour', hour), sumHour(days, 'openMsByHour', hour)),
      };
    }),
  };
}

export function waitFigures(tickets: readonly SimulatedTicket[]): WaitFigures {
  if (tickets.length === 0) return { mean: null, median: null, p90: null, max: null };
  const sorted = tickets.map((t) => wait(t) / MINUTE_MS).sort((a, b) => a - b);
  return {
    mean: sorted.reduce((sum, w) => sum + w, 0) / sorted.length,
    median: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
    max: sorted[sorted.length - 1]!,
  };
}

/** Clock hours the office is open in, first to last (an opening at 09:30 begins with hour 9). */
export function hoursOf(scenario: Pick<DayScenario, 'openMinute' | 'closeMinute'>): number[] {
  const first = Math.floor(scenario.openMinute / 60);
  const last = Math.ceil(scenario.closeMinute / 60);
  return Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
}

/** Counters open in the plan during the hour's minutes of opening, on average. */
export function scheduledCounters(scenario: Pick<DayScenario, 'openMinute' | 'closeMinute' | 'counters'>, hour: number): number {
  const start = Math.max(hour * 60, scenario.openMinute);
  const end = Math.min((hour + 1) * 60, scenario.closeMinute);
  if (end <= start) return 0;
  const counterMinutes = scenario.counters.reduce((sum, s) => sum + s.count * Math.max(0, Math.min(end, s.toMinute) - Math.max(start, s.fromMinute)), 0);
  return counterMinutes / (end - start);
}

function wait(t: SimulatedTicket): number {
  return t.calledAt - Math.max(t.arrivedAt, t.callableAt);
}

function shareOf(tickets: readonly SimulatedTicket[], test: (t: SimulatedTicket) => boolean): number | null {
  return tickets.length === 0 ? null : tickets.filter(test).length / tickets.length;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function percentileOf(values: number[], p: number): number | null {
  return percentileOfSorted(values.sort((a, b) => a - b), p);
}

function sumHours(days: readonly SimulatedDay[], key: 'openMsByHour' | 'busyMsByHour'): number {
  return days.reduce((sum, d) => sum + d[key].reduce((s, ms) => s + ms, 0), 0);
}

function sumHour(days: readonly SimulatedDay[], key: 'openMsByHour' | 'busyMsByHour', hour: number): number {
  return days.reduce((sum, d) => sum + (d[key][hour] ?? 0), 0);
}
