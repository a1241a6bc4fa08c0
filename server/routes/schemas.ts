import { Type } from 'typebox';
import { OUTCOMES, URGENT_REASONS } from '../../core/types.js';

/**
 * Path parameter `:id` of every route that has one: a row id from 1 to 2^53 - 1. SQLite's ids go
 * higher, but a JavaScript number holds whole numbers exactly only up to there, so a larger id
 * could silently name another row. Spelled in plain decimal digits (server/validation.ts).
 */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

export const ServiceCode = Type.String({ pattern: '^[A-Z]$' });
export const UrgentReason = Type.Enum(URGENT_REASONS);
export const Outcome = Type.Enum(OUTCOMES);
