import { nextHash } from '../core/audit-chain.js';
import type { EventType, NewOfficeEvent, OfficeEvent } from '../core/events.js';
import { ChainStatements, sha256Hex } from './audit-chain.js';
import type { Db } from './database.js';

interface EventRow {
  seq: number;
  at: number;
  type: string;
  ticket_id: number | null;
  counter_id: number | null;
  staff_id: number | null;
  data: string;
}

function toEvent(row: EventRow): OfficeEvent {
  return {
    seq: row.seq,
    at: row.at,
    type: row.type as EventType,
    ticketId: row.ticket_id,
    counterId: row.counter_id,
    staffId: row.staff_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

/**
 * Today's latest calls for the waiting-room board. The IN list must match the partial index
 * events_calls (migration 006) word for word, or SQLite ignores the index.
 */
export const LATEST_CALLS_SQL =
  "SELECT * FROM events WHERE type IN ('ticket.called', 'ticket.recalled') AND at >= ? ORDER BY at DESC, seq DESC LIMIT ?";

/**
 * The append-only event log, hash-chained (core/audit-chain.ts). Appends belong inside the
 * transaction of the change they record.
 *
 * Each append reads the chain's head from the database inside its own transaction. A head kept in
 * memory goes stale whenever a transaction holding an append is rolled back (a failed change, a
 * group-commit SAVEPOINT), and once another connection has appended, its sequence numbers can line
 * up again while its hash is the rolled-back one: the next event would chain to a row that never
 * existed. The read is a primary-key seek, microseconds next to the disk sync of the commit.
 */
export class EventRepository {
  private readonly chain: ChainStatements;
  private readonly insert;
  private readonly appendAlone: (event: NewOfficeEvent) => OfficeEvent;
  private readonly after;
  private readonly last;
  private readonly firstAt;
  private readonly latestCalls;

  constructor(private readonly db: Db) {
    this.chain = new ChainStatements(db);
    this.chain.sealTailInBatches();
    this.insert = db.prepare<[number, number, string, number | null, number | null, number | null, string, string]>(
      'INSERT INTO events (seq, at, type, ticket_id, counter_id, staff_id, data, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // Reading the head and inserting after it must not be split by another connection's write.
    this.appendAlone = db.transaction((event: NewOfficeEvent) => this.appendInTransaction(event)).immediate;
    this.after = db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.last = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM events');
    this.firstAt = db.prepare<[number], { seq: number }>('SELECT seq FROM events WHERE at >= ? ORDER BY at, seq LIMIT 1');
    this.latestCalls = db.prepare<[number, number], EventRow>(LATEST_CALLS_SQL);
  }

  append(event: NewOfficeEvent): OfficeEvent {
    return this.db.inTransaction ? this.appendInTransaction(event) : this.appendAlone(event);
  }

  private appendInTransaction(event: NewOfficeEvent): OfficeEvent {
    const head = this.chain.head();
    const data = JSON.stringify(event.data);
    const row = { seq: head.seq + 1, at: event.at, type: event.type, ticketId: event.ticketId, counterId: event.counterId, staffId: event.staffId, data };
    this.insert.run(row.seq, row.at, row.type, row.ticketId, row.counterId, row.staffId, data, nextHash(sha256Hex, head.hash, row));
    return { ...event, seq: row.seq };
  }

  /** Events after `seq`, oldest first, at most `limit` (a reconnecting screen pages through them). */
  since(seq: number, limit = 1000): OfficeEvent[] {
    return this.after.all(seq, limit).map(toEvent);
  }

  lastSeq(): number {
    return this.last.get()?.seq ?? 0;
  }

  /** The first event at or after `atMs` (the start of today, for a screen's replay), if any. */
  firstSeqFrom(atMs: number): number | null {
    return this.firstAt.get(atMs)?.seq ?? null;
  }

  /** The newest `limit` calls and recalls at or after `fromMs`, newest first; one index walk. */
  latestCallsSince(fromMs: number, limit: number): OfficeEvent[] {
    return this.latestCalls.all(fromMs, limit).map(toEvent);
  }
}
