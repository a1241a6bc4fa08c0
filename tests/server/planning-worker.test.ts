import { afterEach, describe, expect, it } from 'vitest';
import { Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

/**
 * The planner computes on its worker thread, not on the host's event loop: the office keeps
 * working while a manager plans. A recommendation of 20 days of 6 hours takes seconds here.
 */
const LONG_RECOMMENDATION = {
  days: 20,
  open: '09:00',
  close: '15:00',
  arrivals: { kind: 'poisson', perHour: { M: 40 } },
  service: { kind: 'exponential', meanMinutes: { M: 6 } },
  target: { p90WaitMinutes: 2 },
  maxCounters: 50,
};
/** What the real host must answer within while a plan is computed (the brief's bound). */
const PROMPT_MS = 200;

let running: TestHost | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function timed<T>(request: () => Promise<T>): Promise<{ ms: number; answer: T }> {
  const started = performance.now();
  const answer = await request();
  return { ms: performance.now() - started, answer };
}

const settled = async (promise: Promise<unknown>) => (await Promise.race([promise.then(() => true), new Promise((done) => setTimeout(done, 0, false))])) as boolean;

describe('the planner on the real host', () => {
  it('leaves the display and call-next prompt while a long recommendation runs', async () => {
    const clock = new TestClock(Date.parse('2026-11-23T10:00:00+01:00'));
    running = await startTestHost({ clock: clock.read });
    const [manager] = await clerks(running.url, 1, 'manager');
    const [clerk] = await clerks(running.url, 1);
    const kiosk = new Client(running.url);
    for (const serviceCode of ['M', 'P']) expect((await kiosk.post('/api/tickets', { serviceCode })).status).toBe(201);
    expect((await clerk!.post('/api/counters/1/open', {})).status).toBe(200);

    const recommendation = manager!.post('/api/planning/recommend', LONG_RECOMMENDATION);
    const display: number[] = [];
    const calls: number[] = [];
    while (!(await settled(recommendation))) {
      const shown = await timed(() => kiosk.get('/api/display'));
      expect(shown.answer.status).toBe(200);
      display.push(shown.ms);
      if (calls.length < 2 && display.length % 3 === 0) {
        const called = await timed(() => clerk!.post('/api/counters/1/call-next', {}));
        expect(called.answer.status).toBe(200);
        calls.push(called.ms);
        expect((await clerk!.post(`/api/tickets/${called.answer.body.id}/finish`, { outcome: 'other' })).status).toBe(200);
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    expect((await recommendation).status).toBe(200);
    expect(Math.max(...display)).toBeLessThan(PROMPT_MS);
    expect(Math.max(...calls)).toBeLessThan(PROMPT_MS);
    // Asked all through the computation, not only before or after it. The host runs in this test's
    // process: a computation on its event loop would block these questions too, so on such a host
    // the loop gets to ask once or twice at most (measured on the old code: once), not every 50 ms.
    expect(display.length).toBeGreaterThanOrEqual(6);
    expect(calls).toHaveLength(2);
  });

  it('lets three plans wait behind the running one, refuses a fifth with 429, and stops them all when the host closes', async () => {
    running = await startTestHost();
    const [manager] = await clerks(running.url, 1, 'manager');
    const plans = [1, 2, 3, 4, 5].map((seed) => manager!.post('/api/planning/recommend', { ...LONG_RECOMMENDATION, seed }));
    const refused = await Promise.race(plans.map((plan) => plan.then((answer) => (answer.status === 429 ? answer : new Promise<never>(() => {})))));
    expect(refused.body.error.code).toBe('busy');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    await running.stop();
    running = undefined;
    const answers = await Promise.all(plans);
    expect(answers.map((a) => a.status).sort()).toEqual([429, 503, 503, 503, 503]);
    expect(answers.filter((a) => a.status === 503).map((a) => a.body.error.code)).toEqual(['planning_stopped', 'planning_stopped', 'planning_stopped', 'planning_stopped']);
  });
});
