import type { Counter, CounterOrdering } from '../core/types.js';
import type { Db } from './database.js';

interface CounterRow {
  id: number;
  name: string;
  ordering: string;
  held_by: number | null;
  service_codes: string | null;
  active: number;
}

/** A counter as the manager configures it: retired (inactive) counters too, with their history. */
export interface CounterSetup extends Counter {
  active: boolean;
}

function toCounter(row: CounterRow): Counter {
  return {
    id: row.id,
    name: row.name,
    ordering: row.ordering as CounterOrdering,
    heldBy: row.held_by,
    serviceCodes: row.service_codes ? (JSON.parse(row.service_codes) as string[]) : [],
  };
}

const SELECT = `SELECT c.id, c.name, c.ordering, c.held_by, c.active,
  (SELECT json_group_array(service_code) FROM (SELECT service_code FROM counter_services WHERE counter_id = c.id ORDER BY rank)) AS service_codes
  FROM counters c`;

export class CounterRepository {
  private readonly all;
  private readonly one;
  private readonly heldByStaff;
  private readonly setHolder;
  private readonly insert;
  private readonly insertService;
  private readonly everyCounter;
  private readonly anyOne;
  private readonly updateRow;
  private readonly removeServices;
  private readonly appendToActive;

  constructor(db: Db) {
    this.all = db.prepare<[], CounterRow>(`${SELECT} WHERE c.active = 1 ORDER BY c.id`);
    this.one = db.prepare<[number], CounterRow>(`${SELECT} WHERE c.id = ? AND c.active = 1`);
    this.heldByStaff = db.prepare<[number], CounterRow>(`${SELECT} WHERE c.held_by = ?`);
    this.setHolder = db.prepare<[number | null, number]>('UPDATE counters SET held_by = ? WHERE id = ?');
    this.insert = db.prepare<[string, string]>('INSERT INTO counters (name, ordering) VALUES (?, ?)');
    this.insertService = db.prepare<[number, string, number]>(
      'INSERT INTO counter_services (counter_id, service_code, rank) VALUES (?, ?, ?)',
    );
    this.everyCounter = db.prepare<[], CounterRow>(`${SELECT} ORDER BY c.id`);
    this.anyOne = db.prepare<[number], CounterRow>(`${SELECT} WHERE c.id = ?`);
    this.updateRow = db.prepare('UPDATE counters SET name = @name, ordering = @ordering, active = @active WHERE id = @id');
    this.removeServices = db.prepare<[number]>('DELETE FROM counter_services WHERE counter_id = ?');
    this.appendToActive = db.prepare<[string]>(
      `INSERT INTO counter_services (counter_id, service_code, rank)
       SELECT c.id, ?, coalesce((SELECT max(rank) + 1 FROM counter_services WHERE counter_id = c.id), 0) FROM counters c WHERE c.active = 1`,
    );
  }

  list(): Counter[] {
    return this.all.all().map(toCounter);
  }

  get(id: number): Counter | undefined {
    const row = this.one.get(id);
    return row ? toCounter(row) : undefined;
  }

  heldBy(staffId: number): Counter | undefined {
    const row = this.heldByStaff.get(staffId);
    return row ? toCounter(row) : undefined;
  }

  setHeldBy(counterId: number, staffId: number | null): void {
    this.setHolder.run(staffId, counterId);
  }

  create(name: string, serviceCodes: readonly string[], ordering: CounterOrdering): number {
    const id = Number(this.insert.run(name, ordering).lastInsertRowid);
    serviceCodes.forEach((code, rank) => this.insertService.run(id, code, rank));
    return id;
  }

  /** Every counter, retired ones included, for the configuration page. */
  listSetup(): CounterSetup[] {
    return this.everyCounter.all().map(toCounterSetup);
  }

  setup(id: number): CounterSetup | undefined {
    const row = this.anyOne.get(id);
    return row ? toCounterSetup(row) : undefined;
  }

  update(counter: CounterSetup): void {
    this.updateRow.run({ id: counter.id, name: counter.name, ordering: counter.ordering, active: counter.active ? 1 : 0 });
    this.removeServices.run(counter.id);
    counter.serviceCodes.forEach((code, rank) => this.insertService.run(counter.id, code, rank));
  }

  /** A new service is served by every open-for-business counter, last in their preference. */
  addServiceToActiveCounters(serviceCode: string): void {
    this.appendToActive.run(serviceCode);
  }
}

function toCounterSetup(row: CounterRow): CounterSetup {
  return { ...toCounter(row), active: row.active === 1 };
}
