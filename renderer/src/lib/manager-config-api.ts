import type { CreateStaffRequest, DeactivatedStaffView, PasswordSetView, SetPasswordRequest, StaffView, UpdateStaffRequest } from '../../../contract/staff.js';
import type {
  CounterSetupView,
  CreateCounterRequest,
  CreateServiceRequest,
  IdRulesSettings as IdRules,
  IssuanceLimitsSettings as IssuanceLimits,
  KioskDeviceView,
  OpeningHoursSettings as OpeningHours,
  PairedKioskView,
  QueuePolicySettings as QueuePolicyConfig,
  RetentionSettings,
  ServiceSetupView,
  UpdateCounterRequest,
  UpdateServiceRequest,
} from '../../../contract/config.js';
import { request } from './api.js';

/** The manager page's configuration client: one function per route of the host's configuration API. */
export const configApi = {
  services: () => request<ServiceSetupView[]>('GET', '/api/config/services'),
  createService: (service: CreateServiceRequest) => request<ServiceSetupView>('POST', '/api/config/services', service),
  updateService: (code: string, changes: Omit<UpdateServiceRequest, 'code'>) =>
    request<ServiceSetupView>('PATCH', `/api/config/services/${encodeURIComponent(code)}`, changes),

  counters: () => request<CounterSetupView[]>('GET', '/api/config/counters'),
  createCounter: (counter: CreateCounterRequest) => request<CounterSetupView>('POST', '/api/config/counters', counter),
  updateCounter: (id: number, changes: UpdateCounterRequest) => request<CounterSetupView>('PATCH', `/api/config/counters/${id}`, changes),

  staff: () => request<StaffView[]>('GET', '/api/staff'),
  createStaff: (member: CreateStaffRequest) => request<StaffView>('POST', '/api/staff', member),
  updateStaff: (id: number, changes: UpdateStaffRequest) => request<StaffView>('PATCH', `/api/staff/${id}`, changes),
  /** `currentPassword` is asked for, and required by the host, when the password is your own. */
  resetPassword: (id: number, passwords: SetPasswordRequest) =>
    request<PasswordSetView>('POST', `/api/staff/${id}/password`, passwords),
  deactivateStaff: (id: number) => request<DeactivatedStaffView>('POST', `/api/staff/${id}/deactivate`),
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
