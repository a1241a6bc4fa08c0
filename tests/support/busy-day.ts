import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../db/store.js';
import { DATABASE_FILE } from '../../server/config.js';
import { Office } from '../../office/queue.js';
import { seedIfEmpty } from '../../server/seed.js';
import { ADMIN_PASSWORD } from './test-host.js';

const SERVICES = ['M', 'P', 'K', 'A'];

/**
 * A data folder whose database already holds `tickets` tickets issued today, through the same use
 * case the API calls (in-process: issuing thousands over HTTP would take minutes). Start a host on
 * it with `startTestHost({ dataDir })`.
 */
export async function busyDayDataDir(tickets: number): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-busy-'));
  const store = openStore(path.join(dataDir, DATABASE_FILE));
  try {
    await seedIfEmpty(store, ADMIN_PASSWORD, 14, Date.now());
    const office = new Office(store, Date.now);
    for (let issued = 0; issued < tickets; issued += 500) {
      const batch = Array.from({ length: Math.min(500, tickets - issued) }, (_, i) => office.issueTicket({ serviceCode: SERVICES[i % SERVICES.length]! }, { staffId: null }));
      await Promise.all(batch);
    }
  } finally {
    store.close();
  }
  return dataDir;
}
