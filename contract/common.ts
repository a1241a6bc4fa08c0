import { Type, type TInteger, type TSchema, type TString } from 'typebox';
import { LANGUAGES, OUTCOMES, PRIORITY_CLASSES, STAFF_ROLES, TICKET_STATUSES, URGENT_REASONS } from '../core/types.js';

/**
 * Pieces every part of the API contract uses. Times on the wire are ISO 8601 strings; the
 * product keeps epoch milliseconds inside (core/types.ts).
 */

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An instant as the host writes it: `Date.toISOString()`. */
export const IsoTime = Type.String({ format: 'date-time' });

/** A Copenhagen calendar day, `YYYY-MM-DD`. */
export const OfficeDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/**
 * A Copenhagen day in a query string. The pattern gives a 400 for nonsense; the host refuses
 * 2026-02-30 and days outside the accepted window (server/routes/day-range.ts). Every route that
 * takes a day uses this schema, and a test finds them all by it in the OpenAPI document.
 */
export const DayParam = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Copenhagen day, YYYY-MM-DD (inclusive)' });

/**
 * Path parameter `:id` of every route that has one: a row id from 1 to 2^53 - 1. SQLite's ids go
 * higher, but a JavaScript number holds whole numbers exactly only up to there, so a larger id
 * could silently name another row. Spelled in plain decimal digits (server/validation.ts).
 */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

export const ServiceCode = Type.String({ pattern: '^[A-Z]$' });
export const UrgentReason = Type.Enum(URGENT_REASONS);
export const Outcome = Type.Enum(OUTCOMES);
export const PriorityClass = Type.Enum(PRIORITY_CLASSES);
export const TicketStatus = Type.Enum(TICKET_STATUSES);
export const StaffRole = Type.Enum(STAFF_ROLES);
export const CounterOrdering = Type.Union([Type.Literal('arrival'), Type.Literal('preference')]);

/** Danish first, English second: every user-facing text. */
export const LocalizedText = Type.Object(Object.fromEntries(LANGUAGES.map((lang) => [lang, Type.String()])) as Record<(typeof LANGUAGES)[number], TString>);

/** `{ a: n, b: n, … }`: a count for each value of an enumeration (statistics, appointment days). */
export const CountsOf = <K extends string>(keys: readonly K[]) =>
  Type.Object(Object.fromEntries(keys.map((key) => [key, Type.Integer({ minimum: 0 })])) as Record<K, TInteger>);

/** `{ id, displayName }` of the staff member holding a counter. */
export const Holder = Type.Object({ id: Type.Integer(), displayName: Type.String() });
