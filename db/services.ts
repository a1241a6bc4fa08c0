import type { Service } from '../core/types.js';
import type { Db } from './database.js';

interface ServiceRow {
  code: string;
  name_da: string;
  name_en: string;
  needs_id_check: number;
  sla_minutes: number;
  active: number;
}

function toService(row: ServiceRow): Service {
  return {
    code: row.code,
    names: { da: row.name_da, en: row.name_en },
    needsIdCheck: row.needs_id_check === 1,
    slaMinutes: row.sla_minutes,
    active: row.active === 1,
  };
}

function toParams(service: Service) {
  return {
    code: service.code,
    nameDa: service.names.da,
    nameEn: service.names.en,
    needsIdCheck: service.needsIdCheck ? 1 : 0,
    slaMinutes: service.slaMinutes,
    active: service.active ? 1 : 0,
  };
}

export class ServiceRepository {
  private readonly all;
  private readonly one;
  private readonly insert;
  private readonly updateRow;
  private readonly lastSortOrder;

  constructor(db: Db) {
    this.all = db.prepare<[], ServiceRow>('SELECT * FROM services ORDER BY sort_order, code');
    this.one = db.prepare<[string], ServiceRow>('SELECT * FROM services WHERE code = ?');
    this.insert = db.prepare(
      'INSERT INTO services (code, name_da, name_en, needs_id_check, sla_minutes, active, sort_order) VALUES (@code, @nameDa, @nameEn, @needsIdCheck, @slaMinutes, @active, @sortOrder)',
    );
    this.updateRow = db.prepare(
      'UPDATE services SET name_da = @nameDa, name_en = @nameEn, needs_id_check = @needsIdCheck, sla_minutes = @slaMinutes, active = @active WHERE code = @code',
    );
    this.lastSortOrder = db.prepare<[], { n: number | null }>('SELECT max(sort_order) AS n FROM services');
  }

  list(): Service[] {
    return this.all.all().map(toService);
  }

  get(code: string): Service | undefined {
    const row = this.one.get(code);
    return row ? toService(row) : undefined;
  }

  create(service: Service, sortOrder: number): void {
    this.insert.run({ ...toParams(service), sortOrder });
  }

  /** Everything but the code, which is printed on tickets and kept in their history. */
  update(service: Service): void {
    this.updateRow.run(toParams(service));
  }

  /** Where a new service goes: after the others, so the kiosk's order does not jump. */
  nextSortOrder(): number {
    return (this.lastSortOrder.get()?.n ?? -1) + 1;
  }
}
