import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { formatClock, scenarioFromRequest } from '../../core/planning/plan-request.js';
import type { PlanFigures, WaitFigures } from '../../core/planning/summary.js';
import { DEFAULT_QUEUE_POLICY, type QueuePolicyConfig } from '../../core/queue-policy.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { badRequest } from '../errors.js';
import { QUEUE_POLICY_SETTING } from '../office.js';
import { planHistory, readPastDays } from '../planning-history.js';
import { PlanningPool } from '../planning-pool.js';
import { sameWeekdayBefore } from '../../core/planning/history.js';
import { isOfficeDay, officeDayOf } from '../../core/office-day.js';

const Clock = Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM on the office clock' });
const PerService = Type.Record(Type.String({ pattern: '^[A-Z]$' }), Type.Number());
/** The same weekday of the last weeks (default: today's weekday, 8 weeks), or a coming date's weekday with that date's bookings. */
const History = Type.Object(
  {
    kind: Type.Literal('history'),
    weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
    weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })),
    date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A coming day: its weekday of the last weeks for walk-ins, and its own bookings as slots' })),
  },
  { additionalProperties: false },
);
const Arrivals = Type.Union([
  Type.Object({ kind: Type.Literal('poisson'), perHour: PerService }, { additionalProperties: false, description: 'Poisson arrivals at a rate per hour, per service' }),
  History,
]);
const ServiceTimes = Type.Union([
  Type.Object({ kind: Type.Union([Type.Literal('exponential'), Type.Literal('fixed')]), meanMinutes: PerService }, { additionalProperties: false }),
  History,
]);
const Shift = Type.Object(
  { from: Clock, to: Clock, count: Type.Integer({ minimum: 0, maximum: 100 }), services: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]$' }))) },
  { additionalProperties: false },
);
const common = {
  days: Type.Integer({ minimum: 1, maximum: 366, description: 'Simulated days' }),
  open: Clock,
  close: Clock,
  arrivals: Arrivals,
  service: ServiceTimes,
  seed: Type.Optional(Type.Integer()),
};
const SimulateBody = Type.Object({ ...common, counters: Type.Array(Shift, { minItems: 1 }) }, { additionalProperties: false });
/** Each trial plan simulates every day again, so the recommendation takes fewer days than a simulation may. */
const RecommendBody = Type.Object(
  {
    ...common,
    days: Type.Integer({ minimum: 1, maximum: 60, description: 'Simulated days per trial plan' }),
    target: Type.Object({ p90WaitMinutes: Type.Number({ minimum: 0, maximum: 480 }) }, { additionalProperties: false }),
    maxCounters: Type.Integer({ minimum: 1, maximum: 50 }),
  },
  { additionalProperties: false },
);

const Minutes = Type.Union([Type.Number(), Type.Null()]);
const Share = Type.Union([Type.Number(), Type.Null()]);
const WaitMinutes = Type.Object({ mean: Minutes, median: Minutes, p90: Minutes, max: Minutes });
const Figures = Type.Object({
  days: Type.Integer(),
  served: Type.Integer(),
  unserved: Type.Integer(),
  waitMinutes: WaitMinutes,
  dailyP90: Type.Object({ median: Minutes, p90: Minutes }),
  probabilityOfWaiting: Share,
  slaShare: Share,
  utilisation: Share,
  byService: Type.Array(Type.Object({ serviceCode: Type.String(), served: Type.Integer(), waitMinutes: WaitMinutes, slaShare: Share })),
  byHour: Type.Array(
    Type.Object({
      hour: Type.Integer(),
      arrivals: Type.Number(),
      waitMinutes: Type.Object({ mean: Minutes, p90: Minutes }),
      probabilityOfWaiting: Share,
      counters: Type.Number(),
      utilisation: Share,
    }),
  ),
});
const Recommendation = Type.Object({
  hours: Type.Array(Type.Object({ hour: Type.Integer(), counters: Type.Integer(), p90WaitMinutes: Minutes, withinTarget: Type.Boolean() })),
  counters: Type.Array(Type.Object({ from: Clock, to: Clock, count: Type.Integer(), services: Type.Array(Type.String()) })),
  figures: Figures,
});

const BacktestQuery = Type.Object(
  {
    weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday: that weekday of the last weeks' })),
    weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52, default: 8 })),
    date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'One past Copenhagen day instead' })),
    runs: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    seed: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
const Pair = Type.Object({ median: Minutes, p90: Minutes });
const Backtest = Type.Object({
  days: Type.Array(Type.Object({ officeDay: Type.String(), arrivals: Type.Integer(), actual: Pair, predicted: Pair })),
  accuracy: Type.Object({ days: Type.Integer(), p90MeanAbsoluteError: Minutes, p90MeanError: Minutes, medianMeanAbsoluteError: Minutes }),
  forecast: Type.Array(Type.Object({ hour: Type.Integer(), arrivals: Type.Number() })),
});

async function managersOnly(request: FastifyRequest): Promise<void> {
  requireStaff(request, ['manager', 'admin']);
}

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));
const minutes = (w: WaitFigures) => ({ mean: round(w.mean, 2), median: round(w.median, 2), p90: round(w.p90, 2), max: round(w.max, 2) });

/** Figures for people: minutes to the hundredth, shares to the thousandth. */
function figuresView(f: PlanFigures): Static<typeof Figures> {
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
 * admins only: it is planning, not service. Without a seed the answer is still repeatable (seed 1).
 * The simulations run on the planner's worker thread, never on the host's event loop.
 */
export function planningRoutes(app: App, { store, config }: HostContext): void {
  const pool = new PlanningPool();
  // Before the server waits for open requests: a running plan is stopped and answered at once.
  app.addHook('preClose', () => pool.close());
  const policyOf = () => store.settings.get<QueuePolicyConfig>(QUEUE_POLICY_SETTING, DEFAULT_QUEUE_POLICY);
  /** The history a request asks for: one read of the weekday's last weeks, for arrivals and service times alike. */
  const historyOf = (body: Static<typeof SimulateBody> | Static<typeof RecommendBody>) => {
    const asked = body.arrivals.kind === 'history' ? { field: 'arrivals', ...body.arrivals } : body.service.kind === 'history' ? { field: 'service', ...body.service } : null;
    return asked ? planHistory(store.db.name, officeDayOf(config.clock()), asked, asked.field) : undefined;
  };
  const scenarioOf = (body: Static<typeof SimulateBody> | Static<typeof RecommendBody>) => {
    const policy = policyOf();
    const result = scenarioFromRequest(body, store.services.list(), policy, historyOf(body));
    if (!result.ok) throw badRequest('invalid_request', `${result.field}: ${result.message}`);
    return result.scenario;
  };

  app.post(
    '/api/planning/simulate',
    { preValidation: managersOnly, schema: { tags: ['planning'], summary: 'Simulate office days with a counter plan', body: SimulateBody, response: { 200: Figures } } },
    async (request) => {
      const scenario = scenarioOf(request.body);
      return figuresView(await pool.run({ kind: 'simulate', scenario, days: request.body.days, seed: request.body.seed ?? 1 }));
    },
  );

  app.post(
    '/api/planning/recommend',
    { preValidation: managersOnly, schema: { tags: ['planning'], summary: 'The fewest counters per hour for a p90 wait target', body: RecommendBody, response: { 200: Recommendation } } },
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
    { preValidation: managersOnly, schema: { tags: ['planning'], summary: 'Past days replayed: predicted against actual waits, and the forecast', querystring: BacktestQuery, response: { 200: Backtest } } },
    async (request) => {
      const { weekday, weeks = 8, date, runs = 20, seed = 1 } = request.query;
      const today = officeDayOf(config.clock());
      let officeDays: string[];
      if (date !== undefined) {
        if (!isOfficeDay(date) || date >= today) throw badRequest('invalid_request', 'date: give a past day as YYYY-MM-DD.');
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
