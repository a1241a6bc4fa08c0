import { Type, type Static } from 'typebox';
import { ID_REJECT_REASONS, ID_VERDICTS } from '../core/idcheck/types.js';
import { GROUP_BYS } from '../core/stats/grouping.js';
import { INTRADAY_PERIODS } from '../core/stats/intraday.js';
import { LANGUAGES, OUTCOMES, URGENT_REASONS } from '../core/types.js';
import { CountsOf, DayParam, Nullable, OfficeDay } from './common.js';

/** The statistics API (docs/statistics.md defines every figure). Counts and minutes only: nothing personal. */

const MaybeNumber = Nullable(Type.Number());

/** Average, median, 90th percentile and maximum, in minutes; null without data. */
const DurationFigures = Type.Object({ count: Type.Integer(), mean: MaybeNumber, median: MaybeNumber, p90: MaybeNumber, max: MaybeNumber });

const BookingFigures = Type.Object({
  total: Type.Integer(),
  checkedIn: Type.Integer(),
  early: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer(),
  noShow: Type.Integer(),
  cancelled: Type.Integer(),
  stillBooked: Type.Integer(),
});

const figureFields = {
  issued: Type.Integer(),
  served: Type.Integer(),
  walkUps: Type.Integer(),
  noShow: Type.Integer(),
  cancelled: Type.Integer(),
  transferred: Type.Integer(),
  open: Type.Integer(),
  carriedOver: Type.Integer(),
  waitMinutes: DurationFigures,
  walkMinutes: DurationFigures,
  serviceMinutes: DurationFigures,
  estimate: Type.Object({ count: Type.Integer(), meanSignedErrorMinutes: MaybeNumber, meanAbsoluteErrorMinutes: MaybeNumber, withinToleranceShare: MaybeNumber }),
  sla: Type.Object({ count: Type.Integer(), withinSla: Type.Integer(), share: MaybeNumber }),
  urgent: Type.Object({ issued: Type.Integer(), byReason: CountsOf(URGENT_REASONS), waitMinutes: DurationFigures }),
  outcomes: CountsOf(OUTCOMES),
  capacity: Nullable(Type.Object({ openMinutes: Type.Number(), servingMinutes: Type.Number(), idleMinutes: Type.Number(), utilisation: MaybeNumber })),
  idChecks: Nullable(Type.Object({ total: Type.Integer(), byVerdict: CountsOf(ID_VERDICTS), rejectReasons: CountsOf(ID_REJECT_REASONS) })),
  appointments: Type.Object({ waitMinutes: DurationFigures, walkInWaitMinutes: DurationFigures, bookings: Nullable(BookingFigures) }),
};

export const Figures = Type.Object(figureFields);
export type Figures = Static<typeof Figures>;

/** A group's key: a day or service code, an hour, a counter or clerk id; null for "none" (no counter). */
export const StatsGroup = Type.Object({ key: Type.Union([Type.String(), Type.Number(), Type.Null()]), label: Type.String(), ...figureFields });

export const StatsReport = Type.Object({
  from: OfficeDay,
  to: OfficeDay,
  groupBy: Type.Enum(GROUP_BYS),
  summary: Figures,
  groups: Type.Array(StatsGroup),
});
export type StatsReport = Static<typeof StatsReport>;

export const IntradayReport = Type.Object({
  from: OfficeDay,
  to: OfficeDay,
  periodMinutes: Type.Enum(INTRADAY_PERIODS),
  slots: Type.Array(Type.Object({ startMinute: Type.Integer(), endMinute: Type.Integer(), arrivals: Type.Integer(), served: Type.Integer() })),
  waitBands: Type.Array(Type.Object({ fromMinutes: Type.Integer(), toMinutes: Nullable(Type.Integer()), count: Type.Integer() })),
});
export type IntradayReport = Static<typeof IntradayReport>;

const Seconds = Type.Object({ count: Type.Integer(), mean: MaybeNumber, median: MaybeNumber, p90: MaybeNumber, max: MaybeNumber });

/** What is kept of a day and service once retention has deleted its tickets; times in seconds. */
export const DailySummariesView = Type.Object({
  from: OfficeDay,
  to: OfficeDay,
  summaries: Type.Array(
    Type.Object({
      day: OfficeDay,
      serviceCode: Type.String(),
      issued: Type.Integer(),
      served: Type.Integer(),
      noShow: Type.Integer(),
      cancelled: Type.Integer(),
      transferred: Type.Integer(),
      waitSeconds: Seconds,
      serviceSeconds: Type.Object({ count: Type.Integer(), mean: MaybeNumber }),
    }),
  ),
});
export type DailySummariesView = Static<typeof DailySummariesView>;

export const RangeQuery = Type.Object({ from: DayParam, to: DayParam });
export const StatsQuery = Type.Object({ from: DayParam, to: DayParam, groupBy: Type.Optional(Type.Union(GROUP_BYS.map((g) => Type.Literal(g)), { default: 'day' })) });
export const IntradayQuery = Type.Object({ from: DayParam, to: DayParam, period: Type.Optional(Type.Union(INTRADAY_PERIODS.map((p) => Type.Literal(p)), { default: 60 })) });
export const XlsxQuery = Type.Object({ from: DayParam, to: DayParam, lang: Type.Optional(Type.Union(LANGUAGES.map((l) => Type.Literal(l)), { default: 'da' })) });
