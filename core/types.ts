/**
 * The office's vocabulary, shared by every layer (the renderer imports these types too).
 * Times are epoch milliseconds inside the product and ISO 8601 strings on the wire.
 */

export const LANGUAGES = ['da', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
/** Every user-facing text exists in Danish first and English second. */
export type LocalizedText = Record<Lang, string>;

export const PRIORITY_CLASSES = ['urgent', 'appointment', 'normal'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

export const URGENT_REASONS = ['hospital_summons', 'other'] as const;
export type UrgentReason = (typeof URGENT_REASONS)[number];

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'cancelled',
  'transferred',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const OUTCOMES = ['mitid_issued', 'refused_no_valid_id', 'referred', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const STAFF_ROLES = ['clerk', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Service {
  /** One capital letter; it prefixes the ticket numbers (M001). */
  code: string;
  names: LocalizedText;
  needsIdCheck: boolean;
  /** The manager's target: a ticket should be called within this many minutes. */
  slaMinutes: number;
  active: boolean;
}

/**
 * How a counter picks among the services it serves: `arrival` treats them alike (oldest ticket
 * first), `preference` empties the first-listed service before helping with the next.
 */
export type CounterOrdering = 'arrival' | 'preference';

export interface Counter {
  id: number;
  name: string;
  /** Services this counter serves, most preferred first. */
  serviceCodes: string[];
  ordering: CounterOrdering;
  /** The staff member holding the counter now, or null when it is closed. */
  heldBy: number | null;
}

export interface Ticket {
  id: number;
  /** Per office day and service: `M001`. A transferred ticket keeps its number. */
  number: string;
  /** Copenhagen calendar day the ticket was issued on, `YYYY-MM-DD`. */
  officeDay: string;
  serviceCode: string;
  priority: PriorityClass;
  urgentReason: UrgentReason | null;
  status: TicketStatus;
  /** When the citizen first arrived; a transfer keeps it, so the ticket keeps its place. */
  arrivedAt: number;
  /** Earliest moment the ticket may be called (a booked citizen who checks in early waits for the slot). */
  callableAt: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  callCount: number;
  counterId: number | null;
  staffId: number | null;
  outcome: Outcome | null;
  idCheckId: number | null;
  /** The citizen's answer at the kiosk: "I have my health card or certificate of residence with me". */
  supplementDeclared: boolean | null;
  /** No scannable document: the clerk checks the ID by hand. */
  manualIdCheck: boolean;
  estimatedWaitMinutes: number | null;
  /** For a ticket created by a transfer: the ticket it continues. */
  transferredFromId: number | null;
  /** Served without ever queueing: the citizen walked straight to the desk. */
  walkUp: boolean;
}
