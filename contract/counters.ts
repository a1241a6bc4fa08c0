import { Type, type Static } from 'typebox';
import { CounterOrdering, Holder, Nullable, ServiceCode } from './common.js';
import { TicketView } from './tickets.js';

export const CounterView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  /** Most preferred first. */
  serviceCodes: Type.Array(Type.String()),
  ordering: CounterOrdering,
  heldBy: Nullable(Holder),
});
export type CounterView = Static<typeof CounterView>;

export const CounterDetailView = Type.Object({ ...CounterView.properties, currentTicket: Nullable(TicketView) });
export type CounterDetailView = Static<typeof CounterDetailView>;

/** `POST /api/counters/:id/call`: a ticket out of order; the reason is logged. */
export const CallTicketRequest = Type.Object(
  { ticketId: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type CallTicketRequest = Static<typeof CallTicketRequest>;

export const WalkUpRequest = Type.Object({ serviceCode: ServiceCode }, { additionalProperties: false });
export type WalkUpRequest = Static<typeof WalkUpRequest>;
