import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/config.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

// The host's clock is a test clock, so "a minute" and "an hour" pass without waiting. Every test
// starts two hours after the previous one, so no window carries over (and logs the admin in again,
// their session having gone idle meanwhile).
const clock = new TestClock(Date.parse('2026-11-25T10:00:00+01:00'));
let running: TestHost;
let admin: Client;

beforeAll(async () => {
  running = await startTestHost({ clock: clock.read });
});
afterAll(async () => {
  await running.stop();
});
beforeEach(async () => {
  clock.advanceMinutes(120);
  admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
});

async function pairKiosk(name: string): Promise<{ id: number; client: Client }> {
  const paired = await admin.post('/api/kiosk-devices', { name });
  expect(paired.status).toBe(201);
  return { id: paired.body.id, client: new Client(running.url, { authorization: `Bearer ${paired.body.token}` }) };
}

async function issue(client: Client, count: number, body: object = { serviceCode: 'P' }): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await client.post('/api/tickets', body)).status);
  return statuses;
}

/** The refusals in the event log, read from the database file itself: exactly what is stored. */
function refusalEvents(): { at: number; staffId: number | null; data: Record<string, unknown> }[] {
  const db = new Database(path.join(running.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db
      .prepare<[], { at: number; staff_id: number | null; data: string }>("SELECT at, staff_id, data FROM events WHERE type = 'issuance.refused' ORDER BY seq")
      .all()
      .map((row) => ({ at: row.at, staffId: row.staff_id, data: JSON.parse(row.data) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

describe('tickets a minute per kiosk', () => {
  it('refuses the 31st ticket in a minute from one kiosk token with 429 too_many_tickets and retry-after; another kiosk still issues', async () => {
    const first = await pairKiosk('Indgang A');
    const second = await pairKiosk('Indgang B');
    expect(await issue(first.client, 30)).toEqual(Array(30).fill(201));
    const refused = await first.client.post('/api/tickets', { serviceCode: 'P' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_tickets');
    // All 30 were issued at the same instant of the test clock: the first leaves the window in 60 s.
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await second.client.post('/api/tickets', { serviceCode: 'P' })).status).toBe(201);

    clock.advanceMinutes(1);
    expect((await first.client.post('/api/tickets', { serviceCode: 'P' })).status).toBe(201);
  });

  it("limits the host's own kiosk on loopback like any other, but never a clerk issuing at the counter", async () => {
    const loopback = new Client(running.url);
    expect(await issue(loopback, 30)).toEqual(Array(30).fill(201));
    const refused = await loopback.post('/api/tickets', { serviceCode: 'M' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_tickets');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // The clerk's PC is this same loopback address; a clerk serving the queue is never held up.
    const [clerk] = await clerks(running.url, 1);
    expect(await issue(clerk!, 40)).toEqual(Array(40).fill(201));
  });
});

describe('urgent tickets per kiosk', () => {
  it('refuses the 7th urgent ticket in an hour, while normal tickets go on', async () => {
    const kiosk = await pairKiosk('Indgang U');
    const urgent = { serviceCode: 'P', urgent: { reason: 'hospital_summons' } };
    for (let i = 0; i < 6; i++) {
      expect((await kiosk.client.post('/api/tickets', urgent)).status).toBe(201);
      clock.advanceMinutes(5);
    }
    const refused = await kiosk.client.post('/api/tickets', urgent);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_tickets');
    expect(refused.headers.get('retry-after')).toBe(String(30 * 60));
    expect((await kiosk.client.post('/api/tickets', { serviceCode: 'P' })).status).toBe(201);
    clock.advanceMinutes(30);
    expect((await kiosk.client.post('/api/tickets', urgent)).status).toBe(201);
  });
});

describe('refusals in the event log', () => {
  it('records one event per source and window, naming the kiosk but no address, not one per refused request', async () => {
    const kiosk = await pairKiosk('Indgang E');
    const before = refusalEvents().length;
    await issue(kiosk.client, 30);
    expect(await issue(kiosk.client, 20)).toEqual(Array(20).fill(429));
    await issue(new Client(running.url), 35);

    let events = refusalEvents().slice(before);
    expect(events.map((e) => e.data)).toEqual([
      { kioskId: kiosk.id, limit: 'tickets_per_minute', max: 30 },
      { kioskId: null, addressKind: 'loopback', limit: 'tickets_per_minute', max: 30 },
    ]);
    expect(events.every((e) => e.staffId === null)).toBe(true);

    // A minute later the kiosk floods again: one more event, and still only one.
    clock.advanceMinutes(1);
    await issue(kiosk.client, 40);
    events = refusalEvents().slice(before);
    expect(events).toHaveLength(3);

    const audit = await admin.get('/api/audit?type=issuance.refused');
    expect(audit.status).toBe(200);
    expect(audit.body.entries[0].description.en).toBe(`Kiosk PC #${kiosk.id} refused: over the limit of 30 tickets a minute`);
  });
});

describe('the limits as a setting', () => {
  it('are changed by a manager, take effect at once, and are validated and logged', async () => {
    const [manager] = await clerks(running.url, 1, 'manager');
    const [clerk] = await clerks(running.url, 1);
    expect((await manager!.get('/api/config/issuance-limits')).body).toEqual({ ticketsPerMinute: 30, urgentPerHour: 6 });
    expect((await clerk!.get('/api/config/issuance-limits')).status).toBe(403);
    expect((await clerk!.request('PUT', '/api/config/issuance-limits', { ticketsPerMinute: 5, urgentPerHour: 6 })).status).toBe(403);
    for (const bad of [{ ticketsPerMinute: 0, urgentPerHour: 6 }, { ticketsPerMinute: 5 }, { ticketsPerMinute: 5, urgentPerHour: 1.5 }, { ticketsPerMinute: 5, urgentPerHour: 6, perDay: 3 }]) {
      const response = await manager!.request('PUT', '/api/config/issuance-limits', bad);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }

    const changed = await manager!.request('PUT', '/api/config/issuance-limits', { ticketsPerMinute: 5, urgentPerHour: 6 });
    expect(changed.status).toBe(200);
    try {
      const kiosk = await pairKiosk('Indgang S');
      expect(await issue(kiosk.client, 6)).toEqual([201, 201, 201, 201, 201, 429]);
      const audit = await admin.get('/api/audit?type=config.changed');
      expect(audit.body.entries[0].description.en).toBe('Setting changed: issuanceLimits');
    } finally {
      await manager!.request('PUT', '/api/config/issuance-limits', { ticketsPerMinute: 30, urgentPerHour: 6 });
    }
  });
});
