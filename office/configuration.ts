import type { NewOfficeEvent } from '../core/events.js';
import { openingHoursProblems, type OpeningHours } from '../core/opening-hours.js';
import type { OfficeSettings, SettingKey } from '../core/settings.js';
import type { Service } from '../core/types.js';
import type { CounterSetup } from '../db/counters.js';
import type { Store, StoreReader } from '../db/store.js';
import { conflict, invalid, notFound } from './refusal.js';
import { keepingEveryServiceServed } from './service-coverage.js';

export type { CounterSetup } from '../db/counters.js';

export type ServiceChanges = Partial<Omit<Service, 'code'>>;
export type CounterChanges = Partial<Pick<CounterSetup, 'name' | 'serviceCodes' | 'ordering' | 'active'>>;

/**
 * What a manager configures without a release: the settings of core/settings.ts, the services
 * and the counters. Every change is stored with a `config.changed` event saying who made it.
 */
export class Configuration {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
  ) {}

  setting<K extends SettingKey>(key: K): OfficeSettings[K] {
    return this.store.settings.get(key);
  }

  /** Replaces a setting whole (the edge has validated its shape). */
  changeSetting<K extends SettingKey>(key: K, given: OfficeSettings[K], staffId: number): OfficeSettings[K] {
    const value = key === 'openingHours' ? (checkedOpeningHours(given as OpeningHours) as OfficeSettings[K]) : given;
    return this.store.change((tx) => {
      tx.settings.set(key, value);
      return { result: value, events: [this.configEvent(staffId, { key })] };
    });
  }

  /** A new service; every active counter serves it, last in preference. */
  createService(service: Service, staffId: number): Service {
    return this.store.change((tx) => {
      if (tx.services.get(service.code)) throw conflict('service_code_taken', `There is already a service with code "${service.code}".`);
      // Without a counter serving it, its tickets would wait for ever (so with no active counter at all, it is refused).
      keepingEveryServiceServed(tx, () => {
        tx.services.create(service, tx.services.nextSortOrder());
        tx.counters.addServiceToActiveCounters(service.code);
      });
      return { result: service, events: [this.configEvent(staffId, { key: 'services', action: 'created', serviceCode: service.code })] };
    });
  }

  /** Changes a service; its code never changes (it is printed on tickets and kept in their history). */
  updateService(code: string, changes: ServiceChanges & { code?: string | undefined }, staffId: number): Service {
    const { code: newCode, ...rest } = changes;
    if (newCode !== undefined && newCode !== code) {
      throw invalid('code_immutable', 'A service code cannot change: it is printed on tickets and kept in their history. Create a new service instead.');
    }
    return this.store.change((tx) => {
      const current = tx.services.get(code);
      if (!current) throw notFound(`Service ${code}`);
      const next: Service = { ...current, ...rest };
      // Reactivating a service no active counter serves would bring back tickets nobody can call.
      keepingEveryServiceServed(tx, () => tx.services.update(next));
      const changed = Object.keys(rest).filter((key) => JSON.stringify(rest[key as keyof typeof rest]) !== JSON.stringify(current[key as keyof Service]));
      return { result: next, events: [this.configEvent(staffId, { key: 'services', action: 'updated', serviceCode: next.code, changed })] };
    });
  }

  createCounter(draft: { name: string; serviceCodes: string[]; ordering?: CounterSetup['ordering'] | undefined }, staffId: number): CounterSetup {
    return this.store.change((tx) => {
      const counter: CounterSetup = { id: 0, name: draft.name.trim(), serviceCodes: draft.serviceCodes, ordering: draft.ordering ?? 'arrival', heldBy: null, active: true };
      checkCounter(tx, counter);
      const id = tx.counters.create(counter.name, counter.serviceCodes, counter.ordering);
      return { result: tx.counters.setup(id)!, events: [this.counterEvent(staffId, id, 'created')] };
    });
  }

  updateCounter(id: number, changes: CounterChanges, staffId: number): CounterSetup {
    return this.store.change((tx) => {
      const current = tx.counters.setup(id);
      if (!current) throw notFound(`Counter ${id}`);
      const next: CounterSetup = { ...current, ...changes, name: (changes.name ?? current.name).trim() };
      if (current.active && !next.active && current.heldBy !== null) {
        throw conflict('counter_open', `${current.name} is open. It can be taken out of use when the clerk has closed it.`);
      }
      checkCounter(tx, next);
      keepingEveryServiceServed(tx, () => tx.counters.update(next));
      const changed = (Object.keys(changes) as (keyof CounterChanges)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]));
      return { result: next, events: [this.counterEvent(staffId, next.id, 'updated', changed)] };
    });
  }

  private configEvent(staffId: number, data: Record<string, unknown>, counterId: number | null = null): NewOfficeEvent {
    return { at: this.clock(), type: 'config.changed', ticketId: null, counterId, staffId, data };
  }

  private counterEvent(staffId: number, counterId: number, action: 'created' | 'updated', changed?: string[]): NewOfficeEvent {
    return this.configEvent(staffId, { key: 'counters', action, counterId, ...(changed ? { changed } : {}) }, counterId);
  }
}

/** Closed dates in date order, or the refusal that says what is wrong with the week. */
function checkedOpeningHours(given: OpeningHours): OpeningHours {
  const hours: OpeningHours = { ...given, closedDates: [...given.closedDates].sort((a, b) => a.date.localeCompare(b.date)) };
  const problems = openingHoursProblems(hours);
  if (problems.length > 0) throw invalid('invalid_opening_hours', problems.join(' '));
  return hours;
}

/** Refuses what would make a counter nobody can use; runs inside the change. */
function checkCounter(store: StoreReader, counter: CounterSetup): void {
  const name = counter.name.trim().toLowerCase();
  const clash = store.counters.listSetup().find((c) => c.id !== counter.id && c.name.trim().toLowerCase() === name);
  if (clash) throw conflict('counter_name_taken', `There is already a counter named "${clash.name}".`);
  const duplicate = counter.serviceCodes.find((code, i) => counter.serviceCodes.indexOf(code) !== i);
  if (duplicate) throw invalid('duplicate_service', `Service ${duplicate} is listed twice; list each service once, in order of preference.`);
  const unknown = counter.serviceCodes.filter((code) => !store.services.get(code));
  if (unknown.length > 0) throw invalid('unknown_service', `There is no service with code ${unknown.join(', ')}.`);
  if (counter.active && counter.serviceCodes.length === 0) throw invalid('no_services', `${counter.name} must serve at least one service.`);
}
