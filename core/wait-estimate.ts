import { median } from './percentile.js';

/**
 * The wait a citizen is promised at the kiosk. It must be honest rather than flattering: the
 * statistics compare it with the real wait, and an office that promises 5 minutes and calls after
 * 40 loses the citizens' trust in the screen.
 */
export interface WaitSituation {
  /** Tickets the new citizen must let go first (everyone callable now for the same service, urgent ones included). */
  ahead: number;
  /** Counters that serve the service and are open now. */
  openCounters: number;
  /** Of those, how many are busy with a citizen right now. */
  busyCounters: number;
  /** Typical minutes one citizen takes at the counter, call to finish. */
  serviceMinutes: number;
}

/** Minutes the office assumes per citizen before it has seen any of its own. */
export const DEFAULT_SERVICE_MINUTES = 8;

/** How many of the latest finished tickets represent "typical" service time. */
export const SERVICE_TIME_SAMPLE = 20;

export function estimateWaitMinutes(s: WaitSituation): number {
  // A closed office still gets an estimate as if one counter opens: "unknown" helps nobody at the door.
  const counters = Math.max(1, s.openCounters);
  // A busy counter is on average half-way through its citizen.
  const work = s.ahead + 0.5 * Math.min(s.busyCounters, counters);
  if (s.ahead === 0 && s.busyCounters < s.openCounters) return 0;
  return Math.ceil((work * s.serviceMinutes) / counters);
}

/**
 * Typical service minutes from recent call-to-finish durations: the median, because one citizen
 * with a complicated case should not inflate everyone's promise for the rest of the day.
 */
export function typicalServiceMinutes(recentDurationsMs: readonly number[]): number {
  const typicalMs = median(recentDurationsMs.filter((d) => Number.isFinite(d) && d > 0));
  return typicalMs === null ? DEFAULT_SERVICE_MINUTES : Math.max(1, typicalMs / 60_000);
}
