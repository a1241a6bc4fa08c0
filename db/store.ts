import { openDatabase, type Db } from './database.js';
import { CounterRepository } from './counters.js';
import { EventRepository } from './events.js';
import { IdCheckRepository } from './id-checks.js';
import { KioskDeviceRepository } from './kiosk-devices.js';
import { ServiceRepository } from './services.js';
import { SessionRepository } from './sessions.js';
import { SettingsRepository } from './settings.js';
import { StaffRepository } from './staff.js';
import { TicketRepository } from './tickets.js';

/** The database and one repository per aggregate, their statements prepared once. */
export interface Store {
  db: Db;
  tickets: TicketRepository;
  counters: CounterRepository;
  services: ServiceRepository;
  staff: StaffRepository;
  sessions: SessionRepository;
  events: EventRepository;
  idChecks: IdCheckRepository;
  settings: SettingsRepository;
  kioskDevices: KioskDeviceRepository;
  /** Runs `work` in one immediate (write-locking) transaction: all of it is stored, or none. */
  write<T>(work: () => T): T;
  close(): void;
}

export function openStore(file: string): Store {
  const db = openDatabase(file);
  return {
    db,
    tickets: new TicketRepository(db),
    counters: new CounterRepository(db),
    services: new ServiceRepository(db),
    staff: new StaffRepository(db),
    sessions: new SessionRepository(db),
    events: new EventRepository(db),
    idChecks: new IdCheckRepository(db),
    settings: new SettingsRepository(db),
    kioskDevices: new KioskDeviceRepository(db),
    write: <T>(work: () => T): T => db.transaction(work).immediate(),
    close: () => db.close(),
  };
}
