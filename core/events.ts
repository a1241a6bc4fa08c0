import type { PriorityClass, TicketStatus } from './types.js';

/**
 * Every change in the office is an event with a sequence number. The live stream replays from
 * them, statistics are computed from them, and together they are the audit trail.
 */
export const EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.finished',
  'ticket.no_show',
  'ticket.requeued',
  'ticket.transferred',
  'ticket.cancelled',
  'counter.opened',
  'counter.closed',
  'staff.login',
  'staff.logout',
  'staff.created',
  'staff.updated',
  'staff.password_reset',
  'staff.deactivated',
  'staff.reactivated',
  'kiosk.paired',
  'kiosk.revoked',
  'issuance.refused',
  'id_check.completed',
  'config.changed',
  'export.downloaded',
  'appointment.booked',
  'appointment.cancelled',
  'appointment.moved',
  'appointment.checked_in',
  'appointment.no_show',
  'audit.verified',
  'retention.purged',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What an event says about a ticket; never anything about the person holding it. */
export interface TicketEventData {
  number: string;
  serviceCode: string;
  status: TicketStatus;
  priority: PriorityClass;
  urgentReason?: string | null;
  counterId?: number | null;
  counterName?: string | null;
  outcome?: string | null;
  /** For `ticket.transferred`: the continuing ticket and the service it moved to. */
  toTicketId?: number;
  toServiceCode?: string;
  reason?: string;
  [key: string]: unknown;
}

export interface OfficeEvent {
  seq: number;
  at: number;
  type: EventType;
  ticketId: number | null;
  counterId: number | null;
  staffId: number | null;
  data: Record<string, unknown>;
}

export type NewOfficeEvent = Omit<OfficeEvent, 'seq'>;

/** What a waiting-room screen may see: ticket numbers, services, counters and statuses, nothing else. */
export interface PublicEvent {
  seq: number;
  at: number;
  type: EventType;
  data: { number: string; serviceCode: string; status: TicketStatus; counterName: string | null };
}

/** Ticket events are public (in projection); counter, staff, kiosk and ID-check events are not. */
const PUBLIC_TYPES: ReadonlySet<EventType> = new Set(EVENT_TYPES.filter((type) => type.startsWith('ticket.')));

/**
 * The public projection of an event, or null when the event has nothing for a public screen.
 * Priority is left out on purpose: "urgent" next to a number hints at a hospital letter.
 */
export function toPublicEvent(event: OfficeEvent): PublicEvent | null {
  if (!PUBLIC_TYPES.has(event.type)) return null;
  const d = event.data as Partial<TicketEventData>;
  if (typeof d.number !== 'string' || typeof d.serviceCode !== 'string' || typeof d.status !== 'string') return null;
  return {
    seq: event.seq,
    at: event.at,
    type: event.type,
    data: {
      number: d.number,
      serviceCode: d.serviceCode,
      status: d.status,
      counterName: typeof d.counterName === 'string' ? d.counterName : null,
    },
  };
}

/**
 * The live stream says "still here" this often, as a named event without an id (so it moves no
 * client's Last-Event-ID). A screen that hears nothing for a few beats knows its stream died
 * silently — a router dropping an idle connection gives no error — and reconnects.
 */
export const LIVE_HEARTBEAT_EVENT = 'heartbeat';
export const LIVE_HEARTBEAT_MS = 15_000;
