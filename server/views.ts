import type { CounterView } from '../contract/counters.js';
import type { TicketView } from '../contract/tickets.js';
import type { Counter, Ticket } from '../core/types.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A ticket as the API shows it: times as ISO 8601. Tickets carry no personal data. */
export function ticketView(t: Ticket): TicketView {
  return {
    id: t.id,
    number: t.number,
    serviceCode: t.serviceCode,
    priority: t.priority,
    urgentReason: t.urgentReason,
    status: t.status,
    estimatedWaitMinutes: t.estimatedWaitMinutes,
    arrivedAt: new Date(t.arrivedAt).toISOString(),
    calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.finishedAt),
    callCount: t.callCount,
    counterId: t.counterId,
    outcome: t.outcome,
    idCheckId: t.idCheckId,
    supplementDeclared: t.supplementDeclared,
    manualIdCheck: t.manualIdCheck,
    transferredFromId: t.transferredFromId,
    walkUp: t.walkUp,
  };
}

export function counterView(c: Counter, holderName: string | null): CounterView {
  return {
    id: c.id,
    name: c.name,
    serviceCodes: c.serviceCodes,
    ordering: c.ordering,
    heldBy: c.heldBy === null ? null : { id: c.heldBy, displayName: holderName ?? '' },
  };
}
