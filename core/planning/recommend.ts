import { simulateDays, type SimulatedDay } from './simulate-day.js';
import { HOUR_MS, type CounterShift, type DayScenario } from './scenario.js';
import { hoursOf, summarise, waitFigures, type PlanFigures } from './summary.js';

export interface StaffingRequest {
  scenario: Omit<DayScenario, 'counters'>;
  /** The 90th percentile wait, over every simulated day, each hour must stay within. */
  p90WaitMinutes: number;
  /** No hour gets more counters than this (the office's desks, or its staff). */
  maxCounters: number;
  days: number;
  seed: number;
}

export interface HourStaffing {
  hour: number;
  counters: number;
  /** The simulated p90 wait of citizens arriving in the hour, with this plan. */
  p90WaitMinutes: number | null;
  /** False when even `maxCounters` does not keep the hour within the target. */
  withinTarget: boolean;
}

export interface StaffingPlan {
  hours: HourStaffing[];
  /** The plan as shifts of whole hours, every counter serving every service. */
  counters: CounterShift[];
  figures: PlanFigures;
}

/**
 * The fewest counters per clock hour that keep each hour's simulated p90 wait within the
 * target. Hour by hour from the opening: a binary search for the smallest count that works with
 * the hours before it fixed and the hours after it staffed alike (so the hour's last citizens
 * are not blamed on an understaffed next hour); then, with every hour chosen, any hour the
 * finished plan leaves over the target (its spill-over met fewer counters than assumed) gets one
 * more, until none does. Every trial runs the same seeded days, so plans differ only by staffing.
 */
export function recommendStaffing(request: StaffingRequest): StaffingPlan {
  const hours = hoursOf(request.scenario);
  const counts = hours.map(() => 1);
  const run = (plan: readonly number[]) => simulateDays({ ...request.scenario, counters: shiftsOf(request.scenario, hours, plan) }, request.days, request.seed);
  const withinTarget = (days: readonly SimulatedDay[], hour: number) => (hourP90(days, hour) ?? 0) <= request.p90WaitMinutes;

  hours.forEach((hour, i) => {
    let low = 1;
    let high = request.maxCounters;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const trial = counts.map((c, j) => (j < i ? c : middle));
      if (withinTarget(run(trial), hour)) high = middle;
      else low = middle + 1;
    }
    for (let j = i; j < counts.length; j++) counts[j] = low;
  });

  for (;;) {
    const days = run(counts);
    const over = hours.findIndex((hour, i) => !withinTarget(days, hour) && counts[i]! < request.maxCounters);
    if (over < 0) {
      const scenario = { ...request.scenario, counters: shiftsOf(request.scenario, hours, counts) };
      return {
        hours: hours.map((hour, i) => ({ hour, counters: counts[i]!, p90WaitMinutes: hourP90(days, hour), withinTarget: withinTarget(days, hour) })),
        counters: scenario.counters,
        figures: summarise(scenario, days),
      };
    }
    counts[over]!++;
  }
}

/** One shift per clock hour (cut to the opening hours); the last one lasts to the closing. */
export function shiftsOf(scenario: Pick<DayScenario, 'openMinute' | 'closeMinute' | 'services'>, hours: readonly number[], counts: readonly number[]): CounterShift[] {
  const serviceCodes = scenario.services.map((s) => s.code);
  return hours.map((hour, i) => ({
    fromMinute: Math.max(hour * 60, scenario.openMinute),
    toMinute: Math.min((hour + 1) * 60, scenario.closeMinute),
    count: counts[i]!,
    serviceCodes,
  }));
}

function hourP90(days: readonly SimulatedDay[], hour: number): number | null {
  return waitFigures(days.flatMap((d) => d.tickets.filter((t) => !Number.isNaN(t.calledAt) && Math.floor(t.arrivedAt / HOUR_MS) === hour))).p90;
}
