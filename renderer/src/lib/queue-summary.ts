import type { TicketView } from '../../../contract/tickets.js';

export interface ServiceQueue {
  serviceCode: string;
  waiting: number;
  urgent: number;
  /** Milliseconds the longest-waiting ticket has waited, or null when nobody waits. */
  longestWaitMs: number | null;
}

/** Per service, in the order given (services nobody waits for included, so the table does not jump). */
export function summarizeQueue(tickets: readonly TicketView[], serviceCodes: readonly string[], nowMs: number): ServiceQueue[] {
  return serviceCodes.map((serviceCode) => {
    const mine = tickets.filter((t) => t.serviceCode === serviceCode);
    const earliest = Math.min(...mine.map((t) => Date.parse(t.arrivedAt)));
    return {
      serviceCode,
      waiting: mine.length,
      urgent: mine.filter((t) => t.priority === 'urgent').length,
      longestWaitMs: mine.length === 0 ? null : Math.max(0, nowMs - earliest),
    };
  });
}
