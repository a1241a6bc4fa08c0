import Database from 'better-sqlite3';
import type { IdRejectReason, IdVerdict } from '../core/idcheck/types.js';
import type { CounterEvent } from '../core/stats/capacity.js';
import type { AppointmentStatus, Arrival } from '../core/appointments/types.js';
import type { BookingFact, IdCheckFact } from '../core/stats/figures.js';
import type { ExportedTicket, TicketExportRecord } from '../core/stats/ticket-columns.js';
import { ContinuationBookings, type StatsTicket } from '../core/stats/ticket-measures.js';
import type { Outcome, PriorityClass, Service, TicketStatus, UrgentReason } from '../core/types.js';
import type { Db } from './database.js';
import { ServiceRepository } from './services.js';

/**
 * The ticket columns, read as arrays (`raw`): for a million rows better-sqlite3 builds arrays in
 * half the time it builds objects, and `toTicket` below makes each one a `Ticket` by position.
 */
const TICKET_SELECT = `t.id, t.number, t.office_day, t.service_code, t.priority, t.urgent_reason, t.status, t.arrived_at,
  t.callable_at, t.called_at, t.started_at, t.finished_at, t.call_count, t.counter_id, t.staff_id, t.outcome, t.id_check_id,
  t.supplement_declared, t.manual_id_check, t.estimated_wait_minutes, t.transferred_from_id, t.walk_up, a.slot_start, a.arrival`;
/** The booking of a ticket made at a check-in: a primary-key lookup, only for tickets that have one. */
const BOOKING_JOIN = 'LEFT JOIN appointments a ON a.id = t.appointment_id';

type Row = unknown[];

function toTicket(r: Row): StatsTicket {
  return {
    id: r[0] as number,
    number: r[1] as string,
    officeDay: r[2] as string,
    serviceCode: r[3] as string,
    priority: r[4] as PriorityClass,
    urgentReason: r[5] as UrgentReason | null,
    status: r[6] as TicketStatus,
    arrivedAt: r[7] as number,
    callableAt: r[8] as number,
    calledAt: r[9] as number | null,
    startedAt: r[10] as number | null,
    finishedAt: r[11] as number | null,
    callCount: r[12] as number,
    counterId: r[13] as number | null,
    staffId: r[14] as number | null,
    outcome: r[15] as Outcome | null,
    idCheckId: r[16] as number | null,
    supplementDeclared: r[17] === null ? null : r[17] === 1,
    manualIdCheck: r[18] === 1,
    estimatedWaitMinutes: r[19] as number | null,
    transferredFromId: r[20] as number | null,
    walkUp: r[21] === 1,
    slotStart: r[22] as number | null,
    checkIn: r[23] as Arrival | null,
  };
}

/**
 * What an exported row reads of a ticket (`ExportedTicket`), then its counter and clerk, whose
 * names `exportRecords` looks up: each value read is a JavaScript value built, a million times over.
 */
const EXPORT_SELECT = `t.id, t.number, t.office_day, t.service_code, t.priority, t.urgent_reason, t.status, t.outcome,
  t.arrived_at, t.called_at, t.started_at, t.finished_at, t.estimated_wait_minutes, t.transferred_from_id, t.walk_up,
  t.counter_id, t.staff_id, a.slot_start, a.arrival`;
const EXPORT_FIELD_COUNT = 19;
/**
 * The export's rows of the days from–to (the two `?`), with the transferred-from ticket and the ID check's verdict.
 * Exported so that the benchmark can time SQLite's own shell (`sqlite3 -csv`) on the same SELECT.
 */
export const EXPORT_ROWS_SQL = `SELECT ${EXPORT_SELECT}, o.number, o.service_code, i.verdict
  FROM tickets t
  ${BOOKING_JOIN}
  LEFT JOIN tickets o ON o.id = t.transferred_from_id
  LEFT JOIN id_checks i ON i.id = t.id_check_id
  WHERE t.office_day BETWEEN ? AND ? ORDER BY t.office_day, t.id`;

function toExportedTicket(r: Row): ExportedTicket {
  return {
    id: r[0] as number,
    number: r[1] as string,
    officeDay: r[2] as string,
    serviceCode: r[3] as string,
    priority: r[4] as PriorityClass,
    urgentReason: r[5] as UrgentReason | null,
    status: r[6] as TicketStatus,
    outcome: r[7] as Outcome | null,
    arrivedAt: r[8] as number,
    calledAt: r[9] as number | null,
    startedAt: r[10] as number | null,
    finishedAt: r[11] as number | null,
    estimatedWaitMinutes: r[12] as number | null,
    transferredFromId: r[13] as number | null,
    walkUp: r[14] === 1,
    slotStart: r[17] as number | null,
    checkIn: r[18] as Arrival | null,
  };
}

interface BookingRow {
  office_day: string;
  slot_start: number;
  service_code: string;
  status: string;
  arrival: string | null;
}

const COUNTER_EVENT_TYPES = "type IN ('counter.opened', 'counter.closed')"; // as in the partial index of migration 004

/**
 * The statistics' reads, on a connection of their own, read-only. An export streams a million
 * rows for seconds and waits for the network in between; on the office's own connection that
 * would stop every clerk's "call next" meanwhile (one connection runs one statement at a time).
 * In WAL mode this reader sees one consistent snapshot while the office keeps writing.
 */
export class StatsReader {
  private readonly db: Db;
  private readonly ticketsOfDays;
  private readonly exportRowsOfDays;
  private readonly counterIds;
  private readonly counterEventsBetween;
  private readonly lastCounterEventBefore;
  private readonly idChecksBetween;
  private readonly bookingsOfDays;
  private readonly counterNameRows;
  private readonly staffNameRows;
  private readonly usernameRows;

  /** Opens a reader on the office database file; close it when done. */
  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 5000');
    // Both range queries walk index tickets_by_day (office_day, then id): no sort, no temp table.
    this.ticketsOfDays = this.db
      .prepare<[string, string], Row>(`SELECT ${TICKET_SELECT} FROM tickets t ${BOOKING_JOIN} WHERE t.office_day BETWEEN ? AND ? ORDER BY t.office_day, t.id`)
      .raw();
    this.exportRowsOfDays = this.db.prepare<[string, string], Row>(EXPORT_ROWS_SQL).raw();
    this.counterIds = this.db.prepare<[], { id: number }>('SELECT id FROM counters ORDER BY id');
    this.counterEventsBetween = this.db.prepare<[number, number, number], CounterEvent>(
      `SELECT at, type, counter_id AS counterId, staff_id AS staffId FROM events
       WHERE ${COUNTER_EVENT_TYPES} AND counter_id = ? AND at >= ? AND at < ? ORDER BY at, seq`,
    );
    this.lastCounterEventBefore = this.db.prepare<[number, number], CounterEvent>(
      `SELECT at, type, counter_id AS counterId, staff_id AS staffId FROM events
       WHERE ${COUNTER_EVENT_TYPES} AND counter_id = ? AND at < ? ORDER BY at DESC, seq DESC LIMIT 1`,
    );
    this.idChecksBetween = this.db.prepare<[number, number], { at: number; verdict: string; reasons: string }>(
      'SELECT at, verdict, reasons FROM id_checks WHERE at >= ? AND at < ? ORDER BY at, id',
    );
    this.bookingsOfDays = this.db.prepare<[string, string], BookingRow>(
      'SELECT office_day, slot_start, service_code, status, arrival FROM appointments WHERE office_day BETWEEN ? AND ? ORDER BY office_day, slot_start, id',
    );
    this.counterNameRows = this.db.prepare<[], { id: number; name: string }>('SELECT id, name FROM counters');
    this.staffNameRows = this.db.prepare<[], { id: number; display_name: string }>('SELECT id, display_name FROM staff');
    this.usernameRows = this.db.prepare<[], { id: number; username: string }>('SELECT id, username FROM staff');
  }

  /** Every ticket of the Copenhagen days `from`–`to`, by day and then by id, read as they are consumed. */
  *tickets(from: string, to: string): Generator<StatsTicket, void, undefined> {
    const bookings = new ContinuationBookings();
    for (const row of this.ticketsOfDays.iterate(from, to)) yield bookings.apply(toTicket(row));
  }

  /**
   * As `tickets`, but only what an exported row shows, with the names it points to. Counter names
   * and usernames come from two small maps read first, not from a join per row.
   */
  *exportRecords(from: string, to: string): Generator<TicketExportRecord, void, undefined> {
    const counterNames = this.counterNames();
    const usernames = new Map(this.usernameRows.all().map((r) => [r.id, r.username]));
    const bookings = new ContinuationBookings();
    const n = EXPORT_FIELD_COUNT;
    for (const row of this.exportRowsOfDays.iterate(from, to)) {
      const counterId = row[15] as number | null;
      const staffId = row[16] as number | null;
      yield {
        ticket: bookings.apply(toExportedTicket(row)),
        counterName: counterId === null ? null : (counterNames.get(counterId) ?? null),
        clerkUsername: staffId === null ? null : (usernames.get(staffId) ?? null),
        transferredFromNumber: row[n] as string | null,
        transferredFromService: row[n + 1] as string | null,
        idCheckVerdict: row[n + 2] as IdVerdict | null,
      };
    }
  }

  /** Counter opened/closed events in [start, end), with each counter's last one before `start`. */
  counterEvents(start: number, end: number): CounterEvent[] {
    return this.counterIds.all().flatMap(({ id }) => {
      const before = this.lastCounterEventBefore.get(id, start);
      return [...(before ? [before] : []), ...this.counterEventsBetween.all(id, start, end)];
    });
  }

  /** The bookings of the Copenhagen days `from`–`to`; no code, no name. */
  bookings(from: string, to: string): BookingFact[] {
    return this.bookingsOfDays.all(from, to).map((r) => ({
      officeDay: r.office_day,
      slotStart: r.slot_start,
      serviceCode: r.service_code,
      status: r.status as AppointmentStatus,
      arrival: r.arrival as Arrival | null,
    }));
  }

  /**
   * The ID checks made in [start, end), read as they are consumed: a large office makes a quarter
   * of a million a year, and reading them all at once took some 90 MB of the host's memory.
   */
  *idChecks(start: number, end: number): Generator<IdCheckFact, void, undefined> {
    for (const r of this.idChecksBetween.iterate(start, end)) {
      yield { at: r.at, verdict: r.verdict as IdVerdict, reasons: r.reasons === '[]' ? [] : (JSON.parse(r.reasons) as IdRejectReason[]) };
    }
  }

  services(): Service[] {
    return new ServiceRepository(this.db).list();
  }

  counterNames(): Map<number, string> {
    return new Map(this.counterNameRows.all().map((r) => [r.id, r.name]));
  }

  /** Display names: staff names on a report are staff data, not a citizen's. */
  staffNames(): Map<number, string> {
    return new Map(this.staffNameRows.all().map((r) => [r.id, r.display_name]));
  }

  /** Ends a read still in progress (an export whose download was cancelled) and closes the connection. */
  close(): void {
    this.db.close();
  }
}
