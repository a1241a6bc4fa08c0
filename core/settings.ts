import { DEFAULT_APPOINTMENT_RULES, type AppointmentRules } from './appointments/types.js';
import { DEFAULT_OPENING_HOURS } from './defaults.js';
import { DEFAULT_ID_RULES, type IdRules } from './idcheck/rules.js';
import { DEFAULT_ISSUANCE_LIMITS, type IssuanceLimits } from './issuance-limit.js';
import type { OpeningHours } from './opening-hours.js';
import { DEFAULT_QUEUE_POLICY, type QueuePolicyConfig } from './queue-policy.js';
import { DEFAULT_RETENTION, type RetentionSettings } from './retention.js';

/**
 * Every office setting there is: its key (as stored in the `settings` table) and its value's
 * type. The one registry; `SETTING_DEFAULTS` gives each its default, `withDefaults` the merge.
 */
export interface OfficeSettings {
  queuePolicy: QueuePolicyConfig;
  idRules: IdRules;
  appointmentRules: AppointmentRules;
  retention: RetentionSettings;
  openingHours: OpeningHours;
  issuanceLimits: IssuanceLimits;
  /** The office's name on the waiting-room display. */
  officeName: string;
}

export type SettingKey = keyof OfficeSettings;

export const SETTING_DEFAULTS: { readonly [K in SettingKey]: OfficeSettings[K] } = {
  queuePolicy: DEFAULT_QUEUE_POLICY,
  idRules: DEFAULT_ID_RULES,
  appointmentRules: DEFAULT_APPOINTMENT_RULES,
  retention: DEFAULT_RETENTION,
  openingHours: DEFAULT_OPENING_HOURS,
  issuanceLimits: DEFAULT_ISSUANCE_LIMITS,
  officeName: 'Borgerservice',
};

/**
 * A stored value as the office uses it. A stored object may predate a newer option, so the
 * defaults fill what it lacks; nothing stored gives the default.
 */
export function withDefaults<K extends SettingKey>(key: K, stored: unknown): OfficeSettings[K] {
  const fallback = SETTING_DEFAULTS[key];
  if (stored === undefined) return fallback;
  if (typeof fallback === 'object' && fallback !== null) return { ...fallback, ...(stored as object) } as OfficeSettings[K];
  return stored as OfficeSettings[K];
}
