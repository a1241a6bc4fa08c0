/**
 * Office days are Copenhagen calendar days: ticket numbers restart at 001 every morning and
 * statistics group by the day a Danish office would write on its report, whatever the host's
 * own time zone is set to (a Windows PC on UTC is common).
 */
export const OFFICE_TIME_ZONE = 'Europe/Copenhagen';

const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const hourFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: OFFICE_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * `YYYY-MM-DD` of the Copenhagen day that contains the instant. Refuses an instant past the year
 * 9999: its day would be written with five digits and sort before today's as text.
 */
export function officeDayOf(epochMs: number): string {
  return requireFourDigitYear(dayFormatter.format(epochMs));
}

/** Minutes since Copenhagen midnight (0–1439), for opening hours and per-hour statistics. */
export function minuteOfOfficeDay(epochMs: number): number {
  const parts = hourFormatter.formatToParts(epochMs);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  return hour * 60 + minute;
}

/** ISO weekday of the Copenhagen day: 1 = Monday … 7 = Sunday. */
export function weekdayOfOfficeDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcDay = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return utcDay === 0 ? 7 : utcDay;
}

/**
 * The instant Copenhagen's day `day` begins. Found by correcting a UTC guess with the zone's
 * offset at that guess, twice, which settles across both daylight-saving changes (they happen at
 * 02:00/03:00, never at midnight).
 */
export function startOfOfficeDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  let guess = utcMidnight;
  for (let i = 0; i < 2; i++) {
    guess = utcMidnight - offsetMinutesAt(guess) * 60_000;
  }
  return guess;
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

const offsetFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: OFFICE_TIME_ZONE,
  timeZoneName: 'longOffset',
});

/** Copenhagen's offset from UTC in minutes at the instant (60 in winter, 120 in summer). */
function offsetMinutesAt(epochMs: number): number {
  const name = offsetFormatter.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3]));
}
