import type { Db } from './database.js';

/** A paired kiosk PC as an admin sees it; the token itself is never stored, only its hash. */
export interface KioskDevice {
  id: number;
  name: string;
  pairedAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
}

interface Row {
  id: number;
  name: string;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}

const COLUMNS = 'id, name, created_at, last_seen_at, revoked_at';

/** Kiosk PCs paired with the host; like sessions, only the hash of the bearer token is kept. */
export class KioskDeviceRepository {
  private readonly insert;
  private readonly byHash;
  private readonly byId;
  private readonly all;
  private readonly touchStmt;
  private readonly revokeStmt;

  constructor(db: Db) {
    this.insert = db.prepare<[string, string, number]>(
      'INSERT INTO kiosk_devices (name, token_hash, created_at) VALUES (?, ?, ?)',
    );
    this.byHash = db.prepare<[string], { id: number; name: string; last_seen_at: number | null }>(
      'SELECT id, name, last_seen_at FROM kiosk_devices WHERE token_hash = ? AND revoked_at IS NULL',
    );
    this.byId = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM kiosk_devices WHERE id = ?`);
    this.all = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM kiosk_devices ORDER BY id`);
    this.touchStmt = db.prepare<[number, number]>('UPDATE kiosk_devices SET last_seen_at = ? WHERE id = ?');
    this.revokeStmt = db.prepare<[number, number]>('UPDATE kiosk_devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  }

  create(name: string, tokenHash: string, now: number): number {
    return Number(this.insert.run(name, tokenHash, now).lastInsertRowid);
  }

  findActive(tokenHash: string): { id: number; name: string; lastSeenAt: number | null } | undefined {
    const row = this.byHash.get(tokenHash);
    return row ? { id: row.id, name: row.name, lastSeenAt: row.last_seen_at } : undefined;
  }

  get(id: number): KioskDevice | undefined {
    const row = this.byId.get(id);
    return row ? toDevice(row) : undefined;
  }

  list(): KioskDevice[] {
    return this.all.all().map(toDevice);
  }

  touch(id: number, now: number): void {
    this.touchStmt.run(now, id);
  }

  /** True when this call revoked it; false when it already was revoked. */
  revoke(id: number, now: number): boolean {
    return this.revokeStmt.run(now, id).changes === 1;
  }
}

function toDevice(row: Row): KioskDevice {
  return { id: row.id, name: row.name, pairedAt: row.created_at, lastSeenAt: row.last_seen_at, revokedAt: row.revoked_at };
}
