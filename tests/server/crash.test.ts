import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killHard, spawnHost } from '../support/child-host.js';
import { allowTicketBursts } from '../support/issuance-limits.js';
import { ADMIN_PASSWORD, Client } from '../support/test-host.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a host killed with SIGKILL while citizens take tickets', () => {
  it('keeps every ticket it confirmed, gives no number twice, and numbering continues', async () => {
    const env = { DATA_DIR: dataDir, ADMIN_PASSWORD };
    const first = await spawnHost(env);
    await allowTicketBursts(first.url);
    const kiosk = new Client(first.url);

    const confirmed: { id: number; number: string }[] = [];
    // Four kiosks, each asking for its next ticket once it has the last: a stream, not one burst.
    // (All 200 at once is now one or two group-committed batches, answered before a kill could land.)
    const kioskLoop = async (offset: number) => {
      for (let i = offset; i < 200; i += 4) {
        const r = await kiosk.post('/api/tickets', { serviceCode: 'MPKA'[i % 4] }).catch(() => null);
        if (!r) return; // a connection cut by the kill: never confirmed, so nothing was promised
        if (r.status === 201) confirmed.push({ id: r.body.id, number: r.body.number });
        // Once a good share is confirmed, pull the plug while the other kiosks have requests in flight.
        if (confirmed.length === 60) void killHard(first);
      }
    };
    await Promise.all([0, 1, 2, 3].map(kioskLoop));
    if (first.process.exitCode === null && first.process.signalCode === null) await killHard(first);
    expect(first.process.signalCode).toBe('SIGKILL');
    expect(confirmed.length).toBeGreaterThanOrEqual(60);
    expect(confirmed.length).toBeLessThan(200);

    const second = await spawnHost(env);
    try {
      const admin = new Client(second.url);
      await admin.login('admin', ADMIN_PASSWORD);
      const waiting = (await admin.get('/api/queue')).body as { id: number; number: string }[];
      const stored = new Map(waiting.map((t) => [t.id, t.number]));
      for (const ticket of confirmed) expect(stored.get(ticket.id)).toBe(ticket.number);
      expect(new Set(waiting.map((t) => t.number)).size).toBe(waiting.length);

      const after = (await new Client(second.url).post('/api/tickets', { serviceCode: 'M' })).body;
      const highestM = Math.max(...waiting.filter((t) => t.number.startsWith('M')).map((t) => Number(t.number.slice(1))));
      expect(after.number).toBe(`M${String(highestM + 1).padStart(3, '0')}`);
    } finally {
      await killHard(second);
    }
  });
});
