import { instantOfWallClock, OFFICE_TIME_ZONE, utcOfWallClock, type WallClock } from '../copenhagen-time.js';

/**
 * Turning the times booking systems write into instants. A wall-clock time without a zone is
 * Copenhagen time, converted by core/copenhagen-time.ts's one daylight-saving rule, with one
 * addition for imports: on the spring-forward day 02:00–02:59 never showed on the clock, so a
 * booking written for it is refused rather than moved an hour (a booking system that wrote it
 * has made a mistake the office should see). On the fall-back day the first 02:00–02:59
 * (summer time) is meant, as everywhere.
 */

export type TimeReading = { ok: true; at: number } | { ok: false; reason: 'bad_time' | 'nonexistent_local_time' | 'unknown_time_zone' };

/** Outlook and Exchange write Windows zone names in TZID; these are the ones a Danish office meets. */
const WINDOWS_ZONES: Record<string, string> = {
  'Romance Standard Time': 'Europe/Copenhagen',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  UTC: 'UTC',
};

/** The IANA zone an iCalendar TZID names, or null when neither Intl nor the Windows table knows it. */
export function timeZoneOf(tzid: string): string | null {
  const name = tzid.replace(/^"|"$/g, '').trim();
  const zone = WINDOWS_ZONES[name] ?? name;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The instant a wall-clock time in `timeZone` stands for (see the module comment for DST days). */
export function wallTimeToInstant(wall: WallClock, timeZone: string = OFFICE_TIME_ZONE): TimeReading {
  if (!isValidWallClock(wall)) return { ok: false, reason: 'bad_time' };
  let instant: { at: number; skipped: boolean };
  try {
    instant = instantOfWallClock(wall, timeZone);
  } catch {
    return { ok: false, reason: 'unknown_time_zone' };
  }
  return instant.skipped ? { ok: false, reason: 'nonexistent_local_time' } : { ok: true, at: instant.at };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DANISH = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/i;

/**
 * A date and time as booking systems export them: ISO 8601 (`2026-11-25T09:15`, with or without
 * seconds, `Z` or an offset) or Danish (`25-11-2026 09:15`, `25.11.2026 kl. 9.15`, `25/11/2026 09:15`).
 */
export function readDateTime(text: string): TimeReading {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) {
    const wall = wallTime(iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]);
    return iso[7] ? withOffset(wall, iso[7]) : wallTimeToInstant(wall);
  }
  const danish = DANISH.exec(trimmed);
  if (danish) return wallTimeToInstant(wallTime(danish[3], danish[2], danish[1], danish[4], danish[5], danish[6]));
  return { ok: false, reason: 'bad_time' };
}

/** An instant as the API takes it: ISO 8601 with `Z` or an offset, since a bare wall time is ambiguous on the wire. */
export function readInstant(text: string): number | null {
  const match = ISO.exec(text.trim());
  if (!match?.[7]) return null;
  const reading = withOffset(wallTime(match[1], match[2], match[3], match[4], match[5], match[6]), match[7]);
  return reading.ok ? reading.at : null;
}

function withOffset(wall: WallClock, offset: string): TimeReading {
  if (!isValidWallClock(wall)) return { ok: false, reason: 'bad_time' };
  if (offset === 'Z') return { ok: true, at: utcOfWallClock(wall) };
  const digits = offset.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  if (minutes > 14 * 60 || Number(digits.slice(3, 5)) > 59) return { ok: false, reason: 'bad_time' };
  return { ok: true, at: utcOfWallClock(wall) - (digits.startsWith('-') ? -1 : 1) * minutes * 60_000 };
}

function wallTime(year?: string, month?: string, day?: string, hour?: string, minute?: string, second?: string): WallClock {
  return { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) };
}

function isValidWallClock(w: WallClock): boolean {
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const date = new Date(utcOfWallClock(w));
  return date.getUTCFullYear() === w.year && date.getUTCMonth() === w.month - 1 && date.getUTCDate() === w.day;
}
