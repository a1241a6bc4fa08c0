import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, AuditPageView } from '../../contract/audit.js';
import { ADMIN_PASSWORD, Client, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

const local = (iso: string) => Date.parse(iso);
const DB_FILE = 'office.sqlite';

/** A host with an admin, a manager and a clerk logged in, and a kiosk on the host's own PC. */
async function office(clock: TestClock, dataDir?: string) {
  const running = await startTestHost({ clock: clock.read, sessionIdleMinutes: 30 * 24 * 60, ...(dataDir ? { dataDir } : {}) });
  const admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
  return { running, admin };
}

async function addStaff(admin: Client, url: string, username: string, role: 'clerk' | 'manager', displayName: string): Promise<{ client: Client; id: number }> {
  const password = `${username}-password-123`;
  const created = await admin.post('/api/staff', { username, displayName, password, role });
  expect(created.status).toBe(201);
  const client = new Client(url);
  await client.login(username, password);
  return { client, id: (await client.get('/api/me')).body.staff.id };
}

async function allPages(client: Client, query: string, limit: number): Promise<AuditEntryView[]> {
  const entries: AuditEntryView[] = [];
  let before: number | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const response: { status: number; body: AuditPageView } = await client.get<AuditPageView>(`/api/audit?limit=${limit}${query}${before === null ? '' : `&before=${before}`}`);
    expect(response.status).toBe(200);
    entries.push(...response.body.entries);
    before = response.body.nextBefore;
    if (before === null) return entries;
  }
  throw new Error('paging did not end');
}

describe('the audit log API', () => {
  const clock = new TestClock(local('2026-11-23T08:00:00+01:00'));
  let running: TestHost;
  let admin: Client;
  let manager: Client;
  let clerk: { client: Client; id: number };

  beforeAll(async () => {
    ({ running, admin } = await office(clock));
    manager = (await addStaff(admin, running.url, 'audit-manager', 'manager', 'Mette Manager')).client;
    clerk = await addStaff(admin, running.url, 'audit-clerk', 'clerk', 'Carl Clerk');
    const kiosk = new Client(running.url);
    // Monday: two tickets, one served at Skranke 1 by the clerk. Tuesday: one more ticket.
    clock.now = local('2026-11-23T09:00:00+01:00');
    expect((await kiosk.post('/api/tickets', { serviceCode: 'M' })).status).toBe(201);
    expect((await kiosk.post('/api/tickets', { serviceCode: 'P', urgent: { reason: 'hospital_summons' } })).status).toBe(201);
    clock.now = local('2026-11-23T09:05:00+01:00');
    expect((await clerk.client.post('/api/counters/1/open')).status).toBe(200);
    const called = await clerk.client.post('/api/counters/1/call-next');
    expect(called.body.number).toBe('P001');
    await clerk.client.post(`/api/tickets/${called.body.id}/start`);
    clock.now = local('2026-11-23T09:15:00+01:00');
    expect((await clerk.client.post(`/api/tickets/${called.body.id}/finish`, { outcome: 'referred' })).status).toBe(200);
    clock.now = local('2026-11-24T10:00:00+01:00');
    expect((await kiosk.post('/api/tickets', { serviceCode: 'K' })).status).toBe(201);
  });
  afterAll(async () => running?.stop());

  it('answers managers and admins only: 401 without a session, 403 for a clerk', async () => {
    const anonymous = new Client(running.url);
    for (const [method, route] of [['GET', '/api/audit'], ['GET', '/api/audit?type=nonsense'], ['POST', '/api/audit/verify']] as const) {
      expect((await anonymous.request(method, route)).status).toBe(401);
      expect((await clerk.client.request(method, route)).status).toBe(403);
    }
    expect((await manager.get('/api/audit')).status).toBe(200);
    expect((await admin.get('/api/audit')).status).toBe(200);
  });

  it('lists events newest first with who, where, which ticket and what happened', async () => {
    const { entries } = (await manager.get<AuditPageView>('/api/audit?from=2026-11-23&to=2026-11-23&type=ticket.finished')).body;
    expect(entries).toEqual([
      {
        seq: expect.any(Number),
        at: '2026-11-23T08:15:00.000Z',
        type: 'ticket.finished',
        staff: { id: clerk.id, displayName: 'Carl Clerk', username: 'audit-clerk' },
        counterName: 'Skranke 1',
        ticketNumber: 'P001',
        description: { da: 'Billet P001 afsluttet: henvist', en: 'Ticket P001 finished: referred' },
      },
    ]);
    const all = await allPages(manager, '', 200);
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
    expect(all.find((e) => e.type === 'ticket.issued' && e.ticketNumber === 'M001')).toMatchObject({ staff: null, counterName: null });
  });

  it('pages by sequence number without gaps or repeats', async () => {
    const everything = await allPages(manager, '', 200);
    expect(everything.length).toBeGreaterThan(8);
    const paged = await allPages(manager, '', 3);
    expect(paged.map((e) => e.seq)).toEqual(everything.map((e) => e.seq));
    const first = (await manager.get<AuditPageView>('/api/audit?limit=3')).body;
    expect(first.entries).toHaveLength(3);
    expect(first.nextBefore).toBe(first.entries[2]!.seq);
  });

  it('filters by Copenhagen days, type and staff member', async () => {
    const tuesday = await allPages(manager, '&from=2026-11-24&to=2026-11-24', 50);
    expect(tuesday.map((e) => [e.type, e.ticketNumber])).toEqual([['ticket.issued', 'K001']]);
    const issued = await allPages(manager, '&type=ticket.issued', 2);
    expect(issued.map((e) => e.ticketNumber)).toEqual(['K001', 'P001', 'M001']);
    const byClerk = await allPages(manager, `&staffId=${clerk.id}`, 50);
    expect(new Set(byClerk.map((e) => e.staff?.id))).toEqual(new Set([clerk.id]));
    expect(byClerk.map((e) => e.type).reverse()).toEqual(['staff.login', 'counter.opened', 'ticket.called', 'ticket.started', 'ticket.finished']);
    expect((await allPages(manager, '&from=2026-11-25', 50)).length).toBe(0);
  });

  it('refuses malformed filters with 400', async () => {
    for (const query of ['type=ticket.nonsense', 'from=2026-02-30', 'from=2026-11-24&to=2026-11-23', 'limit=201', 'limit=0', 'before=0', 'staffId=x', 'from=23-11-2026']) {
      const response = await manager.get(`/api/audit?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toMatch(/^invalid_/);
    }
  });

  it('verifies the chain, and the verification is itself logged', async () => {
    const result = await manager.post('/api/audit/verify');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, lastHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(result.body.checked).toBe(result.body.lastSeq);
    expect(result.body).not.toHaveProperty('firstBrokenSeq');
    const logged = (await manager.get<AuditPageView>('/api/audit?type=audit.verified')).body.entries[0]!;
    expect(logged).toMatchObject({ seq: result.body.lastSeq + 1, staff: { displayName: 'Mette Manager' } });
    expect(logged.description.en).toBe(`Audit log verified: intact (${result.body.checked} events)`);
  });
});

describe('verifying a tampered log', () => {
  const clock = new TestClock(local('2026-11-23T08:00:00+01:00'));
  let running: TestHost;
  let admin: Client;
  const tampered = () => new Database(path.join(running.dataDir, DB_FILE));

  beforeAll(async () => {
    ({ running, admin } = await office(clock));
    const kiosk = new Client(running.url);
    for (let i = 0; i < 6; i++) {
      clock.advanceMinutes(1);
      expect((await kiosk.post('/api/tickets', { serviceCode: 'M' })).status).toBe(201);
    }
  });
  afterAll(async () => running?.stop());

  it('finds an edited event at its sequence number', async () => {
    expect((await admin.post('/api/audit/verify')).body.ok).toBe(true);
    const db = tampered();
    const victim = db.prepare("SELECT seq FROM events WHERE type = 'ticket.issued' ORDER BY seq LIMIT 1 OFFSET 2").get() as { seq: number };
    db.exec('DROP TRIGGER events_are_append_only_update');
    db.prepare(`UPDATE events SET data = json_set(data, '$.priority', 'urgent') WHERE seq = ?`).run(victim.seq);
    db.close();

    const result = await admin.post('/api/audit/verify');
    expect(result.body).toMatchObject({ ok: false, firstBrokenSeq: victim.seq, checked: victim.seq, lastSeq: null });
    const logged = (await admin.get<AuditPageView>('/api/audit?type=audit.verified&limit=1')).body.entries[0]!;
    expect(logged.description).toEqual({ da: `Revisionslog kontrolleret: brudt ved #${victim.seq}`, en: `Audit log verified: broken at #${victim.seq}` });
  });
});

describe('verifying a log with deleted events', () => {
  const clock = new TestClock(local('2026-11-23T08:00:00+01:00'));
  let running: TestHost;
  let admin: Client;

  beforeAll(async () => {
    ({ running, admin } = await office(clock));
    const kiosk = new Client(running.url);
    for (let i = 0; i < 6; i++) {
      clock.advanceMinutes(1);
      expect((await kiosk.post('/api/tickets', { serviceCode: 'P' })).status).toBe(201);
    }
  });
  afterAll(async () => running?.stop());

  function deleteEvents(where: string): void {
    const db = new Database(path.join(running.dataDir, DB_FILE));
    db.exec('DROP TRIGGER IF EXISTS events_are_append_only_delete');
    db.prepare(`DELETE FROM events WHERE ${where}`).run();
    db.close();
  }

  it('finds a deleted event at the one after it, and events cut off the end', async () => {
    const issued = (await admin.get<AuditPageView>('/api/audit?type=ticket.issued')).body.entries.map((e) => e.seq).reverse();
    deleteEvents(`seq = ${issued[2]}`);
    expect((await admin.post('/api/audit/verify')).body).toMatchObject({ ok: false, firstBrokenSeq: issued[3] });

    const last = (await admin.get<AuditPageView>('/api/audit?limit=1')).body.entries[0]!.seq;
    deleteEvents(`seq >= ${issued[1]}`);
    expect((await admin.post('/api/audit/verify')).body).toMatchObject({ ok: false, firstBrokenSeq: issued[1] });
    expect(last).toBeGreaterThan(issued[1]!);
  });
});

describe('the chain across a restart of the host', () => {
  it('goes on where it ended and verifies whole', async () => {
    const clock = new TestClock(local('2026-11-23T08:00:00+01:00'));
    const first = await office(clock);
    const dataDir = first.running.dataDir;
    const kiosk = () => new Client(first.running.url);
    expect((await kiosk().post('/api/tickets', { serviceCode: 'M' })).status).toBe(201);
    await first.running.host.close();

    clock.advanceMinutes(60);
    const second = await office(clock, dataDir);
    try {
      expect((await new Client(second.running.url).post('/api/tickets', { serviceCode: 'M' })).status).toBe(201);
      const result = await second.admin.post('/api/audit/verify');
      expect(result.body).toMatchObject({ ok: true });
      const numbers = (await second.admin.get<AuditPageView>('/api/audit?type=ticket.issued')).body.entries.map((e) => e.ticketNumber);
      expect(numbers).toEqual(['M002', 'M001']);
    } finally {
      await second.running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
