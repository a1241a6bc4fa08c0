import type { PriorityClass, StaffRole, TicketStatus } from './types.js';

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

/**
 * Who may see an event on the live stream. `public`: any screen, in the projection below;
 * `clerk`: any staff member; `manager`: managers and admins, the people `GET /api/audit` answers.
 * The one place this is decided: a new event type without an audience does not compile.
 */
export type EventAudience = 'public' | 'clerk' | 'manager';

export const EVENT_AUDIENCE: { readonly [T in EventType]: EventAudience } = {
  'ticket.issued': 'public',
  'ticket.called': 'public',
  'ticket.recalled': 'public',
  'ticket.started': 'public',
  'ticket.finished': 'public',
  'ticket.no_show': 'public',
  'ticket.requeued': 'public',
  'ticket.transferred': 'public',
  'ticket.cancelled': 'public',
  // The counter page shows which counters are open and by whom.
  'counter.opened': 'clerk',
  'counter.closed': 'clerk',
  // Who logged in when, account changes, pairing, settings and exports are the audit trail.
  'staff.login': 'manager',
  'staff.logout': 'manager',
  'staff.created': 'manager',
  'staff.updated': 'manager',
  'staff.password_reset': 'manager',
  'staff.deactivated': 'manager',
  'staff.reactivated': 'manager',
  'kiosk.paired': 'manager',
  'kiosk.revoked': 'manager',
  'issuance.refused': 'manager',
  // A verdict and document format, nothing personal; clerks check IDs at the desk too.
  'id_check.completed': 'clerk',
  'config.changed': 'manager',
  'export.downloaded': 'manager',
  // Clerks book at the desk and keep the day's bookings open while they do.
  'appointment.booked': 'clerk',
  'appointment.cancelled': 'clerk',
  'appointment.moved': 'clerk',
  'appointment.checked_in': 'clerk',
  'appointment.no_show': 'clerk',
  'audit.verified': 'manager',
  'retention.purged': 'manager',
};

const AUDIENCE_RANK: { readonly [A in EventAudience]: number } = { public: 0, clerk: 1, manager: 2 };

/** The audience a caller belongs to: anyone without a staff session is the public. */
export function audienceOfRole(role: StaffRole | null): EventAudience {
  if (role === null) return 'public';
  return role === 'clerk' ? 'clerk' : 'manager';
}

/**
 * What a viewer of the live stream gets of an event: staff the whole event when their audience
 * reaches the event's, the public its projection, anyone else nothing.
 */
export function eventForViewer(event: OfficeEvent, viewer: EventAudience): OfficeEvent | PublicEvent | null {
  if (AUDIENCE_RANK[EVENT_AUDIENCE[event.type]] > AUDIENCE_RANK[viewer]) return null;
  return viewer === 'public' ? toPublicEvent(event) : event;
}

/**
 * The public projection of an event, or null when the event has nothing for a public screen.
 * Priority is left out on purpose: "urgent" next to a number hints at a hospital letter.
 */
export function toPublicEvent(event: OfficeEvent): PublicEvent | null {
  if (EVENT_AUDIENCE[event.type] !== 'public') return null;
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

/**
 * Tells a page that the host will not replay what it missed (it was away since before today, or
 * names an event the host does not have): reload the state, then follow live. It carries the
 * newest sequence as its id, so the browser's next reconnect resumes from there.
 */
export const LIVE_RESET_EVENT = 'reset';
