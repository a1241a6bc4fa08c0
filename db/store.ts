import type { NewOfficeEvent, OfficeEvent } from '../core/events.js';
import { AppointmentRepository } from './appointments.js';
import { openDatabase, schemaVersion, type Db } from './database.js';
import { CounterRepository } from './counters.js';
import { EventRepository } from './events.js';
import { GroupCommitter } from './group-commit.js';
import { IdCheckRepository } from './id-checks.js';
import { KioskDeviceRepository } from './kiosk-devices.js';
import { RetentionRepository } from './retention.js';
import { ServiceRepository } from './services.js';
import { SessionRepository } from './sessions.js';
import { SettingsRepository } from './settings.js';
import { StaffRepository } from './staff.js';
import { TicketRepository } from './tickets.js';

/*
 * Readable and writable handles are distinct types (as in Signal-Desktop's ts/sql/Interface.ts):
 * the store itself offers only read views, and the repositories that write are handed out only to
 * the callback of `store.change`, which stores the change and its events in one transaction. A
 * write anywhere else does not compile.
 */
export type TicketReader = Pick<TicketRepository, 'get' | 'waiting' | 'queueHeads' | 'currentAt' | 'recentCalls' | 'recentServiceDurationsMs' | 'countAhead' | 'ofDay'>;
export type CounterReader = Pick<CounterRepository, 'list' | 'get' | 'heldBy' | 'listSetup' | 'setup'>;
export type ServiceReader = Pick<ServiceRepository, 'list' | 'get' | 'nextSortOrder'>;
export type StaffReader = Pick<StaffRepository, 'get' | 'findForLogin' | 'list' | 'isEmpty' | 'activeAdminCount'>;
export type SessionReader = Pick<SessionRepository, 'find' | 'onEnded'>;
export type EventReader = Pick<EventRepository, 'since' | 'lastSeq' | 'firstSeqFrom' | 'latestCallsSince'>;
export type IdCheckReader = Pick<IdCheckRepository, 'get' | 'countSameDocument'>;
export type SettingsReader = Pick<SettingsRepository, 'get'>;
export type KioskDeviceReader = Pick<KioskDeviceRepository, 'findActive' | 'get' | 'list'>;
export type AppointmentReader = Pick<AppointmentRepository, 'get' | 'findByCode' | 'isCodeActive' | 'hasExternalUid' | 'overlapping' | 'ofDay' | 'booked' | 'ticketIdOf'>;
export type RetentionReader = Pick<RetentionRepository, 'lastRunAt' | 'oldestDetailDay' | 'summaries'>;

/** What anyone may read, at any time. */
export interface StoreReader {
  tickets: TicketReader;
  counters: CounterReader;
  services: ServiceReader;
  staff: StaffReader;
  sessions: SessionReader;
  events: EventReader;
  idChecks: IdCheckReader;
  settings: SettingsReader;
  kioskDevices: KioskDeviceReader;
  appointments: AppointmentReader;
  retention: RetentionReader;
}

/** The writable repositories, given only inside `store.change`. Events are appended by the change itself. */
export interface StoreWriter {
  tickets: TicketRepository;
  counters: CounterRepository;
  services: ServiceRepository;
  staff: StaffRepository;
  sessions: SessionRepository;
  idChecks: IdCheckRepository;
  settings: SettingsRepository;
  kioskDevices: KioskDeviceRepository;
  appointments: AppointmentRepository;
  retention: RetentionRepository;
  events: EventReader;
}

/** A change to store and the events that record it (none for bookkeeping such as a session's last use). */
export type ChangeWithEvents<T> = (tx: StoreWriter) => { result: T; events: NewOfficeEvent[] };

export interface ChangeOptions {
  /**
   * Share the transaction with the other changes asked for in this event-loop turn (one disk sync
   * for a burst of kiosk tickets, see group-commit.ts). The result then comes as a promise, given
   * once the batch is committed.
   */
  group: true;
}

export interface Store extends StoreReader {
  /** The connection, for what works on the file as a whole (backups, schema version, its name). */
  db: Db;
  /**
   * THE write path: runs `work` and appends the events it returns in one immediate transaction
   * (all of it is stored, or none), then hands the committed events to the `onCommitted`
   * listeners: a live screen never sees a change that a crash could still undo.
   */
  change<T>(work: ChangeWithEvents<T>): T;
  change<T>(work: ChangeWithEvents<T>, options: ChangeOptions): Promise<T>;
  /** The migration the database is at (PRAGMA user_version); throws when the database cannot be read. */
  schemaVersion(): number;
  /** Calls `listener` with the events of each committed change, in sequence order. */
  onCommitted(listener: (events: readonly OfficeEvent[]) => void): () => void;
  close(): void;
}

export function openStore(file: string): Store {
  const db = openDatabase(file);
  const eventLog = new EventRepository(db);
  const tx: StoreWriter = {
    tickets: new TicketRepository(db),
    counters: new CounterRepository(db),
    services: new ServiceRepository(db),
    staff: new StaffRepository(db),
    sessions: new SessionRepository(db),
    events: eventLog,
    idChecks: new IdCheckRepository(db),
    settings: new SettingsRepository(db),
    kioskDevices: new KioskDeviceRepository(db),
    appointments: new AppointmentRepository(db),
    retention: new RetentionRepository(db),
  };
  const listeners = new Set<(events: readonly OfficeEvent[]) => void>();
  const publish = (committed: readonly OfficeEvent[]) => {
    if (committed.length > 0) for (const listener of listeners) listener(committed);
  };
  /** Runs the change and appends its events inside the caller's transaction; not yet committed. */
  const apply = <T>(work: ChangeWithEvents<T>) => {
    const outcome = work(tx);
    return { result: outcome.result, events: outcome.events.map((event) => eventLog.append(event)) };
  };
  const group = new GroupCommitter(db, apply, publish);
  function change<T>(work: ChangeWithEvents<T>): T;
  function change<T>(work: ChangeWithEvents<T>, options: ChangeOptions): Promise<T>;
  function change<T>(work: ChangeWithEvents<T>, options?: ChangeOptions): T | Promise<T> {
    if (options?.group) return group.run(work);
    const { result, events: committed } = db.transaction(() => apply(work)).immediate();
    publish(committed);
    return result;
  }
  return {
    ...tx,
    db,
    change,
    schemaVersion: () => schemaVersion(db),
    onCommitted: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => db.close(),
  };
}
