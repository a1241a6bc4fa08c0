import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Store } from '../db/store.js';
import type { Appointments } from './appointments.js';
import type { HostConfig } from './config.js';
import type { EventBus } from './event-bus.js';
import type { HostScanner } from './host-scanner.js';
import type { IdChecker } from './id-checker.js';
import type { Office } from './office.js';
import type { PasswordHashing } from './password-hashing.js';

/** The Fastify instance with TypeBox schemas typing each route's body, params and query. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What every route group is given: the store, the office operations and the live event bus. */
export interface HostContext {
  config: HostConfig;
  store: Store;
  office: Office;
  bus: EventBus;
  idChecker: IdChecker;
  hostScanner: HostScanner;
  appointments: Appointments;
  passwords: PasswordHashing;
}
