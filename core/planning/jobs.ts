import { backtestPastDays, type PastDay } from './backtest.js';
import { recommendStaffing, type StaffingRequest } from './recommend.js';
import type { DayScenario } from './scenario.js';
import { simulateDays } from './simulate-day.js';
import { summarise } from './summary.js';
import type { QueuePolicyConfig } from '../queue-policy.js';
import type { Counter, Service } from '../types.js';

/**
 * The planner's computations as plain data in and out, so the host can hand them to a worker
 * thread (server/planning-pool.ts) instead of computing on its own event loop.
 */
export type PlanningJob =
  | { kind: 'simulate'; scenario: DayScenario; days: number; seed: number }
  | { kind: 'recommend'; request: StaffingRequest }
  | { kind: 'backtest'; days: readonly PastDay[]; office: { services: readonly Service[]; counters: readonly Counter[]; policy: QueuePolicyConfig }; runs: number; seed: number };

export type PlanningResult<J extends PlanningJob> = J extends { kind: 'simulate' }
  ? ReturnType<typeof summarise>
  : J extends { kind: 'recommend' }
    ? ReturnType<typeof recommendStaffing>
    : ReturnType<typeof backtestPastDays>;

export function runPlanningJob<J extends PlanningJob>(job: J): PlanningResult<J> {
  const result =
    job.kind === 'simulate'
      ? summarise(job.scenario, simulateDays(job.scenario, job.days, job.seed))
      : job.kind === 'recommend'
        ? recommendStaffing(job.request)
        : backtestPastDays(job.days, job.office, job.runs, job.seed);
  return result as PlanningResult<J>;
}
