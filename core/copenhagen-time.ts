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
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

/** The wall clock read as if it were UTC: the instant's "local milliseconds". */
export function utcOfWallClock(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's offset from UTC at the instant, in ms (whole seconds; no zone uses less). */
function offsetMsAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return utcOfWallClock(wallClockAt(wholeSecond, timeZone)) - wholeSecond;
}

/** Copenhagen's offset from UTC in minutes at the instant (60 in winter, 120 in summer). */
export function offsetMinutesAt(epochMs: number): number {
  return offsetMsAt(epochMs, OFFICE_TIME_ZONE) / 60_000;
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
