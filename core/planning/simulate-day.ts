import { isBefore, pickNextTicket, waitingSince, type CounterPreferences, type QueueCandidate } from '../queue-policy.js';
import { PRIORITY_CLASSES, type PriorityClass } from '../types.js';
import { drawArrivals } from './arrivals.js';
import { dayRng, type Rng } from './rng.js';
import { HOUR_MS, MINUTE_MS, type DayScenario } from './scenario.js';
import { drawServiceMs } from './service-times.js';

/** One citizen of a simulated day; times in ms since midnight, NaN when it never happened. */
export interface SimulatedTicket extends QueueCandidate {
  calledAt: number;
  finishedAt: number;
  /** Index of the counter that served the citizen (in the order the shifts list them), −1 for none. */
  counter: number;
}

export interface SimulatedDay {
  /** In arrival order; `id` is the position. */
  tickets: SimulatedTicket[];
  /** Ticket ids in the order they were called. */
  callOrder: number[];
  /** Per clock hour (index 0–47: overtime may pass midnight), ms counters were open and busy. */
  openMsByHour: number[];
  busyMsByHour: number[];
}

interface SimCounter {
  index: number;
  preferences: CounterPreferences;
  from: number;
  /** The end of its shift, never after the closing. */
  end: number;
  staysAfterClose: boolean;
  current: SimulatedTicket | null;
  lastFinish: number;
}

/** One line of the queue (service × priority), oldest wait first; `head` skips the called. */
interface Line {
  items: SimulatedTicket[];
  head: number;
}

const HOURS_KEPT = 48;

/**
 * One office day, event by event. At every moment something happens (an arrival, a counter
 * finishing, a shift starting or ending, a booked slot falling due), each idle open counter in
 * turn asks the product's own `pickNextTicket` whom to call — with the heads of the lines it
 * serves, as the host does — so the simulated office follows the same urgent lane, cap, guard
 * time, preferences and appointments as the real one.
 */
export function simulateDay(scenario: DayScenario, seed: number, day: number): SimulatedDay {
  return simulateWith(scenario, dayRng(seed, day));
}

export function simulateWith(scenario: DayScenario, rng: Rng): SimulatedDay {
  const openMs = scenario.openMinute * MINUTE_MS;
  const closeMs = scenario.closeMinute * MINUTE_MS;
  const arrivals = drawArrivals(
    scenario.services.map((s) => ({
      serviceCode: s.code,
      arrivals: s.arrivals,
      urgentShare: s.urgentShare ?? 0,
      appointments: s.appointments ?? [],
      appointmentLeadMinutes: s.appointmentLeadMinutes ?? 0,
    })),
    openMs,
    closeMs,
    rng,
  );
  const serviceTimes = new Map(scenario.services.map((s) => [s.code, s.serviceTime]));
  const tickets: SimulatedTicket[] = arrivals.map((a, id) => ({
    id,
    serviceCode: a.serviceCode,
    priority: a.priority,
    arrivedAt: a.at,
    callableAt: a.callableAt,
    calledAt: NaN,
    finishedAt: NaN,
    counter: -1,
  }));
  // Drawn up front, in arrival order, so a ticket takes as long whatever the staffing: plans
  // compared on one seed differ only by the plan (common random numbers).
  const serviceMs = tickets.map((t) => drawServiceMs(serviceTimes.get(t.serviceCode)!, rng));

  const counters: SimCounter[] = [];
  for (const shift of scenario.counters) {
    for (let n = 0; n < shift.count; n++) {
      counters.push({
        index: counters.length,
        preferences: { serviceCodes: shift.serviceCodes, ordering: shift.ordering ?? 'arrival' },
        from: shift.fromMinute * MINUTE_MS,
        end: Math.min(shift.toMinute, scenario.closeMinute) * MINUTE_MS,
        staysAfterClose: shift.toMinute >= scenario.closeMinute,
        current: null,
        lastFinish: -Infinity,
      });
    }
  }
  const isOpen = (c: SimCounter, now: number) => now >= c.from && (now < c.end || c.staysAfterClose);

  const lines = new Map<string, Line>();
  const lineOf = (serviceCode: string, priority: PriorityClass): Line => {
    const key = `${serviceCode}|${priority}`;
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { items: [], head: 0 }));
    return line;
  };
  const heads = (serviceCodes: readonly string[], now: number): SimulatedTicket[] => {
    const found: SimulatedTicket[] = [];
    for (const code of serviceCodes) {
      for (const priority of PRIORITY_CLASSES) {
        const line = lines.get(`${code}|${priority}`);
        const head = line?.items[line.head];
        // Among arrived tickets, the callable ones are exactly those whose wait has begun.
        if (head && waitingSince(head) <= now) found.push(head);
      }
    }
    return found;
  };

  const boundaries = [...new Set(counters.flatMap((c) => [c.from, c.end]))].sort((a, b) => a - b);
  const wakeUps: number[] = [];
  const callOrder: number[] = [];
  const recentCalls: PriorityClass[] = [];
  const keptCalls = Math.max(1, scenario.policy.maxConsecutiveUrgent);
  const busyMsByHour = new Array<number>(HOURS_KEPT).fill(0);

  let nextArrival = 0;
  let boundary = 0;
  for (let now = -Infinity; ; ) {
    let next = Infinity;
    if (nextArrival < tickets.length) next = tickets[nextArrival]!.arrivedAt;
    for (const c of counters) if (c.current && c.current.finishedAt < next) next = c.current.finishedAt;
    while (boundary < boundaries.length && boundaries[boundary]! <= now) boundary++;
    if (boundary < boundaries.length && boundaries[boundary]! < next) next = boundaries[boundary]!;
    while (wakeUps.length > 0 && wakeUps[0]! <= now) wakeUps.shift();
    if (wakeUps.length > 0 && wakeUps[0]! < next) next = wakeUps[0]!;
    if (next === Infinity) break;
    now = next;

    for (const c of counters) {
      if (c.current && c.current.finishedAt <= now) {
        c.lastFinish = c.current.finishedAt;
        c.current = null;
      }
    }
    while (nextArrival < tickets.length && tickets[nextArrival]!.arrivedAt <= now) {
      const ticket = tickets[nextArrival++]!;
      enqueue(lineOf(ticket.serviceCode, ticket.priority), ticket);
      if (ticket.callableAt > now) insertSorted(wakeUps, ticket.callableAt);
    }
    for (const c of counters) {
      if (c.current || !isOpen(c, now)) continue;
      const pick = pickNextTicket({
        waiting: heads(c.preferences.serviceCodes, now),
        counter: c.preferences,
        recentCalls,
        now,
        config: scenario.policy,
      });
      if (!pick) continue;
      const ticket = tickets[pick.id]!;
      lineOf(ticket.serviceCode, ticket.priority).head++;
      ticket.calledAt = now;
      ticket.finishedAt = now + serviceMs[ticket.id]!;
      ticket.counter = c.index;
      c.current = ticket;
      callOrder.push(ticket.id);
      recentCalls.unshift(ticket.priority);
      if (recentCalls.length > keptCalls) recentCalls.pop();
      addByHour(busyMsByHour, ticket.calledAt, ticket.finishedAt);
    }
  }

  const openMsByHour = new Array<number>(HOURS_KEPT).fill(0);
  for (const c of counters) {
    // A counter is open for its shift, and on past its end for as long as its last citizen takes.
    addByHour(openMsByHour, c.from, Math.max(c.end, c.lastFinish));
  }
  return { tickets, callOrder, openMsByHour, busyMsByHour };
}

/** Keeps a line in the policy's order: earlier wait start first, then the lower id. */
function enqueue(line: Line, ticket: SimulatedTicket): void {
  const items = line.items;
  let at = items.length;
  while (at > line.head && isBefore(ticket, items[at - 1]!)) at--;
  items.splice(at, 0, ticket);
}

function insertSorted(values: number[], value: number): void {
  let at = values.length;
  while (at > 0 && values[at - 1]! > value) at--;
  values.splice(at, 0, value);
}

function addByHour(byHour: number[], start: number, end: number): void {
  for (let at = start; at < end; ) {
    const hour = Math.floor(at / HOUR_MS);
    const next = Math.min(end, (hour + 1) * HOUR_MS);
    if (hour >= 0 && hour < byHour.length) byHour[hour]! += next - at;
    at = next;
  }
}

/** `days` independent days of the scenario, day n drawn from stream n of the seed. */
export function simulateDays(scenario: DayScenario, days: number, seed: number): SimulatedDay[] {
  return Array.from({ length: days }, (_, day) => simulateDay(scenario, seed, day));
}
