import path from 'node:path';
import Database from 'better-sqlite3';

export interface RecordedEvent {
  type: string;
  staffId: number | null;
  counterId: number | null;
  data: Record<string, unknown>;
}

/** The office's event log as stored, read beside the running host (WAL lets a reader in). */
export function recordedEvents(dataDir: string, typePrefix: string): RecordedEvent[] {
  const db = new Database(path.join(dataDir, 'office.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare('SELECT type, staff_id, counter_id, data FROM events WHERE type LIKE ? ORDER BY seq')
      .all(`${typePrefix}%`) as { type: string; staff_id: number | null; counter_id: number | null; data: string }[];
    return rows.map((r) => ({ type: r.type, staffId: r.staff_id, counterId: r.counter_id, data: JSON.parse(r.data) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}
