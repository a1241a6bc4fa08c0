import type { EventType, NewOfficeEvent, OfficeEvent } from '../core/events.js';
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

/** The append-only event log. Appends belong inside the transaction of the change they record. */
export class EventRepository {
  private readonly insert;
  private readonly after;
  private readonly last;
  private readonly inRange;

  constructor(db: Db) {
    this.insert = db.prepare<[number, string, number | null, number | null, number | null, string]>(
      'INSERT INTO events (at, type, ticket_id, counter_id, staff_id, data) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.after = db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.last = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM events');
    this.inRange = db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE at >= ? AND at < ? ORDER BY seq');
  }

  append(event: NewOfficeEvent): OfficeEvent {
    const result = this.insert.run(
      event.at,
      event.type,
      event.ticketId,
      event.counterId,
      event.staffId,
      JSON.stringify(event.data),
    );
    return { ...event, seq: Number(result.lastInsertRowid) };
  }

  /** Events after `seq`, oldest first, at most `limit` (a reconnecting screen pages through them). */
  since(seq: number, limit = 1000): OfficeEvent[] {
    return this.after.all(seq, limit).map(toEvent);
  }

  lastSeq(): number {
    return this.last.get()?.seq ?? 0;
  }

  between(fromMs: number, toMs: number): OfficeEvent[] {
    return this.inRange.all(fromMs, toMs).map(toEvent);
  }
}
