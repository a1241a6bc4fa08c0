import type { CheckInIdCheck, CheckInPreview, CheckInView } from '../../../contract/appointments.js';
import { ApiCallError, request } from './api.js';

/** The kiosk's side of booked citizens: look a code up, then check in (docs/appointments.md). */
export const checkInApi = {
  /** What checking in would give now (service, slot, early/on time/late); nothing is stored. */
  lookup: (code: string) => request<CheckInPreview>('POST', '/api/appointments/lookup', { code }),
  checkIn: (code: string, idCheck: CheckInIdCheck) => request<CheckInView>('POST', '/api/appointments/check-in', { code, ...idCheck }),
};

/** Why the host would not take a code, as the kiosk explains it; null for any other failure (network, host). */
export type CheckInRefusal = 'unknown' | 'used' | 'cancelled' | 'other_day' | 'too_many';

const REFUSALS: Record<string, CheckInRefusal> = {
  unknown_code: 'unknown',
  already_checked_in: 'used',
  appointment_cancelled: 'cancelled',
  wrong_day: 'other_day',
  rate_limited: 'too_many',
};

export function checkInRefusalOf(error: unknown): CheckInRefusal | null {
  if (!(error instanceof ApiCallError)) return null;
  if (error.status === 429) return 'too_many';
  return REFUSALS[error.code] ?? null;
}
