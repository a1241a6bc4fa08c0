import type { StoreReader } from '../db/store.js';
import { conflict } from './refusal.js';

/** Active services that no active counter serves: the kiosk would issue tickets nobody can call. */
function unservedServices(store: StoreReader): string[] {
  const served = new Set(store.counters.listSetup().flatMap((counter) => (counter.active ? counter.serviceCodes : [])));
  return store.services.list().flatMap((service) => (service.active && !served.has(service.code) ? [service.code] : []));
}

/**
 * Runs a configuration change inside the caller's change and refuses it (the transaction rolls
 * back) when it leaves an active service without an active counter. Only services the change
 * itself left unserved count: an office that is already in that state (an older database) can
 * still be mended one counter at a time.
 */
export function keepingEveryServiceServed<T>(tx: StoreReader, change: () => T): T {
  const before = new Set(unservedServices(tx));
  const result = change();
  const newlyUnserved = unservedServices(tx).filter((code) => !before.has(code));
  if (newlyUnserved.length > 0) {
    throw conflict(
      'service_unserved',
      `No active counter would serve ${newlyUnserved.length === 1 ? 'service' : 'services'} ${newlyUnserved.join(', ')}, so the kiosk would issue tickets nobody can call. Let another active counter serve ${newlyUnserved.length === 1 ? 'it' : 'them'} first, or deactivate the service.`,
    );
  }
  return result;
}
