import type { QueuePolicyConfig } from '../queue-policy.js';
import type { Service } from '../types.js';
import { QUARTERS_PER_DAY } from './arrivals.js';
import type { CounterShift, DayScenario, PlannedService } from './scenario.js';
import type { ServiceTimeModel } from './service-times.js';

/** A planning question as a manager asks it by hand (the API's body, times as "HH:MM"). */
export interface PlanRequest {
  open: string;
  close: string;
  arrivals: { kind: 'poisson'; perHour: Record<string, number> } | { kind: 'history' };
  service: { kind: 'exponential' | 'fixed'; meanMinutes: Record<string, number> } | { kind: 'history' };
  counters?: readonly { from: string; to: string; count: number; services?: readonly string[] }[];
}

/** What the office's history says, for a request that asks for it (`kind: 'history'`). */
export interface PlanHistory {
  /** Expected arrivals per quarter hour of the clock, per service. */
  perQuarter: ReadonlyMap<string, readonly number[]>;
  /** Served citizens' call-to-finish minutes, per service. */
  serviceMinutes: ReadonlyMap<string, readonly number[]>;
  /** A planned date's booked slots per service (minutes since midnight); `perQuarter` is then walk-ins only. */
  appointments?: ReadonlyMap<string, readonly number[]>;
  /** How many minutes before the slot a booked citizen checks in. */
  appointmentLeadMinutes?: number;
}

export type PlanRequestResult = { ok: true; scenario: DayScenario } | { ok: false; field: string; message: string };

/** "HH:MM" (00:00–24:00) as minutes since midnight, or null. */
export function parseClock(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 1440 ? minutes : null;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The scenario a hand-made request describes, or the first field that makes no sense (the API
 * answers 400 naming it). Only the office's active services can be planned; each one given
 * arrivals needs a service time, and counters may only serve planned services.
 */
export function scenarioFromRequest(request: PlanRequest, services: readonly Service[], policy: QueuePolicyConfig, history: PlanHistory = { perQuarter: new Map(), serviceMinutes: new Map() }): PlanRequestResult {
  const refuse = (field: string, message: string): PlanRequestResult => ({ ok: false, field, message });
  const openMinute = parseClock(request.open);
  const closeMinute = parseClock(request.close);
  if (openMinute === null) return refuse('open', 'Give the opening as HH:MM.');
  if (closeMinute === null) return refuse('close', 'Give the closing as HH:MM.');
  if (closeMinute <= openMinute) return refuse('close', 'The closing must be after the opening.');

  const known = new Map(services.filter((s) => s.active).map((s) => [s.code, s]));
  const planned: PlannedService[] = [];
  const requested: [string, string, readonly number[] | number][] =
    request.arrivals.kind === 'history'
      ? [...new Set([...history.perQuarter.keys(), ...(history.appointments?.keys() ?? [])])]
          .filter((code) => known.has(code))
          .map((code) => [code, `arrivals`, history.perQuarter.get(code) ?? new Array<number>(QUARTERS_PER_DAY).fill(0)])
      : Object.entries(request.arrivals.perHour).map(([code, perHour]) => [code, `arrivals.perHour.${code}`, perHour]);
  for (const [code, field, arrivals] of requested) {
    const service = known.get(code);
    if (!service) return refuse(field, `The office has no active service ${code}.`);
    if (typeof arrivals === 'number' && (!(arrivals >= 0) || !Number.isFinite(arrivals))) return refuse(field, 'An arrival rate is a number of citizens an hour, 0 or more.');
    const perQuarter = typeof arrivals === 'number' ? new Array<number>(QUARTERS_PER_DAY).fill(arrivals / 4) : arrivals;
    const serviceTime = serviceTimeOf(request.service, code, history);
    if ('field' in serviceTime) return refuse(serviceTime.field, serviceTime.message);
    const appointments = history.appointments?.get(code) ?? [];
    planned.push({ code, slaMinutes: service.slaMinutes, arrivals: { kind: 'poisson', perQuarter }, serviceTime, appointments, appointmentLeadMinutes: history.appointmentLeadMinutes ?? 0 });
  }
  if (request.service.kind !== 'history') {
    for (const code of Object.keys(request.service.meanMinutes)) {
      if (!known.has(code)) return refuse(`service.meanMinutes.${code}`, `The office has no active service ${code}.`);
    }
  }

  const counters: CounterShift[] = [];
  for (const [i, shift] of (request.counters ?? []).entries()) {
    const fromMinute = parseClock(shift.from);
    const toMinute = parseClock(shift.to);
    if (fromMinute === null) return refuse(`counters.${i}.from`, 'Give the time as HH:MM.');
    if (toMinute === null) return refuse(`counters.${i}.to`, 'Give the time as HH:MM.');
    if (toMinute <= fromMinute) return refuse(`counters.${i}.to`, 'A shift must end after it starts.');
    if (!(shift.count >= 0) || !Number.isInteger(shift.count)) return refuse(`counters.${i}.count`, 'A number of counters is a whole number, 0 or more.');
    const serviceCodes = shift.services ?? planned.map((s) => s.code);
    const unknown = serviceCodes.find((code) => !known.has(code));
    if (unknown !== undefined) return refuse(`counters.${i}.services`, `The office has no active service ${unknown}.`);
    counters.push({ fromMinute, toMinute, count: shift.count, serviceCodes });
  }
  return { ok: true, scenario: { openMinute, closeMinute, services: planned, counters, policy } };
}

function serviceTimeOf(model: PlanRequest['service'], code: string, history: PlanHistory): ServiceTimeModel | { field: string; message: string } {
  if (model.kind === 'history') {
    const minutes = history.serviceMinutes.get(code);
    return minutes && minutes.length > 0 ? { kind: 'empirical', minutes } : { field: 'service', message: `The history has no served citizens of ${code} to take service times from.` };
  }
  const minutes = model.meanMinutes[code];
  const field = `service.meanMinutes.${code}`;
  if (minutes === undefined) return { field, message: `Give a service time for ${code}.` };
  if (!(minutes > 0) || !Number.isFinite(minutes)) return { field, message: 'A service time is a number of minutes above 0.' };
  return model.kind === 'fixed' ? { kind: 'fixed', minutes } : { kind: 'exponential', meanMinutes: minutes };
}
