import { Type } from 'typebox';
import { OUTCOMES, URGENT_REASONS } from '../../core/types.js';

/** Path parameter `:id`, a positive whole number. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ServiceCode = Type.String({ pattern: '^[A-Z]$' });
export const UrgentReason = Type.Enum(URGENT_REASONS);
export const Outcome = Type.Enum(OUTCOMES);
