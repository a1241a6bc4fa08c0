import type { CounterDetailView, CounterView } from '../../../contract/counters.js';
import type { DisplayView } from '../../../contract/display.js';
import type { ApiErrorBody } from '../../../contract/errors.js';
import type { IdCheckView } from '../../../contract/id-checks.js';
import type { ServiceView } from '../../../contract/services.js';
import type { MeView, PasswordSetView } from '../../../contract/staff.js';
import type { IssueTicketRequest, TicketView } from '../../../contract/tickets.js';
import type { Outcome } from '../../../core/types.js';

/**
 * A call to the host that failed, as the page received it: a refusal (4xx/5xx, its body the
 * contract's `ApiErrorBody`) with its machine-readable code, or `network` when the host could not
 * be reached. The host's own `ApiError` (server/errors.ts) is the other end: the error it throws.
 */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One call to the host; each page area's client (e.g. lib/manager-*-api.ts) builds on it. A change
 * always carries a JSON body, `{}` when it has nothing to say: the host refuses any other, because
 * another site's form could send one with this browser's cookie.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const sent = body === undefined && method !== 'GET' ? {} : body;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: sent === undefined ? {} : { 'content-type': 'application/json' },
      body: sent === undefined ? undefined : JSON.stringify(sent),
    });
  } catch {
    throw new ApiCallError(0, 'network', 'The office host cannot be reached.');
  }
  if (response.status === 204) return null as T;
  return answerOf<T>(response);
}

/** The JSON of an answer, or the refusal it carries thrown as an `ApiCallError`. */
export async function answerOf<T>(response: Response): Promise<T> {
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (payload as ApiErrorBody | null)?.error;
    throw new ApiCallError(response.status, error?.code ?? 'http_error', error?.message ?? `HTTP ${response.status}`);
  }
  return payload as T;
}

/** The one typed client every page uses; it mirrors the host's routes one to one. */
export const api = {
  services: () => request<ServiceView[]>('GET', '/api/services'),
  checkId: (mrz: string) => request<IdCheckView>('POST', '/api/id-checks', { mrz }),
  idCheck: (id: number) => request<IdCheckView>('GET', `/api/id-checks/${id}`),
  issueTicket: (body: IssueTicketRequest) => request<TicketView>('POST', '/api/tickets', body),
  login: (username: string, password: string) => request<MeView>('POST', '/api/auth/login', { username, password }),
  logout: () => request<null>('POST', '/api/auth/logout'),
  me: () => request<MeView>('GET', '/api/me'),
  counters: () => request<CounterView[]>('GET', '/api/counters'),
  counter: (id: number) => request<CounterDetailView>('GET', `/api/counters/${id}`),
  openCounter: (id: number) => request<CounterView>('POST', `/api/counters/${id}/open`),
  closeCounter: (id: number) => request<CounterView>('POST', `/api/counters/${id}/close`),
  callNext: (id: number) => request<TicketView | null>('POST', `/api/counters/${id}/call-next`),
  callTicket: (counterId: number, ticketId: number, reason: string) =>
    request<TicketView>('POST', `/api/counters/${counterId}/call`, { ticketId, reason }),
  walkUp: (counterId: number, serviceCode: string) => request<TicketView>('POST', `/api/counters/${counterId}/walk-up`, { serviceCode }),
  recall: (ticketId: number) => request<TicketView>('POST', `/api/tickets/${ticketId}/recall`),
  start: (ticketId: number) => request<TicketView>('POST', `/api/tickets/${ticketId}/start`),
  noShow: (ticketId: number) => request<TicketView>('POST', `/api/tickets/${ticketId}/no-show`),
  requeue: (ticketId: number) => request<TicketView>('POST', `/api/tickets/${ticketId}/requeue`),
  finish: (ticketId: number, outcome: Outcome) => request<TicketView>('POST', `/api/tickets/${ticketId}/finish`, { outcome }),
  transfer: (ticketId: number, serviceCode: string) => request<TicketView>('POST', `/api/tickets/${ticketId}/transfer`, { serviceCode }),
  queue: () => request<TicketView[]>('GET', '/api/queue'),
  display: () => request<DisplayView>('GET', '/api/display'),
  changeOwnPassword: (staffId: number, currentPassword: string, password: string) =>
    request<PasswordSetView>('POST', `/api/staff/${staffId}/password`, { currentPassword, password }),
};
