import type { IssueTicketRequest } from '../contract/tickets.js';
import type { EventType, NewOfficeEvent } from '../core/events.js';
import { pickNextTicket } from '../core/queue-policy.js';
import { applyTicketAction, continuationOf, isAtCounter, type TicketAction } from '../core/ticket-lifecycle.js';
import type { Counter, Ticket } from '../core/types.js';
import type { Store, StoreWriter } from '../db/store.js';
import { conflict, forbidden, invalid, notFound } from './refusal.js';
import { issue, ticketEvent, type Actor } from './issue.js';

export type { Actor } from './issue.js';

/**
 * The office's operations: each validates, asks `core/` what happens, stores the result and its
 * event in one transaction, and only then tells the live stream. Route handlers stay thin.
 */
export class Office {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
  ) {}

  /**
   * Issuance is the one change kiosks make in bursts, so it is group-committed: the tickets asked
   * for within one event-loop turn share one transaction and one disk sync (see group-commit.ts).
   * The other changes stay synchronous `commitWithEvents`: a clerk makes one at a time, and making
   * every office change async would spread awaits through every route for no measurable gain.
   * The checks run inside the change, because the batch is written a turn after the request came
   * in and a manager may have switched the service off meanwhile.
   */
  issueTicket(request: IssueTicketRequest, actor: Actor): Promise<Ticket> {
    return this.store.change((tx) => {
      const service = tx.services.get(request.serviceCode);
      if (!service || !service.active) {
        throw invalid('unknown_service', `There is no active service with code "${request.serviceCode}".`);
      }
      if (request.idCheckId !== undefined && !tx.idChecks.get(request.idCheckId)) {
        throw invalid('unknown_id_check', `There is no ID check ${request.idCheckId}.`);
      }
      const { ticket, event } = issue(
        tx,
        {
          serviceCode: service.code,
          priority: request.urgent ? 'urgent' : 'normal',
          urgentReason: request.urgent?.reason ?? null,
          idCheckId: request.idCheckId ?? null,
          supplementDeclared: request.supplementDeclared ?? null,
          manualIdCheck: request.manualIdCheck ?? false,
        },
        actor,
        this.clock(),
        { estimateWait: true },
      );
      return { result: ticket, events: [event] };
    }, { group: true });
  }

  openCounter(counterId: number, staffId: number): Counter {
    return this.store.change((tx) => {
      const counter = this.requireCounter(counterId);
      if (counter.heldBy !== null && counter.heldBy !== staffId) {
        throw conflict('counter_taken', `${counter.name} is already open by another clerk.`);
      }
      const now = this.clock();
      const events: NewOfficeEvent[] = [];
      const previous = tx.counters.heldBy(staffId);
      if (previous && previous.id !== counterId) {
        if (tx.tickets.currentAt(previous.id)) {
          throw conflict('ticket_in_progress', `Finish or put back the ticket at ${previous.name} before moving to ${counter.name}.`);
        }
        tx.counters.setHeldBy(previous.id, null);
        events.push(this.counterEvent('counter.closed', previous, staffId, now));
      }
      if (counter.heldBy !== staffId) {
        tx.counters.setHeldBy(counterId, staffId);
        events.push(this.counterEvent('counter.opened', counter, staffId, now));
      }
      return { result: { ...counter, heldBy: staffId }, events };
    });
  }

  closeCounter(counterId: number, staffId: number): Counter {
    return this.store.change((tx) => {
      const counter = this.requireHeldCounter(counterId, staffId);
      if (tx.tickets.currentAt(counterId)) {
        throw conflict('ticket_in_progress', `Finish or put back the current ticket before closing ${counter.name}.`);
      }
      tx.counters.setHeldBy(counterId, null);
      return { result: { ...counter, heldBy: null }, events: [this.counterEvent('counter.closed', counter, staffId, this.clock())] };
    });
  }

  /**
   * A clerk leaving (logout, expired session, deactivated account) closes their counter, inside
   * the caller's change. A citizen they had called goes back in line at the original place rather
   * than being lost. Returns the events that record it (none when they held no counter).
   */
  leaveCounterWithin(tx: StoreWriter, staffId: number): NewOfficeEvent[] {
    const counter = tx.counters.heldBy(staffId);
    if (!counter) return [];
    const now = this.clock();
    const events: NewOfficeEvent[] = [];
    const current = tx.tickets.currentAt(counter.id);
    if (current) events.push(this.transition(tx, current, { kind: 'requeue' }, { staffId }, now));
    tx.counters.setHeldBy(counter.id, null);
    events.push(this.counterEvent('counter.closed', counter, staffId, now));
    return events;
  }

  /** The next ticket for the counter, or null when nobody it serves waits. */
  callNext(counterId: number, staffId: number): Ticket | null {
    return this.store.change((tx) => {
      const counter = this.requireHeldCounter(counterId, staffId);
      const current = tx.tickets.currentAt(counterId);
      if (current) {
        throw conflict('counter_busy', `${counter.name} is still with ticket ${current.number}. Finish it, mark it no-show, or put it back first.`);
      }
      const now = this.clock();
      const policy = tx.settings.get('queuePolicy');
      const next = pickNextTicket({
        waiting: tx.tickets.queueHeads(counter.serviceCodes, now),
        counter,
        recentCalls: tx.tickets.recentCalls(policy.maxConsecutiveUrgent),
        now,
        config: policy,
      });
      if (!next) return { result: null, events: [] };
      const ticket = tx.tickets.get(next.id)!;
      const event = this.transition(tx, ticket, { kind: 'call', counterId, staffId }, { staffId }, now, counter);
      return { result: tx.tickets.get(next.id)!, events: [event] };
    });
  }

  /** Calls a particular ticket out of order (a citizen who came back, a clerk's judgement); the reason is logged. */
  callTicket(counterId: number, ticketId: number, reason: string, staffId: number): Ticket {
    return this.store.change((tx) => {
      const counter = this.requireHeldCounter(counterId, staffId);
      const current = tx.tickets.currentAt(counterId);
      if (current) throw conflict('counter_busy', `${counter.name} is still with ticket ${current.number}.`);
      const ticket = this.requireTicket(ticketId);
      if (!counter.serviceCodes.includes(ticket.serviceCode)) {
        throw conflict('service_not_served', `${counter.name} does not serve ${ticket.serviceCode}; transfer the ticket first.`);
      }
      const event = this.transition(tx, ticket, { kind: 'call', counterId, staffId }, { staffId }, this.clock(), counter, { reason, outOfOrder: true });
      return { result: tx.tickets.get(ticketId)!, events: [event] };
    });
  }

  /** An action on the ticket at the clerk's own counter. */
  act(ticketId: number, action: Exclude<TicketAction, { kind: 'call' } | { kind: 'transfer' }>, staffId: number): Ticket {
    return this.store.change((tx) => {
      const ticket = this.requireTicket(ticketId);
      const counter = this.requireOwnTicket(ticket, staffId);
      const event = this.transition(tx, ticket, action, { staffId }, this.clock(), counter);
      return { result: tx.tickets.get(ticketId)!, events: [event] };
    });
  }

  /** Moves a ticket to another service; it keeps its number and its place by original arrival. */
  transfer(ticketId: number, serviceCode: string, staffId: number): Ticket {
    return this.store.change((tx) => {
      const ticket = this.requireTicket(ticketId);
      const target = tx.services.get(serviceCode);
      if (!target || !target.active) throw invalid('unknown_service', `There is no active service with code "${serviceCode}".`);
      if (target.code === ticket.serviceCode) throw invalid('same_service', `Ticket ${ticket.number} is already in ${serviceCode}.`);
      const counter = isAtCounter(ticket.status) ? this.requireOwnTicket(ticket, staffId) : undefined;
      const now = this.clock();
      const result = applyTicketAction(ticket, { kind: 'transfer' }, now);
      if (!result.ok) throw conflict(result.error, result.message);
      tx.tickets.save(result.ticket);
      const continuation = tx.tickets.create(continuationOf(result.ticket, target.code));
      const event = ticketEvent('ticket.transferred', result.ticket, { staffId }, now, counter, {
        toTicketId: continuation.id,
        toServiceCode: target.code,
      });
      return { result: continuation, events: [event] };
    });
  }

  /** Takes a ticket out of the queue (a citizen who left, a duplicate). */
  cancel(ticketId: number, actor: Actor): Ticket {
    return this.store.change((tx) => {
      const ticket = this.requireTicket(ticketId);
      const event = this.transition(tx, ticket, { kind: 'cancel' }, actor, this.clock());
      return { result: tx.tickets.get(ticketId)!, events: [event] };
    });
  }

  /** A citizen who walked straight to the desk: served at once, counted like any other ticket. */
  serveWalkUp(counterId: number, serviceCode: string, staffId: number): Ticket {
    const service = this.store.services.get(serviceCode);
    if (!service || !service.active) throw invalid('unknown_service', `There is no active service with code "${serviceCode}".`);
    return this.store.change((tx) => {
      const counter = this.requireHeldCounter(counterId, staffId);
      if (tx.tickets.currentAt(counterId)) throw conflict('counter_busy', `${counter.name} already has a current ticket.`);
      const now = this.clock();
      const walkUp = { walkUp: true };
      const { ticket, event } = issue(
        tx,
        { serviceCode: service.code, status: 'serving', calledAt: now, startedAt: now, counterId, staffId, walkUp: true },
        { staffId },
        now,
        { counter, eventData: walkUp, estimateWait: false },
      );
      return { result: ticket, events: [event, ticketEvent('ticket.started', ticket, { staffId }, now, counter, walkUp)] };
    });
  }

  currentTicket(counterId: number): Ticket | null {
    return this.store.tickets.currentAt(counterId) ?? null;
  }

  /** Applies a lifecycle action, saves the ticket and returns the event that records it. */
  private transition(
    tx: StoreWriter,
    ticket: Ticket,
    action: TicketAction,
    actor: Actor,
    now: number,
    counter?: Counter,
    extra: Record<string, unknown> = {},
  ): NewOfficeEvent {
    const result = applyTicketAction(ticket, action, now);
    if (!result.ok) throw conflict(result.error, result.message);
    tx.tickets.save(result.ticket);
    return ticketEvent(EVENT_OF_ACTION[action.kind], result.ticket, actor, now, counter, extra);
  }

  private counterEvent(type: EventType, counter: Counter, staffId: number, at: number): NewOfficeEvent {
    return { at, type, ticketId: null, counterId: counter.id, staffId, data: { counterName: counter.name } };
  }

  private requireCounter(counterId: number): Counter {
    const counter = this.store.counters.get(counterId);
    if (!counter) throw notFound(`Counter ${counterId}`);
    return counter;
  }

  private requireHeldCounter(counterId: number, staffId: number): Counter {
    const counter = this.requireCounter(counterId);
    if (counter.heldBy !== staffId) {
      throw conflict('counter_not_open', `Open ${counter.name} before calling; it is ${counter.heldBy === null ? 'closed' : 'held by another clerk'}.`);
    }
    return counter;
  }

  private requireTicket(ticketId: number): Ticket {
    const ticket = this.store.tickets.get(ticketId);
    if (!ticket) throw notFound(`Ticket ${ticketId}`);
    return ticket;
  }

  /** The ticket must be at a counter the clerk holds: nobody finishes a colleague's citizen by mistake. */
  private requireOwnTicket(ticket: Ticket, staffId: number): Counter {
    if (!isAtCounter(ticket.status) || ticket.counterId === null) {
      throw conflict('invalid_transition', `Ticket ${ticket.number} is ${ticket.status}, not at a counter.`);
    }
    const counter = this.requireCounter(ticket.counterId);
    if (counter.heldBy !== staffId) throw forbidden(`Ticket ${ticket.number} is at ${counter.name}, which you do not hold.`);
    return counter;
  }
}

const EVENT_OF_ACTION: Record<TicketAction['kind'], EventType> = {
  call: 'ticket.called',
  recall: 'ticket.recalled',
  start: 'ticket.started',
  finish: 'ticket.finished',
  no_show: 'ticket.no_show',
  requeue: 'ticket.requeued',
  transfer: 'ticket.transferred',
  cancel: 'ticket.cancelled',
};
