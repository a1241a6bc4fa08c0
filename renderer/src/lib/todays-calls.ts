import type { DisplayCall } from '../../../contract/display.js';
import { officeDayOf } from '../../../core/office-day.js';

/**
 * The calls a waiting-room screen may still show at `nowMs`: today's, in Copenhagen. A TV that
 * runs for weeks without a reload must not greet the morning's first citizens with yesterday's
 * numbers — the host numbers from 001 again each day, so an old "P004" would look like a call.
 */
export function todaysCalls(calls: readonly DisplayCall[], nowMs: number): readonly DisplayCall[] {
  const today = officeDayOf(nowMs);
  return calls.filter((call) => officeDayOf(Date.parse(call.at)) === today);
}
