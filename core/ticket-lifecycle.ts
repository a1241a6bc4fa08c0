import type { Outcome, Ticket, TicketStatus } from './types.js';

/**
 * What a clerk can do to a ticket, and what each action does to it. The host persists the
 * result; it never changes a ticket any other way.
 */
export type TicketAction =
  | { kind: 'call'; counterId: number; staffId: number }
  | { kind: 'recall' }
  | { kind: 'start' }
  | { kind: 'finish'; outcome: Outcome }
  | { kind: 'no_show' }
  | { kind: 'requeue' }
  | { kind: 'transfer' }
  | { kind: 'cancel' };

export type TicketActionKind = TicketAction['kind'];

export type LifecycleError = 'invalid_transition';

export type LifecycleResult = { ok: true; ticket: Ticket } | { ok: false; error: LifecycleError; message: string };

/**
 * Which statuses an action may start from.
 * - `call` also takes a `no_show`: a citizen who stepped out and came back is called again, and
 *   statistics then count the last call.
 * - `finish` also takes `called`: a clerk who serves at once should not need to press Start.
 * - `transfer` takes a waiting ticket too, so a clerk can fix a citizen's wrong service choice.
 */
const ALLOWED_FROM: Record<TicketActionKind, readonly TicketStatus[]> = {
  call: ['waiting', 'no_show'],
  recall: ['called'],
  start: ['called'],
  finish: ['called', 'serving'],
  no_show: ['called'],
  requeue: ['called', 'serving'],
  transfer: ['waiting', 'called', 'serving'],
  cancel: ['waiting'],
};

export function canApply(ticket: Ticket, kind: TicketActionKind): boolean {
  return ALLOWED_FROM[kind].includes(ticket.status);
}

export function applyTicketAction(ticket: Ticket, action: TicketAction, now: number): LifecycleResult {
  if (!canApply(ticket, action.kind)) {
    return {
      ok: false,
      error: 'invalid_transition',
      message: `Ticket ${ticket.number} is ${ticket.status}; cannot ${action.kind.replace('_', '-')} it.`,
    };
  }
  return { ok: true, ticket: nextState(ticket, action, now) };
}

function nextState(ticket: Ticket, action: TicketAction, now: number): Ticket {
  switch (action.kind) {
    case 'call':
      return {
        ...ticket,
        status: 'called',
        calledAt: now,
        startedAt: null,
        // A citizen called again after a no-show is live again: the old end time no longer holds.
        finishedAt: null,
        callCount: ticket.callCount + 1,
        counterId: action.counterId,
        staffId: action.staffId,
      };
    case 'recall':
      // The display announces it again; the wait still ends at the first call.
      return { ...ticket, callCount: ticket.callCount + 1 };
    case 'start':
      return { ...ticket, status: 'serving', startedAt: now };
    case 'finish':
      return { ...ticket, status: 'done', startedAt: ticket.startedAt ?? now, finishedAt: now, outcome: action.outcome };
    case 'no_show':
      return { ...ticket, status: 'no_show', finishedAt: now };
    case 'requeue':
      // Back in line at the original arrival time: the citizen only stepped out.
      return { ...ticket, status: 'waiting', counterId: null, staffId: null, startedAt: null };
    case 'transfer':
      return { ...ticket, status: 'transferred', finishedAt: now };
    case 'cancel':
      return { ...ticket, status: 'cancelled', finishedAt: now };
  }
}

/** What a new ticket must be told; everything else starts empty. */
export type NewTicketFields = Pick<Ticket, 'number' | 'officeDay' | 'serviceCode' | 'arrivedAt'> &
  Partial<Omit<Ticket, 'id' | 'number' | 'officeDay' | 'serviceCode' | 'arrivedAt'>>;

/**
 * A ticket not yet stored: waiting, normal priority, callable from arrival unless told otherwise.
 * `callableAt` is never before `arrivedAt`, which the host's queue index relies on.
 */
export function newTicket(fields: NewTicketFields): Omit<Ticket, 'id'> {
  const ticket: Omit<Ticket, 'id'> = {
    priority: 'normal',
    urgentReason: null,
    status: 'waiting',
    callableAt: fields.arrivedAt,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    callCount: 0,
    counterId: null,
    staffId: null,
    outcome: null,
    idCheckId: null,
    supplementDeclared: null,
    manualIdCheck: false,
    estimatedWaitMinutes: null,
    transferredFromId: null,
    walkUp: false,
    ...fields,
  };
  return { ...ticket, callableAt: Math.max(ticket.callableAt, ticket.arrivedAt) };
}

/** The ticket that continues a transferred one in its new service: same number, same place in line. */
export function continuationOf(transferred: Ticket, serviceCode: string): Omit<Ticket, 'id'> {
  return newTicket({
    number: transferred.number,
    officeDay: transferred.officeDay,
    serviceCode,
    priority: transferred.priority,
    urgentReason: transferred.urgentReason,
    arrivedAt: transferred.arrivedAt,
    callableAt: transferred.callableAt,
    idCheckId: transferred.idCheckId,
    supplementDeclared: transferred.supplementDeclared,
    manualIdCheck: transferred.manualIdCheck,
    transferredFromId: transferred.id,
  });
}

/** A ticket still owned by a counter: it blocks that counter from calling another. */
export function isAtCounter(status: TicketStatus): boolean {
  return status === 'called' || status === 'serving';
}
