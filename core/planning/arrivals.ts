import type { PriorityClass } from '../types.js';
import { exponential, type Rng } from './rng.js';

/** Quarter hours of a clock day: index 0 is 00:00–00:15, 95 is 23:45–24:00. */
export const QUARTERS_PER_DAY = 96;
const QUARTER_MS = 15 * 60_000;
const MINUTE_MS = 60_000;

/**
 * When the citizens of one service come in, for one simulated day.
 * - `poisson`: expected arrivals per quarter hour of the clock (a Poisson process at that rate,
 *   so the number in a quarter varies from day to day as it does in an office);
 * - `counts`: exactly that many in each quarter, each at a uniformly random moment in it;
 * - `recorded`: a recorded day's tickets (for a backtest), each with its minute since midnight,
 *   its priority, and for a booked citizen the slot's minute.
 * Arrivals before the opening or at or after the closing are dropped: the door is shut.
 */
export type ArrivalModel =
  | { kind: 'poisson'; perQuarter: readonly number[] }
  | { kind: 'counts'; perQuarter: readonly number[] }
  | { kind: 'recorded'; tickets: readonly RecordedArrival[] };

export interface RecordedArrival {
  minute: number;
  priority: PriorityClass;
  /** A booked citizen's slot, when it is later than the arrival. */
  callableMinute?: number;
}

/** A citizen walking in, in ms since midnight of the simulated day. */
export interface Arrival {
  at: number;
  serviceCode: string;
  priority: PriorityClass;
  /** When the ticket may be called: the arrival, or a booked citizen's slot if they came early. */
  callableAt: number;
}

export interface ServiceArrivals {
  serviceCode: string;
  arrivals: ArrivalModel;
  /** Share of walk-ins with an urgent reason (0–1); they take the urgent lane. */
  urgentShare: number;
  /** Booked citizens: the minute of each slot, and how many minutes early they check in. */
  appointments: readonly number[];
  appointmentLeadMinutes: number;
}

/**
 * Every arrival of one day in time order (ties by service order), drawn from `rng`. The order of
 * draws is fixed (service by service, quarter by quarter), so a seed always gives the same day.
 */
export function drawArrivals(services: readonly ServiceArrivals[], openMs: number, closeMs: number, rng: Rng): Arrival[] {
  const all: Arrival[] = [];
  for (const service of services) {
    const add = (at: number, priority: PriorityClass, callableAt: number) => {
      if (at >= openMs && at < closeMs) all.push({ at, serviceCode: service.serviceCode, priority, callableAt: Math.max(at, callableAt) });
    };
    if (service.arrivals.kind === 'recorded') {
      for (const t of service.arrivals.tickets) add(t.minute * MINUTE_MS, t.priority, (t.callableMinute ?? t.minute) * MINUTE_MS);
    } else {
      walkInTimes(service.arrivals, rng, (at) => {
        const urgent = service.urgentShare > 0 && rng.next() < service.urgentShare;
        add(at, urgent ? 'urgent' : 'normal', at);
      });
    }
    for (const slotMinute of service.appointments) {
      const slot = slotMinute * MINUTE_MS;
      const at = Math.max(openMs, slot - service.appointmentLeadMinutes * MINUTE_MS);
      add(at, 'appointment', slot);
    }
  }
  // A stable sort keeps the draw order among equal times, so ties are repeatable.
  return all.sort((a, b) => a.at - b.at);
}

function walkInTimes(model: Exclude<ArrivalModel, { kind: 'recorded' }>, rng: Rng, add: (at: number) => void): void {
  switch (model.kind) {
    case 'poisson':
      model.perQuarter.forEach((expected, quarter) => {
        if (!(expected > 0)) return;
        // Exponential gaps at the quarter's rate; memorylessness lets each quarter start afresh.
        const start = quarter * QUARTER_MS;
        for (let at = start + exponential(rng, QUARTER_MS / expected); at < start + QUARTER_MS; at += exponential(rng, QUARTER_MS / expected)) add(at);
      });
      return;
    case 'counts': {
      model.perQuarter.forEach((count, quarter) => {
        const times = Array.from({ length: count }, () => (quarter + rng.next()) * QUARTER_MS).sort((a, b) => a - b);
        times.forEach(add);
      });
      return;
    }
  }
}

/** A constant rate per hour as expected arrivals per quarter hour, for every quarter of the day. */
export function steadyRate(perHour: number): number[] {
  return new Array<number>(QUARTERS_PER_DAY).fill(perHour / 4);
}
