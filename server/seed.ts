import { DEFAULT_COUNTERS, DEFAULT_SERVICES } from '../core/defaults.js';
import type { Store } from '../db/store.js';
import { hashPassword, newInitialPassword } from './secrets.js';

/**
 * Fills an empty database with the defaults an office starts from and the first admin.
 * Returns the admin's generated password when none was configured, so it can be printed once.
 */
export async function seedIfEmpty(store: Store, adminPassword: string | undefined, passwordHashCost: number, now: number): Promise<{ generatedPassword?: string }> {
  if (store.services.list().length === 0) {
    // The defaults are where the office starts, not a change anyone made: no event records them.
    store.change((tx) => {
      DEFAULT_SERVICES.forEach((service, order) => tx.services.create(service, order));
      const codes = DEFAULT_SERVICES.map((s) => s.code);
      for (const counter of DEFAULT_COUNTERS) tx.counters.create(counter.name, codes, counter.ordering);
      return { result: undefined, events: [] };
    });
  }
  if (!store.staff.isEmpty()) return {};
  const password = adminPassword ?? newInitialPassword();
  const passwordHash = await hashPassword(password, passwordHashCost);
  store.change((tx) => ({ result: tx.staff.create({ username: 'admin', displayName: 'Administrator', role: 'admin', passwordHash, createdAt: now }), events: [] }));
  return adminPassword ? {} : { generatedPassword: password };
}
