import { ErrorAnswers } from '../../contract/errors.js';
import { Backtest, BacktestQuery, Figures, Recommendation, RecommendBody, SimulateBody, type PlanFiguresView } from '../../contract/planning.js';
import { formatClock, scenarioFromRequest } from '../../core/planning/plan-request.js';
import type { PlanFigures, WaitFigures } from '../../core/planning/summary.js';
import type { QueuePolicyConfig } from '../../core/queue-policy.js';
import type { App, HostContext } from '../context.js';
import { badRequest } from '../errors.js';
import { planHistory, readPastDays } from '../planning-history.js';
import { PlanningPool } from '../planning-pool.js';
import { sameWeekdayBefore } from '../../core/planning/history.js';
import { compareOfficeDays, officeDayOf } from '../../core/office-day.js';
import { checkDayRange } from './day-range.js';

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));
const minutes = (w: WaitFigures) => ({ mean: round(w.mean, 2), median: round(w.median, 2), p90: round(w.p90, 2), max: round(w.max, 2) });

/** Figures for people: minutes to the hundredth, shares to the thousandth. */
function figuresView(f: PlanFigures): PlanFiguresView {
  return {
    ...f,
    waitMinutes: minutes(f.waitMinutes),
    dailyP90: { median: round(f.dailyP90.median, 2), p90: round(f.dailyP90.p90, 2) },
    probabilityOfWaiting: round(f.probabilityOfWaiting, 3),
    slaShare: round(f.slaShare, 3),
    utilisation: round(f.utilisation, 3),
    byService: f.byService.map((s) => ({ ...s, waitMinutes: minutes(s.waitMinutes), slaShare: round(s.slaShare, 3) })),
    byHour: f.byHour.map((h) => ({
      hour: h.hour,
      arrivals: round(h.arrivals, 2)!,
      waitMinutes: { mean: round(h.waitMinutes.mean, 2), p90: round(h.waitMinutes.p90, 2) },
      probabilityOfWaiting: round(h.probabilityOfWaiting, 3),
      counters: round(h.counters, 2)!,
      utilisation: round(h.utilisation, 3),
    })),
  };
}

/**
 * The staffing planner (docs/planning.md): simulate a counter plan, or find the fewest counters
 * per hour for a target wait, with the office's own services and queue policy. Managers and
 * admins only (registered in their route group): it is planning, not service. Without a seed the answer is still repeatable (seed 1).
 * The simulations run on the planner's worker thread, never on the host's event loop.
 */
export function planningRoutes(app: App, { store, config, configuration }: HostContext): void {
  const pool = new PlanningPool();
  // Before the server waits for open requests: a running plan is stopped and answered at once.
  app.addHook('preClose', () => pool.close());
  const policyOf = (): QueuePolicyConfig => configuration.setting('queuePolicy');
  /** The history a request asks for: one read of the weekday's last weeks, for arrivals and service times alike. */
  const historyOf = (body: SimulateBody | RecommendBody) => {
    const asked = body.arrivals.kind === 'history' ? { field: 'arrivals', ...body.arrivals } : body.service.kind === 'history' ? { field: 'service', ...body.service } : null;
    return asked ? planHistory(store.db.name, officeDayOf(config.clock()), asked, asked.field) : undefined;
  };
  const scenarioOf = (body: SimulateBody | RecommendBody) => {
    const policy = policyOf();
    const result = scenarioFromRequest(body, store.services.list(), policy, historyOf(body));
    if (!result.ok) throw badRequest('invalid_request', `${result.field}: ${result.message}`);
    return result.scenario;
  };

  app.post(
    '/api/planning/simulate',
    { schema: { tags: ['planning'], summary: 'Simulate office days with a counter plan', body: SimulateBody, response: { 200: Figures, ...ErrorAnswers } } },
    async (request) => {
      const scenario = scenarioOf(request.body);
      return figuresView(await pool.run({ kind: 'simulate', scenario, days: request.body.days, seed: request.body.seed ?? 1 }));
    },
  );

  app.post(
    '/api/planning/recommend',
    { schema: { tags: ['planning'], summary: 'The fewest counters per hour for a p90 wait target', body: RecommendBody, response: { 200: Recommendation, ...ErrorAnswers } } },
    async (request) => {
      const { counters: _none, ...scenario } = scenarioOf(request.body);
      const plan = await pool.run({
        kind: 'recommend',
        request: { scenario, p90WaitMinutes: request.body.target.p90WaitMinutes, maxCounters: request.body.maxCounters, days: request.body.days, seed: request.body.seed ?? 1 },
      });
      return {
        hours: plan.hours.map((h) => ({ ...h, p90WaitMinutes: round(h.p90WaitMinutes, 2) })),
        counters: plan.counters.map((s) => ({ from: formatClock(s.fromMinute), to: formatClock(s.toMinute), count: s.count, services: [...s.serviceCodes] })),
        figures: figuresView(plan.figures),
      };
    },
  );

  app.get(
    '/api/planning/backtest',
    { schema: { tags: ['planning'], summary: 'Past days replayed: predicted against actual waits, and the forecast', querystring: BacktestQuery, response: { 200: Backtest, ...ErrorAnswers } } },
    async (request) => {
      const { weekday, weeks = 8, date, runs = 20, seed = 1 } = request.query;
      const today = officeDayOf(config.clock());
      let officeDays: string[];
      if (date !== undefined) {
        checkDayRange(date, undefined, config.clock());
        if (compareOfficeDays(date, today) >= 0) throw badRequest('invalid_request', 'date: give a past day as YYYY-MM-DD.');
        officeDays = [date];
      } else if (weekday !== undefined) {
        officeDays = sameWeekdayBefore(today, weekday, weeks);
      } else {
        throw badRequest('invalid_request', 'weekday: give a weekday (1–7) or a date.');
      }
      const office = { services: store.services.list(), counters: store.counters.list(), policy: policyOf() };
      const result = await pool.run({ kind: 'backtest', days: readPastDays(store.db.name, officeDays), office, runs, seed });
      const pair = (p: { median: number | null; p90: number | null }) => ({ median: round(p.median, 2), p90: round(p.p90, 2) });
      return {
        days: result.days.map((d) => ({ ...d, actual: pair(d.actual), predicted: pair(d.predicted) })),
        accuracy: {
          days: result.accuracy.days,
          p90MeanAbsoluteError: round(result.accuracy.p90MeanAbsoluteError, 2),
          p90MeanError: round(result.accuracy.p90MeanError, 2),
          medianMeanAbsoluteError: round(result.accuracy.medianMeanAbsoluteError, 2),
        },
        forecast: result.forecast.map((h) => ({ hour: h.hour, arrivals: round(h.arrivals, 2)! })),
      };
    },
  );
}
