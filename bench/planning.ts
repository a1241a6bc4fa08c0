import { drawArrivals, steadyRate } from '../core/planning/arrivals.js';
import { dayRng } from '../core/planning/rng.js';
import type { DayScenario } from '../core/planning/scenario.js';
import { drawServiceMs } from '../core/planning/service-times.js';
import { simulateDays } from '../core/planning/simulate-day.js';
import { summarise } from '../core/planning/summary.js';
import { DEFAULT_QUEUE_POLICY } from '../core/queue-policy.js';
import { figure, now, quantile, type BenchContext, type Figure } from './harness.js';

const DAYS = 30;
const SEED = 17;

/** A large office: 09:00–15:00, 50 citizens an hour (300 a day) over two services, 6 counters. */
const largeOffice: DayScenario = {
  openMinute: 540,
  closeMinute: 900,
  services: [
    { code: 'M', slaMinutes: 15, arrivals: { kind: 'poisson', perQuarter: steadyRate(30) }, serviceTime: { kind: 'exponential', meanMinutes: 6 }, urgentShare: 0.05 },
    { code: 'P', slaMinutes: 20, arrivals: { kind: 'poisson', perQuarter: steadyRate(20) }, serviceTime: { kind: 'exponential', meanMinutes: 6 } },
  ],
  counters: [{ fromMinute: 540, toMinute: 900, count: 6, serviceCodes: ['M', 'P'] }],
  policy: DEFAULT_QUEUE_POLICY,
};

/**
 * The planner's unit of work: a month of simulated days of a large office, with its figures.
 * The baseline draws the very same random numbers (the arrivals and each citizen's service time,
 * day by day from the same streams) and nothing else, so the ratio is the cost of the queue
 * policy, the event loop and the summary over the bare cost of the randomness.
 */
export async function benchPlanning(ctx: BenchContext): Promise<Figure[]> {
  const repeats = ctx.mode === 'quick' ? 5 : 20;
  const month: number[] = [];
  const bare: number[] = [];
  let arrivals = 0;
  for (let r = 0; r < repeats; r++) {
    let started = now();
    const days = simulateDays(largeOffice, DAYS, SEED + r);
    summarise(largeOffice, days);
    month.push(now() - started);
    arrivals = days.reduce((n, d) => n + d.tickets.length, 0);

    started = now();
    drawOnly(largeOffice, SEED + r);
    bare.push(now() - started);
  }
  ctx.log(`${arrivals} arrivals in ${DAYS} days; median of ${repeats} runs`);
  const monthMs = quantile(month, 0.5);
  return [figure('planning_month_ms', monthMs, 'ms', quantile(bare, 0.5))];
}

function drawOnly(scenario: DayScenario, seed: number): number {
  let sum = 0;
  for (let day = 0; day < DAYS; day++) {
    const rng = dayRng(seed, day);
    const arrivals = drawArrivals(
      scenario.services.map((s) => ({ serviceCode: s.code, arrivals: s.arrivals, urgentShare: s.urgentShare ?? 0, appointments: [], appointmentLeadMinutes: 0 })),
      scenario.openMinute * 60_000,
      scenario.closeMinute * 60_000,
      rng,
    );
    const times = new Map(scenario.services.map((s) => [s.code, s.serviceTime]));
    for (const a of arrivals) sum += drawServiceMs(times.get(a.serviceCode)!, rng);
  }
  return sum;
}
