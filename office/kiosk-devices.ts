import type { KioskDevice } from '../db/kiosk-devices.js';
import type { Store } from '../db/store.js';
import { notFound } from './refusal.js';

export type { KioskDevice } from '../db/kiosk-devices.js';

/** Kiosk PCs paired with the office by an admin; the host makes the token, the office keeps its hash. */
export class KioskDevices {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
  ) {}

  list(): KioskDevice[] {
    return this.store.kioskDevices.list();
  }

  pair(name: string, tokenHash: string, staffId: number): number {
    return this.store.change((tx) => {
      const now = this.clock();
      const id = tx.kioskDevices.create(name, tokenHash, now);
      return { result: id, events: [{ at: now, type: 'kiosk.paired', ticketId: null, counterId: null, staffId, data: { kioskId: id } }] };
    });
  }

  /**
   * Idempotent: revoking twice (a double click, a retry after a lost answer) is not an error, and
   * the log records the one moment the token stopped working.
   */
  revoke(id: number, staffId: number): KioskDevice {
    return this.store.change((tx) => {
      if (!tx.kioskDevices.get(id)) throw notFound(`Kiosk ${id}`);
      const now = this.clock();
      const revoked = tx.kioskDevices.revoke(id, now);
      const events = revoked ? [{ at: now, type: 'kiosk.revoked' as const, ticketId: null, counterId: null, staffId, data: { kioskId: id } }] : [];
      return { result: tx.kioskDevices.get(id)!, events };
    });
  }
}
