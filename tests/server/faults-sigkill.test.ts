import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OfficeEvent } from '../../core/events.js';
import { killHard, spawnHost } from '../support/child-host.js';
import { allowTicketBursts } from '../support/issuance-limits.js';
import { OfficeTraffic } from '../support/office-traffic.js';
import { readEventLog, sequenceFaults, sessionCookie } from '../support/sse.js';
import { ADMIN_PASSWORD, Client, clerks } from '../support/test-host.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-faults-kill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const sequenceOf = (number: string) => Number(number.slice(1));

describe('a host killed with SIGKILL while kiosks issue tickets and clerks call and finish', () => {
  it('keeps every acknowledged ticket and call, gives no number twice, and its event log has no gap', async () => {
    const env = { DATA_DIR: dataDir, ADMIN_PASSWORD };
    const first = await spawnHost(env);
    await allowTicketBursts(first.url);
    const staff = await clerks(first.url, 3);
    for (const [i, clerk] of staff.entries()) expect((await clerk.post(`/api/counters/${i + 1}/open`)).status).toBe(200);
    const traffic = new OfficeTraffic(
      [new Client(first.url), new Client(first.url)],
      staff.map((client, i) => ({ client, counterId: i + 1 })),
    );
    // Pull the plug in the middle of it: two kiosks and three clerks all have a request in flight.
    await traffic.until(() => traffic.issued.size >= 40 && traffic.calls.length >= 15);
    await killHard(first);
    await traffic.stop();
    expect(first.process.signalCode).toBe('SIGKILL');
    expect(traffic.surprises).toEqual([]);
    expect(new Set(traffic.issued.values()).size).toBe(traffic.issued.size);

    const second = await spawnHost(env);
    try {
      const admin = new Client(second.url);
      await admin.login('admin', ADMIN_PASSWORD);
      for (const [id, number] of traffic.issued) {
        const ticket = await admin.get(`/api/tickets/${id}`);
        expect(ticket.status, `acknowledged ticket ${number}`).toBe(200);
        expect(ticket.body.number).toBe(number);
      }
      for (const call of traffic.calls) {
        const ticket = (await admin.get(`/api/tickets/${call.ticketId}`)).body;
        // A clerk who was told "called" has that citizen at the desk: never back in the waiting line.
        expect(['called', 'serving', 'done'], `acknowledged call of ticket ${call.ticketId}`).toContain(ticket.status);
        expect(ticket.counterId).toBe(call.counterId);
        if (traffic.finished.has(call.ticketId)) expect(ticket.status).toBe('done');
      }

      const log = await readEventLog(second.url, await sessionCookie(second.url, 'admin', ADMIN_PASSWORD));
      expect(sequenceFaults(log.map((e) => e.seq))).toEqual({ missing: [], outOfOrder: [] });
      // Each change and its event are one transaction: both survived, or neither.
      const eventKeys = new Set(log.map((e) => `${e.type} ${e.ticketId} ${e.counterId}`));
      for (const id of traffic.issued.keys()) expect(eventKeys.has(`ticket.issued ${id} null`), `issue event of ${id}`).toBe(true);
      for (const call of traffic.calls) expect(eventKeys.has(`ticket.called ${call.ticketId} ${call.counterId}`)).toBe(true);
      for (const id of traffic.finished) expect(log.some((e) => e.type === 'ticket.finished' && e.ticketId === id)).toBe(true);
      for (const event of log.filter((e) => e.type === 'ticket.issued')) {
        expect((await admin.get(`/api/tickets/${event.ticketId}`)).status, `ticket of event ${event.seq}`).toBe(200);
      }

      // Numbering continues after the highest number given before the crash, acknowledged or not.
      const issuedBefore = log.filter((e) => e.type === 'ticket.issued').map((e) => (e as OfficeEvent & { data: { number: string } }).data.number);
      expect(new Set(issuedBefore).size).toBe(issuedBefore.length);
      const kiosk = new Client(second.url);
      for (const service of 'MPKA') {
        const next = await kiosk.post('/api/tickets', { serviceCode: service });
        expect(next.status).toBe(201);
        const highest = Math.max(0, ...issuedBefore.filter((n) => n.startsWith(service)).map(sequenceOf));
        expect(sequenceOf(next.body.number)).toBe(highest + 1);
      }
    } finally {
      await killHard(second);
    }
  });
});
