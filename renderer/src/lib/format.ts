import { minuteOfOfficeDay } from '../../../core/office-day.js';

/** Time shown to people: pure functions of a duration or an instant. */

/** `4:05`, `12:00`, `1:02:05`: a wait as a clerk reads it at a glance. Negative clock skew shows as 0:00. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** ISO 8601 duration for `<time datetime>`, so assistive technology can read the wait too. */
export function isoDuration(ms: number): string {
  return `PT${Math.max(0, Math.floor(ms / 1000))}S`;
}

/**
 * `HH:MM` in the office's time zone, whatever zone the display PC is set to. Written by hand, not
 * by Intl: Danish formatting writes 14.05; a waiting-room clock reads 14:05.
 */
export function formatClock(epochMs: number): string {
  const minute = minuteOfOfficeDay(epochMs);
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
