import type { AgeBracket, CheckedDocument, IdRejectReason, IdVerdict, Supplement } from './idcheck/types.js';
import type { CounterOrdering, LocalizedText, Outcome, PriorityClass, StaffRole, TicketStatus, UrgentReason } from './types.js';

/** The JSON the office host sends: the contract between the host and every page. Times are ISO 8601. */

export interface ServiceView {
  code: string;
  names: LocalizedText;
  needsIdCheck: boolean;
  slaMinutes: number;
}

export interface TicketView {
  id: number;
  number: string;
  serviceCode: string;
  priority: PriorityClass;
  urgentReason: UrgentReason | null;
  status: TicketStatus;
  estimatedWaitMinutes: number | null;
  arrivedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  callCount: number;
  counterId: number | null;
  outcome: Outcome | null;
  idCheckId: number | null;
  supplementDeclared: boolean | null;
  manualIdCheck: boolean;
  transferredFromId: number | null;
  walkUp: boolean;
}

export interface CounterView {
  id: number;
  name: string;
  serviceCodes: string[];
  ordering: CounterOrdering;
  heldBy: { id: number; displayName: string } | null;
}

export interface CounterDetailView extends CounterView {
  currentTicket: TicketView | null;
}

export interface StaffView {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  createdAt: number;
}

export interface MeView {
  staff: StaffView;
  counterId: number | null;
}

export interface DisplayCall {
  seq: number;
  at: string;
  type: 'ticket.called' | 'ticket.recalled';
  number: string;
  counterName: string | null;
}

export interface DisplayView {
  officeName: string;
  calls: DisplayCall[];
  /** Connect the event stream from here so no call falls between this answer and the stream. */
  lastSeq: number;
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** The outcome of a MitID pre-check, as the kiosk and the counter see it; never the document itself. */
export interface IdCheckView {
  id: number;
  at: string;
  verdict: IdVerdict;
  reasons: IdRejectReason[];
  document: CheckedDocument | null;
  supplement: Supplement | null;
  ageBracket: AgeBracket | null;
  /** The office's minimum age for MitID, for the words of a `too_young` rejection. */
  minimumAge: number;
}

/** The state of a document reader attached to the host PC. */
export interface HostScannerStatusView {
  kind: 'none' | 'hid-pos' | 'simulator';
  state: 'connected' | 'disconnected' | 'error' | 'none';
  detail?: string;
}
