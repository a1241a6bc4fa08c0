import Database from 'better-sqlite3';
import type { ChainAnchor, ChainRow } from '../core/audit-chain.js';
import { ChainStatements } from './audit-chain.js';
import type { Db } from './database.js';

/** Which events a page of the audit log shows: `start`/`end` in epoch ms (end exclusive), older than `before`. */
export interface AuditFilter {
  start: number;
  end: number;
  type: string | null;
  staffId: number | null;
  before: number;
  limit: number;
}

/** An event with the names the page shows beside it. */
export interface AuditRow {
  seq: number;
  at: number;
  type: string;
  staffId: number | null;
  data: string;
  staffDisplayName: string | null;
  staffUsername: string | null;
  counterName: string | null;
  ticketNumber: string | null;
}

/**
 * The audit log's page query, on the office's connection: a page is at most a few hundred rows.
 *
 * A period is turned into a stretch of sequence numbers, from the first event stamped at or after
 * its start to the last one stamped before its end (two index look-ups), and the page is read
 * backwards along the sequence from there. Filtering by time and sorting by sequence instead
 * would sort every event of the period for each page: seconds for a year of a large office.
 * When a PC clock was corrected backwards, an event stamped out of order is listed with its
 * neighbours in the sequence; the log's order is the sequence, not the clock.
 */
export class AuditLogRepository {
  private readonly page;
  private readonly firstFrom;
  private readonly lastBefore;
  private readonly staffNames;

  constructor(db: Db) {
    this.page = db.prepare<[{ lowest: number; below: number; type: string | null; staffId: number | null; limit: number }], AuditRow>(
      `SELECT e.seq, e.at, e.type, e.staff_id AS staffId, e.data,
         s.display_name AS staffDisplayName, s.username AS staffUsername, c.name AS counterName, t.number AS ticketNumber
       FROM events e
       LEFT JOIN staff s ON s.id = e.staff_id
       LEFT JOIN counters c ON c.id = e.counter_id
       LEFT JOIN tickets t ON t.id = e.ticket_id
       WHERE e.seq >= @lowest AND e.seq < @below
         AND (@type IS NULL OR e.type = @type) AND (@staffId IS NULL OR e.staff_id = @staffId)
       ORDER BY e.seq DESC LIMIT @limit`,
    );
    this.firstFrom = db.prepare<[number], { seq: number }>('SELECT seq FROM events WHERE at >= ? ORDER BY at, seq LIMIT 1');
    this.lastBefore = db.prepare<[number], { seq: number }>('SELECT seq FROM events WHERE at < ? ORDER BY at DESC, seq DESC LIMIT 1');
    this.staffNames = db.prepare<[], { id: number; display_name: string }>('SELECT id, display_name FROM staff');
  }

  /** Newest first. */
  entries(filter: AuditFilter): AuditRow[] {
    const lowest = this.firstFrom.get(filter.start)?.seq;
    const last = this.lastBefore.get(filter.end)?.seq;
    if (lowest === undefined || last === undefined) return [];
    return this.page.all({ lowest, below: Math.min(filter.before, last + 1), type: filter.type, staffId: filter.staffId, limit: filter.limit });
  }

  /** Display names by id, for descriptions naming the account an event changed. */
  staffDisplayNames(): Map<number, string> {
    return new Map(this.staffNames.all().map((r) => [r.id, r.display_name]));
  }
}

/**
 * The whole chain as one consistent snapshot, on a read-only connection of its own: verifying a
 * log of millions of events takes seconds, and the office keeps writing meanwhile (WAL). The read
 * transaction holds the snapshot until `close`.
 */
export class AuditChainReader {
  private readonly db: Db;
  readonly anchor: ChainAnchor | null;
  /** The largest sequence number SQLite ever handed out (rows cut off the end leave it behind). */
  readonly highestSeq: number;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 5000');
    this.db.exec('BEGIN');
    const chain = new ChainStatements(this.db);
    this.anchor = chain.anchor();
    this.highestSeq = chain.highestSeq();
  }

  /** Every event, oldest first, read as it is consumed. */
  *rows(): Generator<ChainRow, void, undefined> {
    const statement = this.db.prepare<[], ChainRow>(
      'SELECT seq, at, type, ticket_id AS ticketId, counter_id AS counterId, staff_id AS staffId, data, hash FROM events ORDER BY seq',
    );
    yield* statement.iterate();
  }

  close(): void {
    this.db.close();
  }
}
