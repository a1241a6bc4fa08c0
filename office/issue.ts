import type { EventType, NewOfficeEvent, TicketEventData } from '../core/events.js';
import { officeDayOf } from '../core/office-day.js';
import { newTicket, type NewTicketFields } from '../core/ticket-lifecycle.js';
import { formatTicketNumber } from '../core/ticket-number.js';
import type { Counter, Ticket } from '../core/types.js';
import { estimateWaitMinutes, SERVICE_TIME_SAMPLE, typicalServiceMinutes } from '../core/wait-estimate.js';
import type { StoreReader, StoreWriter } from '../db/store.js';

/** Who is acting: a logged-in staff member, or a kiosk (staffId null). */
export interface Actor {
  staffId: number | null;
}

/** What the caller decides about a new ticket; the number, the day and the arrival come from `issue`. */
export type TicketDraft = Omit<NewTicketFields, 'number' | 'officeDay' | 'arrivedAt' | 'estimatedWaitMinutes'>;

export interface IssueOptions {
  /** The counter it is issued at (a walk-up), named in its event. */
  counter?: Counter | undefined;
  /** More for the `ticket.issued` event (an appointment, a walk-up). */
  eventData?: Record<string, unknown> | undefined;
  /** A citizen served at once waits for nothing: no estimate. */
  estimateWait: boolean;
}

/**
 * Makes a ticket, inside the caller's change: the day's next number for its service, the ticket,
 * and its `ticket.issued` event. The one way a ticket comes to be: the kiosk, a walk-up at the desk
 * and an appointment's check-in all issue through here.
 */
export function issue(tx: StoreWriter, draft: TicketDraft, actor: Actor, now: number, options: IssueOptions): { ticket: Ticket; event: NewOfficeEvent } {
  const officeDay = officeDayOf(now);
  const ticket = tx.tickets.create(
    newTicket({
      ...draft,
      number: formatTicketNumber(draft.serviceCode, tx.tickets.nextSequence(officeDay, draft.serviceCode)),
      officeDay,
      arrivedAt: now,
      estimatedWaitMinutes: options.estimateWait ? estimateWait(tx, draft.serviceCode, draft.priority === 'urgent', now) : null,
    }),
  );
  return { ticket, event: ticketEvent('ticket.issued', ticket, actor, now, options.counter, options.eventData) };
}

/** Minutes a new ticket of the service can expect to wait, from the queue and the open counters now. */
function estimateWait(store: StoreReader, serviceCode: string, urgent: boolean, now: number): number {
  const serving = store.counters.list().filter((c) => c.heldBy !== null && c.serviceCodes.includes(serviceCode));
  return estimateWaitMinutes({
    ahead: store.tickets.countAhead(serviceCode, urgent, now),
    openCounters: serving.length,
    busyCounters: serving.filter((c) => store.tickets.currentAt(c.id)).length,
    serviceMinutes: typicalServiceMinutes(store.tickets.recentServiceDurationsMs(serviceCode, SERVICE_TIME_SAMPLE)),
  });
}

/** The event that records a ticket's change: its state after it, never who the citizen is. */
export function ticketEvent(
  type: EventType,
  ticket: Ticket,
  actor: Actor,
  at: number,
  counter?: Counter,
  extra: Record<string, unknown> = {},
): NewOfficeEvent {
  const data: TicketEventData = {
    number: ticket.number,
    serviceCode: ticket.serviceCode,
    status: ticket.status,
    priority: ticket.priority,
    urgentReason: ticket.urgentReason,
    counterId: counter?.id ?? ticket.counterId,
    counterName: counter?.name ?? null,
    outcome: ticket.outcome,
    ...extra,
  };
  return { at, type, ticketId: ticket.id, counterId: counter?.id ?? ticket.counterId, staffId: actor.staffId, data };
}
