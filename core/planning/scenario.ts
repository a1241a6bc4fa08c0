import type { QueuePolicyConfig } from '../queue-policy.js';
import type { CounterOrdering } from '../types.js';
import type { ArrivalModel } from './arrivals.js';
import type { ServiceTimeModel } from './service-times.js';

/** One service as the planner sees it: who comes, how long they take, and the target wait. */
export interface PlannedService {
  code: string;
  /** The service's target: a citizen should be called within this many minutes. */
  slaMinutes: number;
  arrivals: ArrivalModel;
  serviceTime: ServiceTimeModel;
  /** Share of walk-ins with an urgent reason (0–1). */
  urgentShare?: number;
  /** Booked slots of the day, minutes since midnight. */
  appointments?: readonly number[];
  /** How many minutes before the slot a booked citizen checks in. */
  appointmentLeadMinutes?: number;
}

/**
 * `count` counters open from `fromMinute` to `toMinute` (minutes since midnight) serving these
 * services, most preferred first. A clerk whose shift ends mid-citizen finishes that citizen.
 * A shift that lasts to the closing stays until every citizen it serves has been called: the
 * door shuts at closing, the counters do not.
 */
export interface CounterShift {
  fromMinute: number;
  toMinute: number;
  count: number;
  serviceCodes: readonly string[];
  ordering?: CounterOrdering;
}

/** An office day to simulate. Times are minutes since midnight of the office's clock. */
export interface DayScenario {
  openMinute: number;
  closeMinute: number;
  services: readonly PlannedService[];
  counters: readonly CounterShift[];
  policy: QueuePolicyConfig;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
