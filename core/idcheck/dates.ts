/**
 * Calendar arithmetic for MRZ dates. MRZ dates are `YYMMDD` without a century, so the century is
 * chosen relative to `today` (an argument: core has no clock). All maths is on calendar days in
 * UTC, so no time zone or daylight-saving shift can move a date.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** How far ahead an expiry date may lie; beyond this the date is read as a century earlier. */
const EXPIRY_YEARS_AHEAD = 20;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(iso: string): CalendarDate | null {
  const match = ISO_DATE.exec(iso);
  if (match === null) return null;
  return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Full years lived on `today`: exact to the day (a birthday counts from its first morning). */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  const birthdayNotYetReached = compareDates({ ...today, year: birth.year }, birth) < 0;
  return today.year - birth.year - (birthdayNotYetReached ? 1 : 0);
}

export type MrzDateReading =
  | { kind: 'date'; date: CalendarDate }
  | { kind: 'missing' }
  | { kind: 'invalid' };

/**
 * An expiry date. Documents are valid for at most a couple of decades, so the year is put in the
 * window from 79 years ago to EXPIRY_YEARS_AHEAD years ahead. All fillers means "no expiry date".
 */
export function readExpiryDate(raw: string, today: CalendarDate): MrzDateReading {
  if (/^<{6}$/.test(raw)) return { kind: 'missing' };
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(raw);
  if (match === null) return { kind: 'invalid' };
  const latestYear = today.year + EXPIRY_YEARS_AHEAD;
  const year = latestYear - mod(latestYear - Number(match[1]), 100);
  const date = validDate(year, Number(match[2]), Number(match[3]));
  return date === null ? { kind: 'invalid' } : { kind: 'date', date };
}

/**
 * A birth date. Birth dates lie in the past, so the year is the latest one not after today
 * (someone over 100 is read as a newborn; ICAO leaves no way to tell). ICAO lets states fill an
 * unknown day or month with `<`; then the LATEST date the filler allows is used, so nobody is
 * declared old enough before they surely are. All fillers means "unknown".
 */
export function readBirthDate(raw: string, today: CalendarDate): MrzDateReading {
  if (/^<{6}$/.test(raw)) return { kind: 'missing' };
  const match = /^(\d{2})(\d{2}|<<)(\d{2}|<<)$/.exec(raw);
  if (match === null || (match[2] === '<<' && match[3] !== '<<')) return { kind: 'invalid' };
  const month = match[2] === '<<' ? null : Number(match[2]);
  const day = match[3] === '<<' ? null : Number(match[3]);
  const twoDigitYear = Number(match[1]);

  let year = today.year - mod(today.year - twoDigitYear, 100);
  if (compareDates({ year, month: month ?? 1, day: day ?? 1 }, today) > 0) year -= 100;

  const latestMonth = month ?? 12;
  const date = validDate(year, latestMonth, day ?? daysInMonth(year, latestMonth));
  if (date === null) return { kind: 'invalid' };
  return { kind: 'date', date: compareDates(date, today) > 0 ? today : date };
}

function validDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

function mod(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
