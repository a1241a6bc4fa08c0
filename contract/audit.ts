import { Type, type Static } from 'typebox';
import { EVENT_TYPES } from '../core/events.js';
import { DayParam, IsoTime, LocalizedText, Nullable } from './common.js';

/** A page of the log: enough to fill a screen a few times over, small enough to answer at once. */
export const MAX_AUDIT_PAGE = 200;
export const DEFAULT_AUDIT_PAGE = 50;

export const AuditQuery = Type.Object({
  from: Type.Optional(DayParam),
  to: Type.Optional(DayParam),
  type: Type.Optional(Type.Union(EVENT_TYPES.map((t) => Type.Literal(t)))),
  staffId: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AUDIT_PAGE, default: DEFAULT_AUDIT_PAGE })),
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'Only events with a smaller sequence number: the previous page’s nextBefore' })),
});

/** One line of the audit log page. Events hold no personal data, so neither does this. */
export const AuditEntryView = Type.Object({
  seq: Type.Integer(),
  at: IsoTime,
  type: Type.String(),
  /** Who did it; null for the kiosk and the host's own jobs. */
  staff: Nullable(Type.Object({ id: Type.Integer(), displayName: Type.String(), username: Type.String() })),
  counterName: Nullable(Type.String()),
  ticketNumber: Nullable(Type.String()),
  description: LocalizedText,
});
export type AuditEntryView = Static<typeof AuditEntryView>;

/** Newest first; `nextBefore` is the `before` of the next (older) page, null when there is none. */
export const AuditPageView = Type.Object({ entries: Type.Array(AuditEntryView), nextBefore: Nullable(Type.Integer()) });
export type AuditPageView = Static<typeof AuditPageView>;

/** `POST /api/audit/verify` (core/audit-chain.ts). */
export const AuditVerificationView = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  /** The first event that cannot be vouched for; absent when the chain is whole. */
  firstBrokenSeq: Type.Optional(Type.Integer()),
  /** The last event of an unbroken chain and its hash: note them to detect a later rewrite. */
  lastSeq: Nullable(Type.Integer()),
  lastHash: Nullable(Type.String()),
});
export type AuditVerificationView = Static<typeof AuditVerificationView>;
