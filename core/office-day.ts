import { instantOfWallClock, wallClockAt } from './copenhagen-time.js';

/**
 * Office days are Copenhagen calendar days: ticket numbers restart at 001 every morning and
 * statistics group by the day a Danish office would write on its report. The clock itself (zone,
 * offsets, daylight saving) is core/copenhagen-time.ts; this file is the calendar built on it.
 */

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * `YYYY-MM-DD` of the Copenhagen day that contains the instant. Refuses an instant past the year
 * 9999: its day would be written with five digits and sort before today's as text.
 */
export function officeDayOf(epochMs: number): string {
  const wall = wallClockAt(epochMs);
  return requireFourDigitYear(`${String(wall.year).padStart(4, '0')}-${pad2(wall.month)}-${pad2(wall.day)}`);
}

/** Minutes since Copenhagen midnight (0–1439), for opening hours and per-hour statistics. */
export function minuteOfOfficeDay(epochMs: number): number {
  const wall = wallClockAt(epochMs);
  return wall.hour * 60 + wall.minute;
}

/** `HH:MM` on a 24-hour clock as minutes after midnight, or null when the text is no such time. */
export function parseTimeOfDay(text: string): number | null {
  const match = TIME_OF_DAY.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * The instant Copenhagen's clock shows `minute` (after midnight) on `day`, by the one
 * daylight-saving rule of core/copenhagen-time.ts: a time in the hour skipped in spring is taken
 * an hour later, a time in the hour repeated in autumn at its first occurrence.
 */
export function instantOnOfficeDay(day: string, minute: number): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return instantOfWallClock({ year, month, day: date, hour: Math.floor(minute / 60), minute: minute % 60, second: 0 }).at;
}

/** The instant Copenhagen's day `day` begins (midnight always shows: the clocks change at 02:00/03:00). */
export function startOfOfficeDay(day: string): number {
  return instantOnOfficeDay(day, 0);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO weekday of the Copenhagen day: 1 = Monday … 7 = Sunday. */
export function weekdayOfOfficeDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcDay = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return utcDay === 0 ? 7 : utcDay;
}

/** The day after `day`, as `YYYY-MM-DD`. */
export function nextOfficeDay(day: string): string {
  return addOfficeDays(day, 1);
}

/** `day` moved by a number of calendar days (negative: back), as `YYYY-MM-DD`. */
export function addOfficeDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // toISOString writes years past 9999 as "+010000-…"; the guard keeps that from being cut to a day.
  return requireFourDigitYear(new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10));
}

/**
 * Orders two office days as dates (negative, 0, positive). Text order is date order only for
 * `YYYY-MM-DD` with a four-digit year — "10000-01-01" sorts before "2026-12-06" as text — so
 * anything else is refused rather than misordered.
 */
export function compareOfficeDays(a: string, b: string): number {
  for (const day of [a, b]) {
    if (!isOfficeDay(day)) throw new RangeError(`"${day}" is not an office day (YYYY-MM-DD).`);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function requireFourDigitYear(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`${day} is outside the years 0000–9999 an office day can be written in.`);
  return day;
}

/** A real calendar day written `YYYY-MM-DD` with a four-digit year. */
export function isOfficeDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
