import type { Db } from './database.js';

/** Staff sessions, stored by the hash of their token so a copied database grants no logins. */
export class SessionRepository {
  private readonly insert;
  private readonly byHash;
  private readonly touchStmt;
  private readonly remove;
  private readonly removeIdle;
  private readonly removeOfStaff;
  private readonly endListeners = new Set<() => void>();

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
    this.ended(this.remove.run(tokenHash).changes);
  }

  deleteIdleSince(cutoff: number): number {
    return this.ended(this.removeIdle.run(cutoff).changes);
  }

  /** Logs the member out everywhere, except in the session given (their own, when they change their own password). */
  deleteOfStaff(staffId: number, keepTokenHash: string | null = null): number {
    return this.ended(this.removeOfStaff.run(staffId, keepTokenHash ?? '').changes);
  }

  /**
   * Calls `listener` whenever sessions were deleted, so connections opened with a session (the
   * live stream) can end at once instead of at their next check. It runs inside the deleting
   * transaction, if any: a listener that reads the sessions should wait a turn for the commit.
   */
  onEnded(listener: () => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private ended(count: number): number {
    if (count > 0) for (const listener of this.endListeners) listener();
    return count;
  }
}
