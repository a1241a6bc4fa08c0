import type { CounterSession } from '../stats/capacity.js';
import type { CopenhagenTime } from '../stats/local-time.js';
import type { PriorityClass } from '../types.js';
import { percentile } from '../percentile.js';
import { QUARTERS_PER_DAY, type RecordedArrival } from './arrivals.js';
import type { CounterShift } from './scenario.js';

/** What the planner reads of a past ticket (the statistics' ticket has it all). */
export interface HistoryTicket {
  serviceCode: string;
  priority: PriorityClass;
  status: string;
  arrivedAt: number;
  callableAt: number;
  calledAt: number | null;
  finishedAt: number | null;
  /** A transfer's continuation is the same citizen again: not a new arrival. */
  transferredFromId: number | null;
}

const MINUTE_MS = 60_000;

/** Minutes since Copenhagen midnight, with the seconds as a fraction (offsets are whole minutes). */
export function clockMinutes(at: number, times: CopenhagenTime): number {
  return times.minuteOfDay(at) + (at % MINUTE_MS) / MINUTE_MS;
}

const isArrival = (t: HistoryTicket) => t.transferredFromId === null;

/** One past day's citizens as they came, per service: the arrivals a backtest replays. */
export function recordedArrivals(tickets: readonly HistoryTicket[], times: CopenhagenTime): Map<string, RecordedArrival[]> {
  const byService = new Map<string, RecordedArrival[]>();
  for (const t of tickets.filter(isArrival)) {
    const list = byService.get(t.serviceCode) ?? [];
    list.push({ minute: clockMinutes(t.arrivedAt, times), priority: t.priority, callableMinute: clockMinutes(Math.max(t.arrivedAt, t.callableAt), times) });
    byService.set(t.serviceCode, list);
  }
  return byService;
}

/**
 * The expected arrivals per quarter hour and service: the mean over the given days (say the
 * last eight Mondays), so a quiet and a busy Monday both count. Transfers are not arrivals.
 * `walkInsOnly` leaves the booked citizens out, for a date whose own bookings are known.
 */
export function arrivalForecast(days: readonly (readonly HistoryTicket[])[], times: CopenhagenTime, walkInsOnly = false): Map<string, number[]> {
  const forecast = new Map<string, number[]>();
  for (const tickets of days) {
    for (const t of tickets.filter((t) => isArrival(t) && !(walkInsOnly && t.priority === 'appointment'))) {
      const perQuarter = forecast.get(t.serviceCode) ?? new Array<number>(QUARTERS_PER_DAY).fill(0);
      perQuarter[Math.floor(times.minuteOfDay(t.arrivedAt) / 15)]! += 1 / days.length;
      forecast.set(t.serviceCode, perQuarter);
    }
  }
  return forecast;
}

/** Call-to-finish minutes of every citizen served to the end, per service: the empirical service times. */
export function serviceMinutes(tickets: readonly HistoryTicket[]): Map<string, number[]> {
  const byService = new Map<string, number[]>();
  for (const t of tickets) {
    if (t.status !== 'done' || t.calledAt === null || t.finishedAt === null) continue;
    const list = byService.get(t.serviceCode) ?? [];
    list.push((t.finishedAt - t.calledAt) / MINUTE_MS);
    byService.set(t.serviceCode, list);
  }
  return byService;
}

/** A day's bookings that will (or did) come: minutes since midnight of each slot, per service. */
export function bookedSlots(bookings: readonly { serviceCode: string; slotStart: number; status: string }[], times: CopenhagenTime): Map<string, number[]> {
  const byService = new Map<string, number[]>();
  for (const b of bookings.filter((b) => b.status === 'booked' || b.status === 'checked_in')) {
    byService.set(b.serviceCode, [...(byService.get(b.serviceCode) ?? []), times.minuteOfDay(b.slotStart)]);
  }
  return byService;
}

/** How many minutes before the slot booked citizens typically checked in (the median; 0 without any). */
export function bookedLeadMinutes(tickets: readonly HistoryTicket[]): number {
  const early = tickets.filter((t) => isArrival(t) && t.priority === 'appointment').map((t) => Math.max(0, t.callableAt - t.arrivedAt) / MINUTE_MS);
  return percentile(early, 0.5) ?? 0;
}

/** The waits the citizens of a day really had, in minutes, as the statistics count them (from the slot for a booking). */
export function actualWaits(tickets: readonly HistoryTicket[]): number[] {
  return tickets.filter((t) => isArrival(t) && t.calledAt !== null).map((t) => (t.calledAt! - Math.max(t.arrivedAt, t.callableAt)) / MINUTE_MS);
}

/** The day's real counter plan: each stretch a counter was open, serving what that counter serves. */
export function recordedShifts(sessions: readonly CounterSession[], servicesOfCounter: ReadonlyMap<number, readonly string[]>, times: CopenhagenTime): CounterShift[] {
  return sessions.map((s) => ({
    // A stretch may end at the day's end, midnight, whose clock minute is the next day's 0.
    fromMinute: clockMinutes(s.start, times),
    toMinute: clockMinutes(s.end - 1, times) + 1 / MINUTE_MS,
    count: 1,
    serviceCodes: servicesOfCounter.get(s.counterId) ?? [],
  }));
}

/** The same weekday (1 = Monday … 7 = Sunday) in the `weeks` weeks before `today`, most recent first. */
export function sameWeekdayBefore(today: string, weekday: number, weeks: number): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const todayUtc = Date.UTC(y, m - 1, d);
  const todayWeekday = ((new Date(todayUtc).getUTCDay() + 6) % 7) + 1;
  const back = (todayWeekday - weekday + 7) % 7 || 7;
  return Array.from({ length: weeks }, (_, i) => new Date(todayUtc - (back + 7 * i) * 86_400_000).toISOString().slice(0, 10));
}
