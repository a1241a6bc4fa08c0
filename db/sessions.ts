import type { Db } from './database.js';

/** Staff sessions, stored by the hash of their token so a copied database grants no logins. */
export class SessionRepository {
  private readonly insert;
  private readonly byHash;
  private readonly touchStmt;
  private readonly remove;
  private readonly removeIdle;
  private readonly removeOfStaff;

  constructor(db: Db) {
    this.insert = db.prepare<[string, number, number, number]>(
      'INSERT INTO sessions (token_hash, staff_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
    );
    this.byHash = db.prepare<[string], { staff_id: number; created_at: number; last_seen_at: number }>(
      'SELECT staff_id, created_at, last_seen_at FROM sessions WHERE token_hash = ?',
    );
    this.touchStmt = db.prepare<[number, string]>('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
    this.remove = db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?');
    this.removeIdle = db.prepare<[number]>('DELETE FROM sessions WHERE last_seen_at < ?');
    this.removeOfStaff = db.prepare<[number, string]>('DELETE FROM sessions WHERE staff_id = ? AND token_hash <> ?');
  }

  create(tokenHash: string, staffId: number, now: number): void {
    this.insert.run(tokenHash, staffId, now, now);
  }

  find(tokenHash: string): { staffId: number; createdAt: number; lastSeenAt: number } | undefined {
    const row = this.byHash.get(tokenHash);
    return row ? { staffId: row.staff_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at } : undefined;
  }

  touch(tokenHash: string, now: number): void {
    this.touchStmt.run(now, tokenHash);
  }

  delete(tokenHash: string): void {
    this.remove.run(tokenHash);
  }

  deleteIdleSince(cutoff: number): number {
    return this.removeIdle.run(cutoff).changes;
  }

  /** Logs the member out everywhere, except in the session given (their own, when they change their own password). */
  deleteOfStaff(staffId: number, keepTokenHash: string | null = null): number {
    return this.removeOfStaff.run(staffId, keepTokenHash ?? '').changes;
  }
}
