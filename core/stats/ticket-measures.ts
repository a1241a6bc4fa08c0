import type { Arrival } from '../appointments/types.js';
import type { Ticket } from '../types.js';

/**
 * A ticket as the statistics read it: its row and, for a ticket made at a booked citizen's
 * check-in (`tickets.appointment_id`), the booking's slot and how the citizen came. A transfer's
 * continuation keeps both, as it keeps the arrival.
 */
export interface StatsTicket extends Ticket {
  /** Start of the booked slot, epoch ms; absent or null for a ticket without a booking. */
  slotStart?: number | null;
  /** `late` check-ins got an ordinary walk-in ticket (priority `normal`). */
  checkIn?: Arrival | null;
}

/**
 * Fed tickets in id order (a continuation comes after the ticket it continues), gives a
 * transfer's continuation the booking of the ticket it continues: its row has no
 * `appointment_id` of its own. Only transferred tickets with a booking are remembered.
 */
export class ContinuationBookings {
  private readonly ofTransferred = new Map<number, { slotStart: number; checkIn: Arrival | null }>();

  apply<T extends Pick<StatsTicket, 'id' | 'transferredFromId' | 'status' | 'slotStart' | 'checkIn'>>(t: T): T {
    const inherited = t.transferredFromId === null || t.slotStart != null ? undefined : this.ofTransferred.get(t.transferredFromId);
    const ticket = inherited ? { ...t, ...inherited } : t;
    if (ticket.status === 'transferred' && ticket.slotStart != null) {
      this.ofTransferred.set(ticket.id, { slotStart: ticket.slotStart, checkIn: ticket.checkIn ?? null });
    }
    return ticket;
  }
}

/**
 * The durations of one ticket, from its row. The statistics and the exported files both use
 * these, so a sheet's AVERAGE of a column is the figure the statistics page shows.
 */
export interface TicketMeasures {
  /**
   * Arrival → call. A no-show called again ends its wait at the last call (the row keeps the
   * last call). A continuation of a transfer keeps the citizen's first arrival, so its wait is
   * the citizen's whole time in the room. Walk-ups never queued: no wait. A booked citizen
   * (priority `appointment`) waits from the slot time, or from arrival when they came after it.
   */
  waitMs: number | null;
  /** Call → start: the citizen's walk to the desk (a ticket finished straight from "called" started when it finished). */
  walkMs: number | null;
  /** Start → finish, for served tickets (walk-ups included). */
  serviceMs: number | null;
}

/** What the durations are read from (an exported row reads no more of the ticket than it shows). */
export type MeasuredTicket = Pick<StatsTicket, 'walkUp' | 'priority' | 'status' | 'arrivedAt' | 'calledAt' | 'startedAt' | 'finishedAt' | 'slotStart'>;

export function ticketMeasures(t: MeasuredTicket): TicketMeasures {
  const queued = !t.walkUp && t.calledAt !== null;
  return {
    waitMs: queued ? t.calledAt! - waitsFrom(t) : null,
    walkMs: queued && t.startedAt !== null ? t.startedAt - t.calledAt! : null,
    serviceMs: t.status === 'done' && t.startedAt !== null && t.finishedAt !== null ? t.finishedAt - t.startedAt : null,
  };
}

/**
 * When the wait began. A booked citizen was promised the slot time, so waiting before it (having
 * come early) is not the office's delay; one called before the slot (the early window) waited 0.
 */
function waitsFrom(t: MeasuredTicket): number {
  if (t.priority !== 'appointment' || t.slotStart == null) return t.arrivedAt;
  return Math.min(t.calledAt!, Math.max(t.slotStart, t.arrivedAt));
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
