import type { CopenhagenTime } from './local-time.js';

/** A `counter.opened` or `counter.closed` event, as the statistics need it. */
export interface CounterEvent {
  at: number;
  type: 'counter.opened' | 'counter.closed';
  counterId: number;
  staffId: number | null;
}

/** A stretch of time a counter was open, and who held it. */
export interface CounterSession {
  counterId: number;
  staffId: number | null;
  start: number;
  end: number;
}

export interface TimeWindow {
  start: number;
  end: number;
}

/**
 * Open stretches of every counter from its events, oldest first, cut to `window`. Give each
 * counter's last event before the window too, or a counter opened yesterday and still open is
 * missed. A counter still open at the end counts until the window's end ("now", or the end of
 * the range). An open event on an open counter (a log without its close) starts a new stretch.
 */
export function counterSessions(events: readonly CounterEvent[], window: TimeWindow): CounterSession[] {
  const openSince = new Map<number, { staffId: number | null; since: number }>();
  const sessions: CounterSession[] = [];
  const close = (counterId: number, at: number) => {
    const open = openSince.get(counterId);
    if (!open) return;
    openSince.delete(counterId);
    const start = Math.max(open.since, window.start);
    const end = Math.min(at, window.end);
    if (end > start) sessions.push({ counterId, staffId: open.staffId, start, end });
  };
  const ordered = [...events].sort((a, b) => a.at - b.at);
  for (const event of ordered) {
    close(event.counterId, event.at);
    if (event.type === 'counter.opened') openSince.set(event.counterId, { staffId: event.staffId, since: event.at });
  }
  for (const counterId of [...openSince.keys()]) close(counterId, window.end);
  return sessions.sort((a, b) => a.start - b.start || a.counterId - b.counterId);
}

const HOUR_MS = 3_600_000;

/**
 * Splits [start, end) at the boundaries of the time buckets statistics group by, calling `add`
 * with each piece's bucket and length. Copenhagen's offset is a whole number of hours, so its
 * clock hours begin on whole UTC hours; its days begin at local midnight (23 or 25 hours apart
 * around the daylight-saving changes).
 */
export function splitByDay(start: number, end: number, times: CopenhagenTime, add: (day: string, ms: number) => void): void {
  for (let at = start; at < end; ) {
    const day = times.officeDay(at);
    const next = Math.min(end, times.endOfOfficeDay(day));
    add(day, next - at);
    at = next;
  }
}

export function splitByHour(start: number, end: number, times: CopenhagenTime, add: (hour: number, ms: number) => void): void {
  for (let at = start; at < end; ) {
    const next = Math.min(end, (Math.floor(at / HOUR_MS) + 1) * HOUR_MS);
    add(times.hourOfDay(at), next - at);
    at = next;
  }
}
