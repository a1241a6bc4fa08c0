import { Type, type Static } from 'typebox';
import { IsoTime, Nullable, Outcome, PriorityClass, ServiceCode, TicketStatus, UrgentReason } from './common.js';

/** A ticket as the API shows it. Tickets carry no personal data. */
export const TicketView = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  serviceCode: Type.String(),
  priority: PriorityClass,
  urgentReason: Nullable(UrgentReason),
  status: TicketStatus,
  estimatedWaitMinutes: Nullable(Type.Number()),
  arrivedAt: IsoTime,
  calledAt: Nullable(IsoTime),
  startedAt: Nullable(IsoTime),
  finishedAt: Nullable(IsoTime),
  callCount: Type.Integer(),
  counterId: Nullable(Type.Integer()),
  outcome: Nullable(Outcome),
  idCheckId: Nullable(Type.Integer()),
  supplementDeclared: Nullable(Type.Boolean()),
  manualIdCheck: Type.Boolean(),
  transferredFromId: Nullable(Type.Integer()),
  walkUp: Type.Boolean(),
});
export type TicketView = Static<typeof TicketView>;

/** The kiosk's ID step, carried by a walk-in ticket and by a booked citizen's check-in alike. */
export const TicketIdStep = {
  idCheckId: Type.Optional(Type.Integer({ minimum: 1 })),
  supplementDeclared: Type.Optional(Type.Boolean()),
  manualIdCheck: Type.Optional(Type.Boolean()),
};

/** `POST /api/tickets`: the kiosk (or a clerk) issues a ticket. */
export const IssueTicketRequest = Type.Object(
  {
    serviceCode: ServiceCode,
    urgent: Type.Optional(Type.Object({ reason: UrgentReason }, { additionalProperties: false })),
    ...TicketIdStep,
  },
  { additionalProperties: false },
);
export type IssueTicketRequest = Static<typeof IssueTicketRequest>;

export const FinishTicketRequest = Type.Object({ outcome: Outcome }, { additionalProperties: false });
export type FinishTicketRequest = Static<typeof FinishTicketRequest>;

export const TransferTicketRequest = Type.Object({ serviceCode: ServiceCode }, { additionalProperties: false });
export type TransferTicketRequest = Static<typeof TransferTicketRequest>;
