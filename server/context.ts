import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Store } from '../db/store.js';
import type { Appointments } from '../office/appointments.js';
import type { AuditTrail } from '../office/audit-trail.js';
import type { Configuration } from '../office/configuration.js';
import type { IdChecker } from '../office/id-checker.js';
import type { KioskDevices } from '../office/kiosk-devices.js';
import type { Office } from '../office/queue.js';
import type { SignIn } from '../office/sign-in.js';
import type { StaffAccounts } from '../office/staff-accounts.js';
import type { HostConfig } from './config.js';
import type { EventBus } from './event-bus.js';
import type { HostScanner } from './host-scanner.js';
import type { PasswordHashing } from './password-hashing.js';

/** The Fastify instance with TypeBox schemas typing each route's body, params and query. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What every route group is given: the office's use cases (office/), the store's read views and the live event bus. */
export interface HostContext {
  config: HostConfig;
  store: Store;
  office: Office;
  bus: EventBus;
  idChecker: IdChecker;
  hostScanner: HostScanner;
  appointments: Appointments;
  configuration: Configuration;
  staffAccounts: StaffAccounts;
  signIn: SignIn;
  kioskDevices: KioskDevices;
  auditTrail: AuditTrail;
  passwords: PasswordHashing;
}
