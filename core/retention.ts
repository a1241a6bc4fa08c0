import { instantOnOfficeDay, nextOfficeDay, officeDayOf } from './office-day.js';

/**
 * How long the office keeps per-ticket detail (tickets, ID-check outcomes, bookings and the events
 * of those days). Older days keep only their daily figures per service. The floor of 30 days
 * leaves a month for complaints and corrections; the ceiling is ten years.
 */
export interface RetentionSettings {
  ticketDetailDays: number;
}

export const RETENTION_DAYS_MIN = 30;
export const RETENTION_DAYS_MAX = 3650;
/** Two years: long enough to compare a month with the same month last year. */
export const DEFAULT_RETENTION: RetentionSettings = { ticketDetailDays: 730 };

/** When the daily job runs, Copenhagen time: after midnight has closed the day, beside the 02:00 backup. */
export const RETENTION_MINUTE = 2 * 60 + 30;
/** A failed run is tried again this much later, so a failing disk is not hammered. */
export const RETENTION_RETRY_MINUTES = 10;

const MINUTE_MS = 60_000;

/**
 * The newest Copenhagen day whose detail goes: today and the `ticketDetailDays` days before it
 * are kept. With 30 days, on 31 March the detail of 1–30 March stays and 28 February goes.
 */
export function lastExpiredDay(now: number, ticketDetailDays: number): string {
  return shiftDay(officeDayOf(now), -ticketDetailDays - 1);
}

/**
 * When the job should next run: at RETENTION_MINUTE on the Copenhagen day after its last run (a
 * run deletes everything expired by its day, so one a day is enough, however early it ran); at
 * once when that time has passed (the PC was off at night) or it never ran. A last run dated in
 * the future (a PC clock that was once wrong) counts as now, so it cannot stop the job.
 */
export function nextRetentionDue(input: { now: number; lastRunAt: number | null }): number {
  if (input.lastRunAt === null) return input.now;
  const ranOn = officeDayOf(Math.min(input.lastRunAt, input.now));
  return Math.max(instantOnOfficeDay(nextOfficeDay(ranOn), RETENTION_MINUTE), input.now);
}

export function retryAfterFailure(now: number): number {
  return now + RETENTION_RETRY_MINUTES * MINUTE_MS;
}

/** `day` moved by whole calendar days (`YYYY-MM-DD`). */
function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
