import type { Db } from './database.js';

/** Kiosk PCs paired with the host; like sessions, only the hash of the bearer token is kept. */
export class KioskDeviceRepository {
  private readonly insert;
  private readonly byHash;

  constructor(db: Db) {
    this.insert = db.prepare<[string, string, number]>(
      'INSERT INTO kiosk_devices (name, token_hash, created_at) VALUES (?, ?, ?)',
    );
    this.byHash = db.prepare<[string], { id: number; name: string }>(
      'SELECT id, name FROM kiosk_devices WHERE token_hash = ? AND revoked_at IS NULL',
    );
  }

  create(name: string, tokenHash: string, now: number): number {
    return Number(this.insert.run(name, tokenHash, now).lastInsertRowid);
  }

  findActive(tokenHash: string): { id: number; name: string } | undefined {
    return this.byHash.get(tokenHash);
  }
}
