import type { Ticket } from '../types.js';

/**
 * The durations of one ticket, from its row. The statistics and the exported files both use
 * these, so a sheet's AVERAGE of a column is the figure the statistics page shows.
 */
export interface TicketMeasures {
  /**
   * Arrival → call. A no-show called again ends its wait at the last call (the row keeps the
   * last call). A continuation of a transfer keeps the citizen's first arrival, so its wait is
   * the citizen's whole time in the room. Walk-ups never queued: no wait.
   */
  waitMs: number | null;
  /** Call → start: the citizen's walk to the desk (a ticket finished straight from "called" started when it finished). */
  walkMs: number | null;
  /** Start → finish, for served tickets (walk-ups included). */
  serviceMs: number | null;
}

export function ticketMeasures(t: Ticket): TicketMeasures {
  const queued = !t.walkUp && t.calledAt !== null;
  return {
    waitMs: queued ? t.calledAt! - t.arrivedAt : null,
    walkMs: queued && t.startedAt !== null ? t.startedAt - t.calledAt! : null,
    serviceMs: t.status === 'done' && t.startedAt !== null && t.finishedAt !== null ? t.finishedAt - t.startedAt : null,
  };
}

/**
 * When a clerk was busy with the citizen (start → finish), for counter utilisation: served
 * tickets and tickets transferred on from the desk. A no-show never started.
 */
export function servingInterval(t: Ticket): { start: number; end: number } | null {
  if (t.startedAt === null || t.finishedAt === null) return null;
  if (t.status !== 'done' && t.status !== 'transferred') return null;
  return { start: t.startedAt, end: t.finishedAt };
}

/**
 * Was the ticket waiting in line when its office day ended (Copenhagen midnight)? Read from
 * the row: it existed by then (`existsFrom`: its arrival, or for a continuation the moment of
 * the transfer), had not ended before midnight, and its last call came after midnight or never
 * (or it is waiting now, put back in line after a call). The row cannot tell everything the event
 * log could: a no-show called back on a later day counts as carried over, though at midnight it
 * was a no-show. Call it only for days that have ended.
 */
export function wasWaitingAtEndOfDay(t: Ticket, endOfDay: number, existsFrom: number): boolean {
  if (t.walkUp || existsFrom >= endOfDay) return false;
  if (t.finishedAt !== null && t.finishedAt < endOfDay) return false;
  return t.status === 'waiting' || t.calledAt === null || t.calledAt >= endOfDay;
}
