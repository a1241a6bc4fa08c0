import { afterEach, describe, expect, it } from 'vitest';
import type { PlanningJob } from '../../core/planning/jobs.js';
import { scenarioFromRequest } from '../../core/planning/plan-request.js';
import { DEFAULT_QUEUE_POLICY } from '../../core/queue-policy.js';
import type { Service } from '../../core/types.js';
import { ApiError } from '../../server/errors.js';
import { PlanningPool } from '../../server/planning-pool.js';

const M = { code: 'M', active: true, slaMinutes: 15 } as Service;
function scenario(close: string) {
  const result = scenarioFromRequest(
    { open: '09:00', close, arrivals: { kind: 'poisson', perHour: { M: 40 } }, service: { kind: 'exponential', meanMinutes: { M: 6 } }, counters: [{ from: '09:00', to: close, count: 5 }] },
    [M],
    DEFAULT_QUEUE_POLICY,
  );
  if (!result.ok) throw new Error(result.message);
  return result.scenario;
}
/** Seconds of arithmetic: a month of full-day recommendations. */
const long: PlanningJob = { kind: 'recommend', request: { scenario: scenario('18:00'), p90WaitMinutes: 1, maxCounters: 50, days: 60, seed: 1 } };
const short = { kind: 'simulate', scenario: scenario('10:00'), days: 2, seed: 1 } as const;

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as ApiError);

let pool: PlanningPool;
afterEach(() => pool.close());

describe('the planner worker pool', () => {
  it('gives the same figures as the planner on the host thread would', async () => {
    pool = new PlanningPool();
    const { runPlanningJob } = await import('../../core/planning/jobs.js');
    expect(await pool.run(short)).toEqual(runPlanningJob(short));
  });

  it('stops a plan past its time limit with 503, and plans the next one on a fresh worker', async () => {
    // Long enough for a fresh worker to start and plan the short job; the long one needs many times more.
    pool = new PlanningPool({ maxWaiting: 1, timeLimitMs: 3_000 });
    const stopped = await failure(pool.run(long));
    expect(stopped).toBeInstanceOf(ApiError);
    expect(stopped).toMatchObject({ status: 503, code: 'planning_timeout' });
    expect((await pool.run(short)).days).toBe(2);
  });

  it('refuses beyond the waiting jobs with 429 and a retry-after, and answers every job when closed', async () => {
    pool = new PlanningPool({ maxWaiting: 1, timeLimitMs: 30_000 });
    const running = failure(pool.run(long));
    const waiting = failure(pool.run(long));
    const refused = await failure(pool.run(short));
    expect(refused).toMatchObject({ status: 429, code: 'busy' });
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);

    await pool.close();
    expect(await running).toMatchObject({ status: 503, code: 'planning_stopped' });
    expect(await waiting).toMatchObject({ status: 503, code: 'planning_stopped' });
    expect(await failure(pool.run(short))).toMatchObject({ status: 503, code: 'planning_stopped' });
  });
});
