/**
 * The one place that turns instants into the clock on an office wall and back. Offices run on
 * Copenhagen time whatever the host PC's own zone is (a Windows PC on UTC is common); booking
 * files may name other zones, so the conversions take a zone, Copenhagen by default.
 *
 * One daylight-saving rule for everything (backups, retention, opening hours, booking slots,
 * imported bookings): on the night the clocks go forward (02:00 → 03:00) a wall-clock time in the
 * skipped hour counts from an hour later; on the night they go back (03:00 → 02:00) a time in the
 * repeated hour means its first occurrence (summer time). Callers that must refuse a time that
 * never showed on the clock (a booking import) read `skipped`.
 */
export const OFFICE_TIME_ZONE = 'Europe/Copenhagen';

/** A reading of a wall clock: calendar fields and a 24-hour time, no zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a zone Intl does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What the clock in `timeZone` shows at the instant (to the second). */
export function wallClockAt(epochMs: number, timeZone: string = OFFICE_TIME_ZONE): WallClock {
  if (timeZone !== OFFICE_TIME_ZONE) return intlWallClock(epochMs, timeZone);
  const wall = new Date(epochMs + copenhagenOffsetMs(epochMs));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** The wall clock read as if it were UTC: the instant's "local milliseconds". */
export function utcOfWallClock(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** Copenhagen's offset from UTC in minutes at the instant (60 in winter, 120 in summer). */
export function offsetMinutesAt(epochMs: number): number {
  return copenhagenOffsetMs(epochMs) / 60_000;
}

function offsetMsAt(epochMs: number, timeZone: string): number {
  return timeZone === OFFICE_TIME_ZONE ? copenhagenOffsetMs(epochMs) : intlOffsetMs(epochMs, timeZone);
}

/**
 * Offsets by UTC hour: an `Intl` reading costs microseconds and office days, opening hours and
 * the live pages ask for the same few hours over and over. Copenhagen has changed its offset only
 * on whole UTC hours since it left Copenhagen mean time in 1893; an hour whose two ends disagree
 * (that one) is never stored.
 * The results do not depend on the memo, which is only emptied when it grows large.
 */
const offsetByUtcHour = new Map<number, number>();
const MEMO_LIMIT = 4096;

function copenhagenOffsetMs(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  const known = offsetByUtcHour.get(hour);
  if (known !== undefined) return known;
  const offset = intlOffsetMs(hour * HOUR_MS, OFFICE_TIME_ZONE);
  if (intlOffsetMs(hour * HOUR_MS + HOUR_MS - 1000, OFFICE_TIME_ZONE) !== offset) return intlOffsetMs(epochMs, OFFICE_TIME_ZONE);
  if (offsetByUtcHour.size >= MEMO_LIMIT) offsetByUtcHour.clear();
  offsetByUtcHour.set(hour, offset);
  return offset;
}

function intlWallClock(epochMs: number, timeZone: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

/** The zone's offset from UTC at the instant, in ms (whole seconds; no zone uses less). */
function intlOffsetMs(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return utcOfWallClock(intlWallClock(wholeSecond, timeZone)) - wholeSecond;
}

/**
 * The instant a wall-clock reading in `timeZone` stands for, by the rule in the module comment;
 * `skipped` when the clock never showed it (the instant is then the one an hour later, or
 * whatever the zone's gap is). Throws RangeError for a zone Intl does not know.
 */
export function instantOfWallClock(wall: WallClock, timeZone: string = OFFICE_TIME_ZONE): { at: number; skipped: boolean } {
  const asUtc = utcOfWallClock(wall);
  // A zone changes offset at most once within a day either side, so the offsets a day before
  // and a day after give every instant this wall time can be.
  const offsetBefore = offsetMsAt(asUtc - DAY_MS, timeZone);
  const offsetAfter = offsetMsAt(asUtc + DAY_MS, timeZone);
  const shows = (at: number) => utcOfWallClock(wallClockAt(at, timeZone)) === asUtc;
  // The earlier candidate is the first occurrence when the clock shows the time twice.
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].sort((a, b) => a - b);
  const shown = candidates.find(shows);
  if (shown !== undefined) return { at: shown, skipped: false };
  // In a gap the old offset still applies: 02:30 on winter time is 03:30 on summer time.
  return { at: asUtc - offsetBefore, skipped: true };
}
