import type { IssueTicketRequest } from '../contract/tickets.js';
import type { EventType, NewOfficeEvent, TicketEventData } from '../core/events.js';
import { officeDayOf } from '../core/office-day.js';
import { DEFAULT_QUEUE_POLICY, pickNextTicket, type QueuePolicyConfig } from '../core/queue-policy.js';
import { applyTicketAction, continuationOf, isAtCounter, newTicket, type TicketAction } from '../core/ticket-lifecycle.js';
import { formatTicketNumber } from '../core/ticket-number.js';
import type { Counter, PriorityClass, Ticket } from '../core/types.js';
import { estimateWaitMinutes, SERVICE_TIME_SAMPLE, typicalServiceMinutes } from '../core/wait-estimate.js';
import type { Store } from '../db/store.js';
import { commitWithEvents, type ChangeWithEvents } from './commit.js';
import { badRequest, conflict, forbidden, notFound } from './errors.js';
import type { EventBus } from './event-bus.js';
import { GroupCommitter } from './group-commit.js';

/** Who is acting: a logged-in staff member, or a kiosk (staffId null). */
export interface Actor {
  staffId: number | null;
}

export const QUEUE_POLICY_SETTING = 'queuePolicy';

/**
 * The office's operations: each validates, asks `core/` what happens, stores the result and its
 * event in one transaction, and only then tells the live stream. Route handlers stay thin.
 */
export class Office {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly clock: () => number,
    private readonly issuance: GroupCommitter = new GroupCommitter(store, bus),
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
    return this.issuance.run(() => {
      const service = this.store.services.get(request.serviceCode);
      if (!service || !service.active) {
        throw badRequest('unknown_service', `There is no active service with code "${request.serviceCode}".`);
      }
      if (request.idCheckId !== undefined && !this.store.idChecks.get(request.idCheckId)) {
        throw badRequest('unknown_id_check', `There is no ID check ${request.idCheckId}.`);
      }
      const now = this.clock();
      const officeDay = officeDayOf(now);
      const priority: PriorityClass = request.urgent ? 'urgent' : 'normal';
      const sequence = this.store.tickets.nextSequence(officeDay, service.code);
      const ticket = this.store.tickets.create(
        newTicket({
          number: formatTicketNumber(service.code, sequence),
          officeDay,
          serviceCode: service.code,
          arrivedAt: now,
          priority,
          urgentReason: request.urgent?.reason ?? null,
          idCheckId: request.idCheckId ?? null,
          supplementDeclared: request.supplementDeclared ?? null,
          manualIdCheck: request.manualIdCheck ?? false,
          estimatedWaitMinutes: this.estimateFor(service.code, priority === 'urgent', now),
        }),
      );
      return { result: ticket, events: [this.ticketEvent('ticket.issued', ticket, actor, now)] };
    });
  }

  openCounter(counterId: number, staffId: number): Counter {
    return this.commit(() => {
      const counter = this.requireCounter(counterId);
      if (counter.heldBy !== null && counter.heldBy !== staffId) {
        throw conflict('counter_taken', `${counter.name} is already open by another clerk.`);
      }
      const now = this.clock();
      const events: NewOfficeEvent[] = [];
      const previous = this.store.counters.heldBy(staffId);
      if (previous && previous.id !== counterId) {
        if (this.store.tickets.currentAt(previous.id)) {
          throw conflict('ticket_in_progress', `Finish or put back the ticket at ${previous.name} before moving to ${counter.name}.`);
        }
        this.store.counters.setHeldBy(previous.id, null);
        events.push(this.counterEvent('counter.closed', previous, staffId, now));
      }
      if (counter.heldBy !== staffId) {
        this.store.counters.setHeldBy(counterId, staffId);
        events.push(this.counterEvent('counter.opened', counter, staffId, now));
      }
      return { result: { ...counter, heldBy: staffId }, events };
    });
  }

  closeCounter(counterId: number, staffId: number): Counter {
    return this.commit(() => {
      const counter = this.requireHeldCounter(counterId, staffId);
      if (this.store.tickets.currentAt(counterId)) {
        throw conflict('ticket_in_progress', `Finish or put back the current ticket before closing ${counter.name}.`);
      }
      this.store.counters.setHeldBy(counterId, null);
      return { result: { ...counter, heldBy: null }, events: [this.counterEvent('counter.closed', counter, staffId, this.clock())] };
    });
  }

  /**
   * A clerk leaving (logout, expired session) closes their counter. A citizen they had called
   * goes back in line at the original place rather than being lost.
   */
  leaveCounter(staffId: number): void {
    const counter = this.store.counters.heldBy(staffId);
    if (!counter) return;
    this.commit(() => {
      const now = this.clock();
      const events: NewOfficeEvent[] = [];
      const current = this.store.tickets.currentAt(counter.id);
      if (current) events.push(this.transition(current, { kind: 'requeue' }, { staffId }, now));
      this.store.counters.setHeldBy(counter.id, null);
      events.push(this.counterEvent('counter.closed', counter, staffId, now));
      return { result: undefined, events };
    });
  }

  /** The next ticket for the counter, or null when nobody it serves waits. */
  callNext(counterId: number, staffId: number): Ticket | null {
    return this.commit(() => {
      const counter = this.requireHeldCounter(counterId, staffId);
      const current = this.store.tickets.currentAt(counterId);
      if (current) {
        throw conflict('counter_busy', `${counter.name} is still with ticket ${current.number}. Finish it, mark it no-show, or put it back first.`);
      }
      const now = this.clock();
      const policy = this.store.settings.get<QueuePolicyConfig>(QUEUE_POLICY_SETTING, DEFAULT_QUEUE_POLICY);
      const next = pickNextTicket({
        waiting: this.store.tickets.queueHeads(counter.serviceCodes, now),
        counter,
        recentCalls: this.store.tickets.recentCalls(policy.maxConsecutiveUrgent),
        now,
        config: policy,
      });
      if (!next) return { result: null, events: [] };
      const ticket = this.store.tickets.get(next.id)!;
      const event = this.transition(ticket, { kind: 'call', counterId, staffId }, { staffId }, now, counter);
      return { result: this.store.tickets.get(next.id)!, events: [event] };
    });
  }

  /** Calls a particular ticket out of order (a citizen who came back, a clerk's judgement); the reason is logged. */
  callTicket(counterId: number, ticketId: number, reason: string, staffId: number): Ticket {
    return this.commit(() => {
      const counter = this.requireHeldCounter(counterId, staffId);
      const current = this.store.tickets.currentAt(counterId);
      if (current) throw conflict('counter_busy', `${counter.name} is still with ticket ${current.number}.`);
      const ticket = this.requireTicket(ticketId);
      if (!counter.serviceCodes.includes(ticket.serviceCode)) {
        throw conflict('service_not_served', `${counter.name} does not serve ${ticket.serviceCode}; transfer the ticket first.`);
      }
      const event = this.transition(ticket, { kind: 'call', counterId, staffId }, { staffId }, this.clock(), counter, { reason, outOfOrder: true });
      return { result: this.store.tickets.get(ticketId)!, events: [event] };
    });
  }

  /** An action on the ticket at the clerk's own counter. */
  act(ticketId: number, action: Exclude<TicketAction, { kind: 'call' } | { kind: 'transfer' }>, staffId: number): Ticket {
    return this.commit(() => {
      const ticket = this.requireTicket(ticketId);
      const counter = this.requireOwnTicket(ticket, staffId);
      const event = this.transition(ticket, action, { staffId }, this.clock(), counter);
      return { result: this.store.tickets.get(ticketId)!, events: [event] };
    });
  }

  /** Moves a ticket to another service; it keeps its number and its place by original arrival. */
  transfer(ticketId: number, serviceCode: string, staffId: number): Ticket {
    return this.commit(() => {
      const ticket = this.requireTicket(ticketId);
      const target = this.store.services.get(serviceCode);
      if (!target || !target.active) throw badRequest('unknown_service', `There is no active service with code "${serviceCode}".`);
      if (target.code === ticket.serviceCode) throw badRequest('same_service', `Ticket ${ticket.number} is already in ${serviceCode}.`);
      const counter = isAtCounter(ticket.status) ? this.requireOwnTicket(ticket, staffId) : undefined;
      const now = this.clock();
      const result = applyTicketAction(ticket, { kind: 'transfer' }, now);
      if (!result.ok) throw conflict(result.error, result.message);
      this.store.tickets.save(result.ticket);
      const continuation = this.store.tickets.create(continuationOf(result.ticket, target.code));
      const event = this.ticketEvent('ticket.transferred', result.ticket, { staffId }, now, counter, {
        toTicketId: continuation.id,
        toServiceCode: target.code,
      });
      return { result: continuation, events: [event] };
    });
  }

  /** Takes a ticket out of the queue (a citizen who left, a duplicate). */
  cancel(ticketId: number, actor: Actor): Ticket {
    return this.commit(() => {
      const ticket = this.requireTicket(ticketId);
      const event = this.transition(ticket, { kind: 'cancel' }, actor, this.clock());
      return { result: this.store.tickets.get(ticketId)!, events: [event] };
    });
  }

  /** A citizen who walked straight to the desk: served at once, counted like any other ticket. */
  serveWalkUp(counterId: number, serviceCode: string, staffId: number): Ticket {
    const service = this.store.services.get(serviceCode);
    if (!service || !service.active) throw badRequest('unknown_service', `There is no active service with code "${serviceCode}".`);
    return this.commit(() => {
      const counter = this.requireHeldCounter(counterId, staffId);
      if (this.store.tickets.currentAt(counterId)) throw conflict('counter_busy', `${counter.name} already has a current ticket.`);
      const now = this.clock();
      const officeDay = officeDayOf(now);
      const ticket = this.store.tickets.create(
        newTicket({
          number: formatTicketNumber(service.code, this.store.tickets.nextSequence(officeDay, service.code)),
          officeDay,
          serviceCode: service.code,
          arrivedAt: now,
          status: 'serving',
          calledAt: now,
          startedAt: now,
          counterId,
          staffId,
          walkUp: true,
        }),
      );
      const events = [
        this.ticketEvent('ticket.issued', ticket, { staffId }, now, counter, { walkUp: true }),
        this.ticketEvent('ticket.started', ticket, { staffId }, now, counter, { walkUp: true }),
      ];
      return { result: ticket, events };
    });
  }

  /** Records an event outside the queue (a login, a new staff member, a paired kiosk). */
  record(event: NewOfficeEvent): void {
    this.commit(() => ({ result: undefined, events: [event] }));
  }

  /** Stores a change made elsewhere (an ID check) together with its event, in one transaction. */
  recordWith<T>(work: () => { result: T; event: NewOfficeEvent }): T {
    return this.commit(() => {
      const { result, event } = work();
      return { result, events: [event] };
    });
  }

  currentTicket(counterId: number): Ticket | null {
    return this.store.tickets.currentAt(counterId) ?? null;
  }

  private estimateFor(serviceCode: string, urgent: boolean, now: number): number {
    const serving = this.store.counters.list().filter((c) => c.heldBy !== null && c.serviceCodes.includes(serviceCode));
    return estimateWaitMinutes({
      ahead: this.store.tickets.countAhead(serviceCode, urgent, now),
      openCounters: serving.length,
      busyCounters: serving.filter((c) => this.store.tickets.currentAt(c.id)).length,
      serviceMinutes: typicalServiceMinutes(this.store.tickets.recentServiceDurationsMs(serviceCode, SERVICE_TIME_SAMPLE)),
    });
  }

  /** Applies a lifecycle action, saves the ticket and returns the event that records it. */
  private transition(
    ticket: Ticket,
    action: TicketAction,
    actor: Actor,
    now: number,
    counter?: Counter,
    extra: Record<string, unknown> = {},
  ): NewOfficeEvent {
    const result = applyTicketAction(ticket, action, now);
    if (!result.ok) throw conflict(result.error, result.message);
    this.store.tickets.save(result.ticket);
    return this.ticketEvent(EVENT_OF_ACTION[action.kind], result.ticket, actor, now, counter, extra);
  }

  private ticketEvent(
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

  private commit<T>(work: ChangeWithEvents<T>): T {
    return commitWithEvents(this.store, this.bus, work);
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
