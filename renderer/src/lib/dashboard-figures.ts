import type { CounterView } from '../../../contract/counters.js';
import type { TicketView } from '../../../contract/tickets.js';

/**
 * Events after which the dashboard's figures may differ: every ticket change, a counter opened
 * or closed, an ID pre-check. Logins, configuration and appointments change none of them (an
 * appointment's check-in issues a ticket, which is a ticket event of its own).
 */
export function isDashboardEvent(type: string): boolean {
  return type.startsWith('ticket.') || type.startsWith('counter.') || type === 'id_check.completed';
}

/** How long the longest-waiting citizen has waited at `nowMs`, or null when nobody waits. */
export function longestWaitMs(waiting: readonly TicketView[], nowMs: number): number | null {
  if (waiting.length === 0) return null;
  const earliest = Math.min(...waiting.map((t) => Date.parse(t.arrivedAt)));
  return Math.max(0, nowMs - earliest);
}

/** Counters someone holds right now. */
export function openCounterCount(counters: readonly CounterView[]): number {
  return counters.filter((c) => c.heldBy !== null).length;
}
