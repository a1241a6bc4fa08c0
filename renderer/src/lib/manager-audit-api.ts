import type { AuditPageView, AuditVerificationView } from '../../../contract/audit.js';
import { request } from './api.js';

/** Which events a page asks for; every filter may be left out. */
export interface AuditQuery {
  from?: string;
  to?: string;
  type?: string;
  before?: number;
  limit?: number;
}

function queryString(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The audit log page's client: one function per route of the host's audit API. */
export const auditApi = {
  page: (query: AuditQuery) => request<AuditPageView>('GET', `/api/audit${queryString(query)}`),
  verify: () => request<AuditVerificationView>('POST', '/api/audit/verify'),
};
