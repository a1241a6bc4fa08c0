import type { QueuePolicyConfig } from '../queue-policy.js';
import type { CounterSession } from '../stats/capacity.js';
import { CopenhagenTime } from '../stats/local-time.js';
import type { Counter, Service } from '../types.js';
import { percentile } from '../percentile.js';
import { actualWaits, arrivalForecast, recordedArrivals, recordedShifts, serviceMinutes, type HistoryTicket } from './history.js';
import type { DayScenario } from './scenario.js';
import { simulateDays } from './simulate-day.js';
import { summarise } from './summary.js';

export interface PastDay {
  officeDay: string;
  tickets: readonly HistoryTicket[];
  /** When each counter was open that day. */
  sessions: readonly CounterSession[];
}

export interface BacktestSetting {
  servicesOfCounter: ReadonlyMap<number, readonly string[]>;
  /** Empirical service minutes per service (from the weeks around, not only the day). */
  serviceMinutes: ReadonlyMap<string, readonly number[]>;
  slaMinutes: ReadonlyMap<string, number>;
  policy: QueuePolicyConfig;
  /** Simulated runs of the day: its arrivals and counters are fixed, the service times are drawn. */
  runs: number;
  seed: number;
  times: CopenhagenTime;
}

export interface DayBacktest {
  officeDay: string;
  arrivals: number;
  actual: { median: number | null; p90: number | null };
  predicted: { median: number | null; p90: number | null };
}

/**
 * A past day replayed: its real arrivals and its real open counters, with service times drawn
 * from the office's own; what the planner would have predicted against what happened. The only
 * guesses left are the service times and the policy's choices, so the gap is the planner's own
 * error, not the forecast's.
 */
export function backtestDay(day: PastDay, setting: BacktestSetting): DayBacktest {
  const arrivals = recordedArrivals(day.tickets, setting.times);
  const minutes = [...arrivals.values()].flat().map((a) => a.minute);
  const waits = actualWaits(day.tickets);
  const actual = { median: percentile(waits, 0.5), p90: percentile(waits, 0.9) };
  if (minutes.length === 0) return { officeDay: day.officeDay, arrivals: 0, actual, predicted: { median: null, p90: null } };
  const scenario: DayScenario = {
    openMinute: Math.floor(Math.min(...minutes)),
    closeMinute: Math.floor(Math.max(...minutes)) + 1,
    services: [...arrivals.entries()].map(([code, tickets]) => ({
      code,
      slaMinutes: setting.slaMinutes.get(code) ?? Infinity,
      arrivals: { kind: 'recorded' as const, tickets },
      serviceTime: { kind: 'empirical' as const, minutes: setting.serviceMinutes.get(code) ?? [0] },
    })),
    counters: recordedShifts(day.sessions, setting.servicesOfCounter, setting.times),
    policy: setting.policy,
  };
  const figures = summarise(scenario, simulateDays(scenario, setting.runs, setting.seed));
  return { officeDay: day.officeDay, arrivals: minutes.length, actual, predicted: { median: figures.waitMinutes.median, p90: figures.waitMinutes.p90 } };
}

export interface BacktestAccuracy {
  days: number;
  /** Mean of |predicted − actual| p90 wait, in minutes: "the planner is typically this far off". */
  p90MeanAbsoluteError: number | null;
  /** Mean of predicted − actual p90 wait: above 0 the planner is cautious, below 0 hopeful. */
  p90MeanError: number | null;
  medianMeanAbsoluteError: number | null;
}

/** How far to trust the planner: its error over the past days that had citizens. */
export function backtestAccuracy(results: readonly DayBacktest[]): BacktestAccuracy {
  const p90 = results.filter((r) => r.actual.p90 !== null && r.predicted.p90 !== null).map((r) => r.predicted.p90! - r.actual.p90!);
  const median = results.filter((r) => r.actual.median !== null && r.predicted.median !== null).map((r) => r.predicted.median! - r.actual.median!);
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length);
  return {
    days: p90.length,
    p90MeanAbsoluteError: mean(p90.map(Math.abs)),
    p90MeanError: mean(p90),
    medianMeanAbsoluteError: mean(median.map(Math.abs)),
  };
}

/**
 * Each past day replayed with its own arrivals and open counters, service times drawn from all
 * the given days' served citizens; the forecast of arrivals per hour is their mean.
 */
export function backtestPastDays(days: readonly PastDay[], office: { services: readonly Service[]; counters: readonly Counter[]; policy: QueuePolicyConfig }, runs: number, seed: number) {
  const times = new CopenhagenTime();
  const setting = {
    servicesOfCounter: new Map(office.counters.map((c) => [c.id, c.serviceCodes])),
    serviceMinutes: serviceMinutes(days.flatMap((d) => d.tickets)),
    slaMinutes: new Map(office.services.map((s) => [s.code, s.slaMinutes])),
    policy: office.policy,
    runs,
    seed,
    times,
  };
  const results = days.map((day) => backtestDay(day, setting));
  const perQuarter = arrivalForecast(days.map((d) => d.tickets), times);
  const forecast = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    arrivals: [...perQuarter.values()].reduce((sum, quarters) => sum + quarters.slice(hour * 4, hour * 4 + 4).reduce((a, b) => a + b, 0), 0),
  })).filter((h) => h.arrivals > 0);
  return { days: results, accuracy: backtestAccuracy(results), forecast };
}
