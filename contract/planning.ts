import { Type, type Static } from 'typebox';
import { DayParam } from './common.js';

/** The staffing planner's requests and answers (docs/planning.md). */

const Clock = Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM on the office clock' });
const PerService = Type.Record(Type.String({ pattern: '^[A-Z]$' }), Type.Number());
/** The same weekday of the last weeks (default: today's weekday, 8 weeks), or a coming date's weekday with that date's bookings. */
const History = Type.Object(
  {
    kind: Type.Literal('history'),
    weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
    weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })),
    // A coming day: its weekday of the last weeks for walk-ins, and its own bookings as slots.
    date: Type.Optional(DayParam),
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
export const SimulateBody = Type.Object({ ...common, counters: Type.Array(Shift, { minItems: 1 }) }, { additionalProperties: false });
/** Each trial plan simulates every day again, so the recommendation takes fewer days than a simulation may. */
export const RecommendBody = Type.Object(
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
export const Figures = Type.Object({
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
export const Recommendation = Type.Object({
  hours: Type.Array(Type.Object({ hour: Type.Integer(), counters: Type.Integer(), p90WaitMinutes: Minutes, withinTarget: Type.Boolean() })),
  counters: Type.Array(Type.Object({ from: Clock, to: Clock, count: Type.Integer(), services: Type.Array(Type.String()) })),
  figures: Figures,
});

export const BacktestQuery = Type.Object(
  {
    weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday: that weekday of the last weeks' })),
    weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52, default: 8 })),
    // One past Copenhagen day instead of a weekday.
    date: Type.Optional(DayParam),
    runs: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    seed: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
const Pair = Type.Object({ median: Minutes, p90: Minutes });
export const Backtest = Type.Object({
  days: Type.Array(Type.Object({ officeDay: Type.String(), arrivals: Type.Integer(), actual: Pair, predicted: Pair })),
  accuracy: Type.Object({ days: Type.Integer(), p90MeanAbsoluteError: Minutes, p90MeanError: Minutes, medianMeanAbsoluteError: Minutes }),
  forecast: Type.Array(Type.Object({ hour: Type.Integer(), arrivals: Type.Number() })),
});

export type SimulateBody = Static<typeof SimulateBody>;
export type RecommendBody = Static<typeof RecommendBody>;
export type PlanFiguresView = Static<typeof Figures>;
export type RecommendationView = Static<typeof Recommendation>;
export type BacktestView = Static<typeof Backtest>;
