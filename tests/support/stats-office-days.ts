import { afterAll, beforeAll, expect } from 'vitest';
import { makeMrz } from './mrz-generator.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type TestHost } from './test-host.js';

/**
 * Two office days around the end of summer time, played through the API on a controlled clock,
 * whose figures stats.test.ts and stats-export.test.ts check against numbers worked out by hand
 * from this list. 2026-10-24 is a summer day
 * (UTC+2); 2026-10-25 has 25 hours: at 03:00 summer time the clock goes back to 02:00 (UTC+1),
 * so 02:30 happens twice. 2026-10-26 is an empty day on which counter 2 is still open.
 *
 * Tickets (local times; wait = arrival → last call, walk = call → start, service = start → finish):
 *  T1  M001  24th 09:00, called 09:10, start 09:12, done 09:20 mitid_issued  (counter 1, clerk A) est 0
 *  T2  P001  24th 09:05, called 09:20, start 09:21, transferred to K 09:33 (counter 1, A)  est 0
 *  T2' P001 in K (continuation), called 09:33, start 09:34, done 09:50 other (counter 1, A)
 *  T3  M002  urgent hospital summons 10:00, called 10:04, start 10:05, done 10:15 refused (counter 2, B) est 0
 *  T4  M003  10:02, called 10:06, no-show 10:08, called again 10:30, start 10:31, done 10:41 mitid (counter 1, A) est 5
 *  T5  A001  walk-up at counter 2 10:45, done 10:50 other (B)
 *  T6  A002  11:00, cancelled 11:10 (never at a counter)  est 0
 *  T7  P002  23:30 (summer), still waiting at midnight; called 25th 00:40, start 00:41, done 00:50 referred (counter 1, A)  est 0
 *  T8  M001  25th 00:30+02, called 00:50, start 00:52, done 01:00 mitid (counter 1, A)  est 0
 *  T9  K001  25th 02:30+02, called 02:35, start 02:36, done 02:46 other (counter 1, A)  est 0
 *  T10 K002  urgent other, 25th 02:30+01 (the second 02:30), called 02:40, no-show 02:45 (counter 1, A)  est 0
 * Counters: 1 open by A 24th 09:00–11:05 and 25th 00:20+02–03:30+01 (250 min: 4 h 10 real minutes
 * for 3 h 10 on the clock); 2 open by B 24th 10:00–12:00 and from 25th 02:50+02 on, never closed.
 * ID checks: 24th 08:55 accepted, 09:58 rejected (expired); 25th 00:29+02 supplement, 02:20+01 rejected (unreadable).
 */

const local = (iso: string) => Date.parse(iso);
const clock = new TestClock(local('2026-10-24T08:00:00+02:00'));
const NOW = local('2026-10-26T12:00:00+01:00');

let running: TestHost;
/** The office manager's browser: a session cookie for plain fetch (the exports are not JSON). */
let managerCookie: Record<string, string>;
export const staff = { a: { id: 0, username: '', displayName: '' }, b: { id: 0, username: '', displayName: '' } };

/** Plays the two days into a fresh host before the file's tests, and stops it after them. */
export function useTwoOfficeDays(): void {
  beforeAll(startAndSeed);
  afterAll(async () => running?.stop());
}

async function startAndSeed(): Promise<void> {
  // Sessions outlive the night: a clerk's expired session would close the counter at a time the test does not choose.
  running = await startTestHost({ clock: clock.read, sessionIdleMinutes: 30 * 24 * 60 });
  const [a, b] = await clerks(running.url, 2);
  managerCookie = await newManagerSession(running.url);
  for (const [key, client] of [['a', a!], ['b', b!]] as const) {
    const me = (await client.get('/api/me')).body.staff;
    staff[key] = { id: me.id, username: me.username, displayName: me.displayName };
  }
  await seedOfficeDays(new Client(running.url), a!, b!);
  clock.now = NOW;
}

async function seedOfficeDays(kiosk: Client, a: Client, b: Client): Promise<void> {
  const set = (iso: string) => void (clock.now = local(iso));
  const ok = async <T = any>(response: Promise<{ status: number; body: T }>, status = 200): Promise<T> => {
    const r = await response;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const issue = async (iso: string, body: object, number: string, estimate: number) => {
    set(iso);
    const ticket = await ok(kiosk.post('/api/tickets', body), 201);
    expect(ticket).toMatchObject({ number, estimatedWaitMinutes: estimate });
    return ticket.id as number;
  };
  const act = async (clerk: Client, iso: string, route: string, body?: object) => {
    set(iso);
    return ok(clerk.post(route, body));
  };
  const callNext = async (clerk: Client, counter: number, iso: string, expectedId: number) => {
    expect((await act(clerk, iso, `/api/counters/${counter}/call-next`)).id).toBe(expectedId);
  };
  const check = async (iso: string, mrz: string, verdict: string) => {
    set(iso);
    const result = await ok(kiosk.post('/api/id-checks', { mrz }));
    expect(result.verdict).toBe(verdict);
    return result.id as number;
  };

  // Saturday 24 October 2026, summer time.
  const accepted = await check('2026-10-24T08:55:00+02:00', makeMrz({ issuingState: 'DNK', birthDate: '1980-05-05', expiryDate: '2029-10-24' }), 'accepted');
  await act(a, '2026-10-24T09:00:00+02:00', '/api/counters/1/open');
  const t1 = await issue('2026-10-24T09:00:00+02:00', { serviceCode: 'M', idCheckId: accepted }, 'M001', 0);
  const t2 = await issue('2026-10-24T09:05:00+02:00', { serviceCode: 'P' }, 'P001', 0);
  await callNext(a, 1, '2026-10-24T09:10:00+02:00', t1);
  await act(a, '2026-10-24T09:12:00+02:00', `/api/tickets/${t1}/start`);
  await act(a, '2026-10-24T09:20:00+02:00', `/api/tickets/${t1}/finish`, { outcome: 'mitid_issued' });
  await callNext(a, 1, '2026-10-24T09:20:00+02:00', t2);
  await act(a, '2026-10-24T09:21:00+02:00', `/api/tickets/${t2}/start`);
  const t2c = (await act(a, '2026-10-24T09:33:00+02:00', `/api/tickets/${t2}/transfer`, { serviceCode: 'K' })).id as number;
  await callNext(a, 1, '2026-10-24T09:33:00+02:00', t2c);
  await act(a, '2026-10-24T09:34:00+02:00', `/api/tickets/${t2c}/start`);
  await act(a, '2026-10-24T09:50:00+02:00', `/api/tickets/${t2c}/finish`, { outcome: 'other' });
  await check('2026-10-24T09:58:00+02:00', makeMrz({ issuingState: 'DEU', birthDate: '1975-03-03', expiryDate: '2026-10-23' }), 'rejected');
  await act(b, '2026-10-24T10:00:00+02:00', '/api/counters/2/open');
  const t3 = await issue('2026-10-24T10:00:00+02:00', { serviceCode: 'M', urgent: { reason: 'hospital_summons' } }, 'M002', 0);
  // One urgent M ahead, two counters open, typical M service 10 min (T1): ceil(1 × 10 / 2) = 5.
  const t4 = await issue('2026-10-24T10:02:00+02:00', { serviceCode: 'M' }, 'M003', 5);
  await callNext(b, 2, '2026-10-24T10:04:00+02:00', t3);
  await act(b, '2026-10-24T10:05:00+02:00', `/api/tickets/${t3}/start`);
  await callNext(a, 1, '2026-10-24T10:06:00+02:00', t4);
  await act(a, '2026-10-24T10:08:00+02:00', `/api/tickets/${t4}/no-show`);
  await act(b, '2026-10-24T10:15:00+02:00', `/api/tickets/${t3}/finish`, { outcome: 'refused_no_valid_id' });
  await act(a, '2026-10-24T10:30:00+02:00', '/api/counters/1/call', { ticketId: t4, reason: 'came back' });
  await act(a, '2026-10-24T10:31:00+02:00', `/api/tickets/${t4}/start`);
  await act(a, '2026-10-24T10:41:00+02:00', `/api/tickets/${t4}/finish`, { outcome: 'mitid_issued' });
  set('2026-10-24T10:45:00+02:00');
  const t5 = (await ok(b.post('/api/counters/2/walk-up', { serviceCode: 'A' }), 201)).id as number;
  await act(b, '2026-10-24T10:50:00+02:00', `/api/tickets/${t5}/finish`, { outcome: 'other' });
  const t6 = await issue('2026-10-24T11:00:00+02:00', { serviceCode: 'A' }, 'A002', 0);
  await act(a, '2026-10-24T11:05:00+02:00', '/api/counters/1/close');
  await act(b, '2026-10-24T11:10:00+02:00', `/api/tickets/${t6}/cancel`);
  await act(b, '2026-10-24T12:00:00+02:00', '/api/counters/2/close');
  const t7 = await issue('2026-10-24T23:30:00+02:00', { serviceCode: 'P' }, 'P002', 0);

  // Sunday 25 October 2026: summer time until 03:00, then 02:00 again in winter time.
  await act(a, '2026-10-25T00:20:00+02:00', '/api/counters/1/open');
  const supplement = await check('2026-10-25T00:29:00+02:00', makeMrz({ kind: 'id_card', issuingState: 'SWE', birthDate: '1990-01-01', expiryDate: '2028-01-01' }), 'supplement_required');
  const t8 = await issue('2026-10-25T00:30:00+02:00', { serviceCode: 'M', idCheckId: supplement, supplementDeclared: true }, 'M001', 0);
  await callNext(a, 1, '2026-10-25T00:40:00+02:00', t7);
  await act(a, '2026-10-25T00:41:00+02:00', `/api/tickets/${t7}/start`);
  await act(a, '2026-10-25T00:50:00+02:00', `/api/tickets/${t7}/finish`, { outcome: 'referred' });
  await callNext(a, 1, '2026-10-25T00:50:00+02:00', t8);
  await act(a, '2026-10-25T00:52:00+02:00', `/api/tickets/${t8}/start`);
  await act(a, '2026-10-25T01:00:00+02:00', `/api/tickets/${t8}/finish`, { outcome: 'mitid_issued' });
  const t9 = await issue('2026-10-25T02:30:00+02:00', { serviceCode: 'K' }, 'K001', 0);
  await callNext(a, 1, '2026-10-25T02:35:00+02:00', t9);
  await act(a, '2026-10-25T02:36:00+02:00', `/api/tickets/${t9}/start`);
  await act(a, '2026-10-25T02:46:00+02:00', `/api/tickets/${t9}/finish`, { outcome: 'other' });
  await act(b, '2026-10-25T02:50:00+02:00', '/api/counters/2/open');
  await check('2026-10-25T02:20:00+01:00', 'HELLO\nWORLD', 'rejected');
  const t10 = await issue('2026-10-25T02:30:00+01:00', { serviceCode: 'K', urgent: { reason: 'other' } }, 'K002', 0);
  await callNext(a, 1, '2026-10-25T02:40:00+01:00', t10);
  await act(a, '2026-10-25T02:45:00+01:00', `/api/tickets/${t10}/no-show`);
  await act(a, '2026-10-25T03:30:00+01:00', '/api/counters/1/close');
}

export const duration = (count: number, mean: number | null, median: number | null, p90: number | null, max: number | null) => ({ count, mean, median, p90, max });
export const none = duration(0, null, null, null, null);

export async function stats(query: string): Promise<any> {
  const response = await download(`/api/stats?${query}`);
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

export const download = (route: string) => fetch(running.url + route, { headers: managerCookie });

async function newManagerSession(url: string): Promise<Record<string, string>> {
  const admin = new Client(url);
  await admin.login('admin', ADMIN_PASSWORD);
  const credentials = { username: 'office-manager', password: 'manager-password-1' };
  expect((await admin.post('/api/staff', { ...credentials, displayName: 'Office Manager', role: 'manager' })).status).toBe(201);
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  expect(login.status).toBe(200);
  return { cookie: login.headers.get('set-cookie')!.split(';')[0]! };
}
