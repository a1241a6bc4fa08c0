import { PRIORITY_CLASSES, type Outcome, type PriorityClass, type Ticket, type TicketStatus, type UrgentReason } from '../core/types.js';
import type { QueueCandidate } from '../core/queue-policy.js';
import type { Db } from './database.js';

interface TicketRow {
  id: number;
  number: string;
  office_day: string;
  service_code: string;
  priority: string;
  urgent_reason: string | null;
  status: string;
  arrived_at: number;
  callable_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  call_count: number;
  counter_id: number | null;
  staff_id: number | null;
  outcome: string | null;
  id_check_id: number | null;
  supplement_declared: number | null;
  manual_id_check: number;
  estimated_wait_minutes: number | null;
  transferred_from_id: number | null;
  walk_up: number;
}

function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    number: r.number,
    officeDay: r.office_day,
    serviceCode: r.service_code,
    priority: r.priority as PriorityClass,
    urgentReason: r.urgent_reason as UrgentReason | null,
    status: r.status as TicketStatus,
    arrivedAt: r.arrived_at,
    callableAt: r.callable_at,
    calledAt: r.called_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    callCount: r.call_count,
    counterId: r.counter_id,
    staffId: r.staff_id,
    outcome: r.outcome as Outcome | null,
    idCheckId: r.id_check_id,
    supplementDeclared: r.supplement_declared === null ? null : r.supplement_declared === 1,
    manualIdCheck: r.manual_id_check === 1,
    estimatedWaitMinutes: r.estimated_wait_minutes,
    transferredFromId: r.transferred_from_id,
    walkUp: r.walk_up === 1,
  };
}

function toParams(t: Omit<Ticket, 'id'>) {
  return {
    number: t.number,
    officeDay: t.officeDay,
    serviceCode: t.serviceCode,
    priority: t.priority,
    urgentReason: t.urgentReason,
    status: t.status,
    arrivedAt: t.arrivedAt,
    callableAt: t.callableAt,
    calledAt: t.calledAt,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    callCount: t.callCount,
    counterId: t.counterId,
    staffId: t.staffId,
    outcome: t.outcome,
    idCheckId: t.idCheckId,
    supplementDeclared: t.supplementDeclared === null ? null : t.supplementDeclared ? 1 : 0,
    manualIdCheck: t.manualIdCheck ? 1 : 0,
    estimatedWaitMinutes: t.estimatedWaitMinutes,
    transferredFromId: t.transferredFromId,
    walkUp: t.walkUp ? 1 : 0,
  };
}

const COLUMNS =
  'number, office_day, service_code, priority, urgent_reason, status, arrived_at, callable_at, called_at, started_at, finished_at, call_count, counter_id, staff_id, outcome, id_check_id, supplement_declared, manual_id_check, estimated_wait_minutes, transferred_from_id, walk_up';
const VALUES =
  '@number, @officeDay, @serviceCode, @priority, @urgentReason, @status, @arrivedAt, @callableAt, @calledAt, @startedAt, @finishedAt, @callCount, @counterId, @staffId, @outcome, @idCheckId, @supplementDeclared, @manualIdCheck, @estimatedWaitMinutes, @transferredFromId, @walkUp';

export class TicketRepository {
  private readonly insert;
  private readonly update;
  private readonly byId;
  private readonly waitingRows;
  private readonly lineHead;
  private readonly currentAtCounter;
  private readonly nextNumber;
  private readonly recentCallPriorities;
  private readonly recentServiceDurations;
  private readonly onDay;
  private readonly aheadAll;
  private readonly aheadUrgent;

  constructor(db: Db) {
    this.insert = db.prepare(`INSERT INTO tickets (${COLUMNS}) VALUES (${VALUES})`);
    this.update = db.prepare(
      `UPDATE tickets SET (${COLUMNS}) = (${VALUES}) WHERE id = @id`,
    );
    this.byId = db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?');
    this.waitingRows = db.prepare<[], TicketRow>("SELECT * FROM tickets WHERE status = 'waiting' ORDER BY arrived_at, id");
    this.lineHead = db.prepare<[string, string, number], QueueCandidate>(
      `SELECT id, service_code AS serviceCode, priority, arrived_at AS arrivedAt, callable_at AS callableAt
       FROM tickets WHERE status = 'waiting' AND service_code = ? AND priority = ? AND callable_at <= ?
       ORDER BY callable_at, id LIMIT 1`,
    );
    this.currentAtCounter = db.prepare<[number], TicketRow>(
      "SELECT * FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving')",
    );
    // Upsert-and-return keeps numbering atomic inside the issuing transaction.
    this.nextNumber = db.prepare<[string, string], { last_number: number }>(
      `INSERT INTO day_sequences (office_day, service_code, last_number) VALUES (?, ?, 1)
       ON CONFLICT (office_day, service_code) DO UPDATE SET last_number = last_number + 1
       RETURNING last_number`,
    );
    this.recentCallPriorities = db.prepare<[number], { priority: string }>(
      "SELECT json_extract(data, '$.priority') AS priority FROM events WHERE type = 'ticket.called' ORDER BY seq DESC LIMIT ?",
    );
    this.recentServiceDurations = db.prepare<[string, number], { duration: number }>(
      `SELECT finished_at - called_at AS duration FROM tickets
       WHERE service_code = ? AND status = 'done' AND called_at IS NOT NULL
       ORDER BY finished_at DESC LIMIT ?`, // index tickets_finished_by_service (migration 002)
    );
    this.aheadAll = db.prepare<[string, number], { n: number }>(
      "SELECT count(*) AS n FROM tickets WHERE status = 'waiting' AND service_code = ? AND callable_at <= ?",
    );
    this.aheadUrgent = db.prepare<[string, number], { n: number }>(
      "SELECT count(*) AS n FROM tickets WHERE status = 'waiting' AND service_code = ? AND priority = 'urgent' AND callable_at <= ?",
    );
    this.onDay = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE office_day = ? ORDER BY id');
  }

  nextSequence(officeDay: string, serviceCode: string): number {
    return this.nextNumber.get(officeDay, serviceCode)!.last_number;
  }

  create(ticket: Omit<Ticket, 'id'>): Ticket {
    const result = this.insert.run(toParams(ticket));
    return { ...ticket, id: Number(result.lastInsertRowid) };
  }

  save(ticket: Ticket): void {
    this.update.run({ ...toParams(ticket), id: ticket.id });
  }

  get(id: number): Ticket | undefined {
    const row = this.byId.get(id);
    return row ? toTicket(row) : undefined;
  }

  waiting(): Ticket[] {
    return this.waitingRows.all().map(toTicket);
  }

  /**
   * The first callable ticket of each line (service × priority) the counter serves. The queue
   * policy only ever picks a line's head, so this answers call-next without reading the whole
   * queue (see `queueHeads` in core, whose equivalence is property-tested).
   */
  queueHeads(serviceCodes: readonly string[], now: number): QueueCandidate[] {
    const heads: QueueCandidate[] = [];
    for (const serviceCode of serviceCodes) {
      for (const priority of PRIORITY_CLASSES) {
        const row = this.lineHead.get(serviceCode, priority, now);
        if (row) heads.push(row);
      }
    }
    return heads;
  }

  currentAt(counterId: number): Ticket | undefined {
    const row = this.currentAtCounter.get(counterId);
    return row ? toTicket(row) : undefined;
  }

  recentCalls(limit: number): PriorityClass[] {
    return this.recentCallPriorities.all(limit).map((r) => r.priority as PriorityClass);
  }

  recentServiceDurationsMs(serviceCode: string, limit: number): number[] {
    return this.recentServiceDurations.all(serviceCode, limit).map((r) => r.duration);
  }

  /** How many callable tickets a new ticket of this service lines up behind (urgent ones only see urgent ones). */
  countAhead(serviceCode: string, urgent: boolean, now: number): number {
    return (urgent ? this.aheadUrgent : this.aheadAll).get(serviceCode, now)!.n;
  }

  ofDay(officeDay: string): Ticket[] {
    return this.onDay.all(officeDay).map(toTicket);
  }
}
