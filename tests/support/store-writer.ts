import { EventRepository } from '../../db/events.js';
import { KioskDeviceRepository } from '../../db/kiosk-devices.js';
import { SessionRepository } from '../../db/sessions.js';
import { SettingsRepository } from '../../db/settings.js';
import { StaffRepository } from '../../db/staff.js';
import type { Store } from '../../db/store.js';
import { TicketRepository } from '../../db/tickets.js';

export interface FixtureWriter {
  /** One immediate transaction, as `store.change` runs one, but with no events of its own. */
  write<T>(work: () => T): T;
  events: EventRepository;
  tickets: TicketRepository;
  settings: SettingsRepository;
  staff: StaffRepository;
  sessions: SessionRepository;
  kioskDevices: KioskDeviceRepository;
}

const writers = new WeakMap<Store, FixtureWriter>();

/**
 * The repositories' writable side on a store's own connection, for tests that set up rows or
 * test the repositories themselves (the event log's chain). The office writes only through
 * `store.change`; fixtures may write what no change would (an event alone, a ticket of last year).
 */
export function fixtureWriter(store: Store): FixtureWriter {
  let writer = writers.get(store);
  if (!writer) {
    const { db } = store;
    writer = {
      write: <T>(work: () => T): T => db.transaction(work).immediate(),
      events: new EventRepository(db),
      tickets: new TicketRepository(db),
      settings: new SettingsRepository(db),
      staff: new StaffRepository(db),
      sessions: new SessionRepository(db),
      kioskDevices: new KioskDeviceRepository(db),
    };
    writers.set(store, writer);
  }
  return writer;
}
