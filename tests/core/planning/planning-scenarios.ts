import { DEFAULT_QUEUE_POLICY } from '../../../core/queue-policy.js';
import { steadyRate } from '../../../core/planning/arrivals.js';
import type { DayScenario } from '../../../core/planning/scenario.js';

/** What the planning tests share: one service, Poisson arrivals, exponential service, c counters. */
export function steadyScenario(options: { perHour: number; meanServiceMinutes: number; counters: number; openMinute?: number; closeMinute?: number }): DayScenario {
  const openMinute = options.openMinute ?? 0;
  const closeMinute = options.closeMinute ?? 1440;
  return {
    openMinute,
    closeMinute,
    services: [{ code: 'M', slaMinutes: 15, arrivals: { kind: 'poisson', perQuarter: steadyRate(options.perHour) }, serviceTime: { kind: 'exponential', meanMinutes: options.meanServiceMinutes } }],
    counters: [{ fromMinute: openMinute, toMinute: closeMinute, count: options.counters, serviceCodes: ['M'] }],
    policy: DEFAULT_QUEUE_POLICY,
  };
}
