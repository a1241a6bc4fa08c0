import type { StaffView } from '../../../contract/staff.js';
import type { CounterSetupView, KioskDeviceView, PairedKioskView, ServiceSetupView } from '../../../contract/config.js';
import type { IssuanceLimits } from '../../../core/issuance-limit.js';
import type { IdRules } from '../../../core/idcheck/rules.js';
import type { OpeningHours } from '../../../core/opening-hours.js';
import type { QueuePolicyConfig } from '../../../core/queue-policy.js';
import type { RetentionSettings } from '../../../core/retention.js';
import type { CounterOrdering, LocalizedText, Service, StaffRole } from '../../../core/types.js';
import { request } from './api.js';

export interface CounterChanges {
  name?: string;
  serviceCodes?: string[];
  ordering?: CounterOrdering;
  active?: boolean;
}

export interface NewStaffMember {
  username: string;
  displayName: string;
  password: string;
  role: StaffRole;
}

/** The manager page's configuration client: one function per route of the host's configuration API. */
export const configApi = {
  services: () => request<ServiceSetupView[]>('GET', '/api/config/services'),
  createService: (service: Service) => request<ServiceSetupView>('POST', '/api/config/services', service),
  updateService: (code: string, changes: { names?: LocalizedText; needsIdCheck?: boolean; slaMinutes?: number; active?: boolean }) =>
    request<ServiceSetupView>('PATCH', `/api/config/services/${encodeURIComponent(code)}`, changes),

  counters: () => request<CounterSetupView[]>('GET', '/api/config/counters'),
  createCounter: (counter: { name: string; serviceCodes: string[]; ordering: CounterOrdering }) => request<CounterSetupView>('POST', '/api/config/counters', counter),
  updateCounter: (id: number, changes: CounterChanges) => request<CounterSetupView>('PATCH', `/api/config/counters/${id}`, changes),

  staff: () => request<StaffView[]>('GET', '/api/staff'),
  createStaff: (member: NewStaffMember) => request<StaffView>('POST', '/api/staff', member),
  updateStaff: (id: number, changes: { displayName?: string; role?: StaffRole }) => request<StaffView>('PATCH', `/api/staff/${id}`, changes),
  /** `currentPassword` is asked for, and required by the host, when the password is your own. */
  resetPassword: (id: number, passwords: { password: string; currentPassword?: string }) =>
    request<{ sessionsEnded: number }>('POST', `/api/staff/${id}/password`, passwords),
  deactivateStaff: (id: number) => request<{ member: StaffView; sessionsEnded: number }>('POST', `/api/staff/${id}/deactivate`),
  reactivateStaff: (id: number) => request<StaffView>('POST', `/api/staff/${id}/reactivate`),

  openingHours: () => request<OpeningHours>('GET', '/api/config/opening-hours'),
  saveOpeningHours: (hours: OpeningHours) => request<OpeningHours>('PUT', '/api/config/opening-hours', hours),

  idRules: () => request<IdRules>('GET', '/api/config/id-rules'),
  saveIdRules: (rules: IdRules) => request<IdRules>('PUT', '/api/config/id-rules', rules),

  queuePolicy: () => request<QueuePolicyConfig>('GET', '/api/config/queue-policy'),
  saveQueuePolicy: (policy: QueuePolicyConfig) => request<QueuePolicyConfig>('PUT', '/api/config/queue-policy', policy),

  issuanceLimits: () => request<IssuanceLimits>('GET', '/api/config/issuance-limits'),
  saveIssuanceLimits: (limits: IssuanceLimits) => request<IssuanceLimits>('PUT', '/api/config/issuance-limits', limits),

  kioskDevices: () => request<KioskDeviceView[]>('GET', '/api/kiosk-devices'),
  pairKiosk: (name: string) => request<PairedKioskView>('POST', '/api/kiosk-devices', { name }),
  revokeKiosk: (id: number) => request<KioskDeviceView>('POST', `/api/kiosk-devices/${id}/revoke`, {}),

  retention: () => request<RetentionSettings>('GET', '/api/config/retention'),
  saveRetention: (setting: RetentionSettings) => request<RetentionSettings>('PUT', '/api/config/retention', setting),
};
