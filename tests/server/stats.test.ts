import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/stats/csv.js';
import { FIGURE_COLUMNS } from '../../core/stats/figure-columns.js';
import { makeMrz } from '../support/mrz-generator.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

/**
 * Two office days around the end of summer time, played through the API on a controlled clock,
 * and every figure checked against numbers worked out by hand below. 2026-10-24 is a summer day
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
const staff = { a: { id: 0, username: '', displayName: '' }, b: { id: 0, username: '', displayName: '' } };

beforeAll(async () => {
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
});
afterAll(async () => running?.stop());

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

const duration = (count: number, mean: number | null, median: number | null, p90: number | null, max: number | null) => ({ count, mean, median, p90, max });
const none = duration(0, null, null, null, null);

async function stats(query: string): Promise<any> {
  const response = await download(`/api/stats?${query}`);
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

const download = (route: string) => fetch(running.url + route, { headers: managerCookie });

async function newManagerSession(url: string): Promise<Record<string, string>> {
  const admin = new Client(url);
  await admin.login('admin', ADMIN_PASSWORD);
  const credentials = { username: 'office-manager', password: 'manager-password-1' };
  expect((await admin.post('/api/staff', { ...credentials, displayName: 'Office Manager', role: 'manager' })).status).toBe(201);
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  expect(login.status).toBe(200);
  return { cookie: login.headers.get('set-cookie')!.split(';')[0]! };
}

describe('GET /api/stats by day', () => {
  it('counts, durations, estimates, SLA, urgent, outcomes, counter time and ID checks of each Copenhagen day', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-26&groupBy=day');
    expect(report).toMatchObject({ from: '2026-10-24', to: '2026-10-26', groupBy: 'day' });
    expect(report.groups.map((g: any) => [g.key, g.label])).toEqual([
      ['2026-10-24', '2026-10-24'],
      ['2026-10-25', '2026-10-25'],
      ['2026-10-26', '2026-10-26'],
    ]);
    const [saturday, sunday, monday] = report.groups;

    // 23:30 on the 24th is the 24th's ticket (carried over: still waiting at midnight), 00:30 on the 25th the 25th's.
    expect(saturday).toEqual({
      key: '2026-10-24',
      label: '2026-10-24',
      issued: 7, // T1–T7; the continuation T2' is no new ticket
      served: 6, // T1, T2', T3, T4 (called back after its no-show), T5, T7
      walkUps: 1,
      noShow: 0,
      cancelled: 1,
      transferred: 1,
      open: 0,
      carriedOver: 1,
      // waits 4 10 15 28 28 70: mean 155/6; median between 15 and 28; p90 at rank 4.5: 28 + ½ × 42
      waitMinutes: duration(6, 25.8, 21.5, 49, 70),
      // walks 1 1 1 1 1 2 (T4's counts from its second call)
      walkMinutes: duration(6, 1.2, 1, 1.5, 2),
      // services 5 8 9 10 10 16: p90 at rank 4.5: 10 + ½ × 6
      serviceMinutes: duration(6, 9.7, 9.5, 13, 16),
      // real − promised: 10, 15, 4, 28 − 5, 70; within ±5 min: only T3
      estimate: { count: 5, meanSignedErrorMinutes: 24.4, meanAbsoluteErrorMinutes: 24.4, withinToleranceShare: 0.2 },
      sla: { count: 6, withinSla: 3, share: 0.5 },
      urgent: { issued: 1, byReason: { hospital_summons: 1, other: 0 }, waitMinutes: duration(1, 4, 4, 4, 4) },
      outcomes: { mitid_issued: 2, refused_no_valid_id: 1, referred: 1, other: 2 },
      // open: A 125 + B 120; serving T1 8, T2 12 (until the transfer), T2' 16, T3 10, T4 10, T5 5. T7 was served after midnight.
      capacity: { openMinutes: 245, servingMinutes: 61, idleMinutes: 184, utilisation: 0.249 },
      idChecks: {
        total: 2,
        byVerdict: { accepted: 1, supplement_required: 0, rejected: 1 },
        rejectReasons: expect.objectContaining({ expired: 1, unreadable: 0, too_young: 0 }),
      },
      // No bookings in this scenario (tests/server/stats-appointments.test.ts has them). Walk-ins
      // are the normal tickets: 10 15 28 28 70 (T3 is urgent); p90 at rank 3.6: 28 + 0.6 × 42.
      appointments: {
        waitMinutes: none,
        walkInWaitMinutes: duration(5, 30.2, 28, 53.2, 70),
        bookings: { total: 0, checkedIn: 0, early: 0, onTime: 0, late: 0, noShow: 0, cancelled: 0, stillBooked: 0 },
      },
    });

    expect(sunday).toMatchObject({
      issued: 3,
      served: 2,
      walkUps: 0,
      noShow: 1,
      cancelled: 0,
      transferred: 0,
      open: 0,
      carriedOver: 0,
      waitMinutes: duration(3, 11.7, 10, 18, 20), // 5 10 20: p90 at rank 1.8
      walkMinutes: duration(2, 1.5, 1.5, 1.9, 2),
      serviceMinutes: duration(2, 9, 9, 9.8, 10),
      estimate: { count: 3, meanSignedErrorMinutes: 11.7, meanAbsoluteErrorMinutes: 11.7, withinToleranceShare: 0.333 },
      sla: { count: 3, withinSla: 3, share: 1 }, // T8 waited exactly its 20 SLA minutes: within
      urgent: { issued: 1, byReason: { hospital_summons: 0, other: 1 }, waitMinutes: duration(1, 10, 10, 10, 10) },
      outcomes: { mitid_issued: 1, refused_no_valid_id: 0, referred: 0, other: 1 },
      // The 25-hour day: A 00:20+02 → 03:30+01 is 250 min; B 02:50+02 → midnight is 22 h 10 = 1330 min.
      // Serving: T7 9 (the 24th's ticket, served on the 25th), T8 8, T9 10.
      capacity: { openMinutes: 1580, servingMinutes: 27, idleMinutes: 1553, utilisation: 0.017 },
      idChecks: { total: 2, byVerdict: { accepted: 0, supplement_required: 1, rejected: 1 } },
    });
    expect(sunday.idChecks.rejectReasons).toMatchObject({ unreadable: 1, expired: 0 });

    // Nobody came on the 26th; counter 2 is still open, so it counts until now (12:00).
    expect(monday).toMatchObject({ issued: 0, served: 0, waitMinutes: none, estimate: { count: 0, meanSignedErrorMinutes: null } });
    expect(monday.capacity).toEqual({ openMinutes: 720, servingMinutes: 0, idleMinutes: 720, utilisation: 0 });
  });

  it('sums the range: every count adds up, and percentiles are taken over all tickets, not averaged per day', async () => {
    const { summary } = await stats('from=2026-10-24&to=2026-10-26&groupBy=day');
    expect(summary).toMatchObject({
      issued: 10,
      served: 8,
      walkUps: 1,
      noShow: 1,
      cancelled: 1,
      transferred: 1,
      open: 0,
      carriedOver: 1,
      // 4 5 10 10 15 20 28 28 70: mean 190/9; median the 5th; p90 at rank 7.2: 28 + 0.2 × 42
      waitMinutes: duration(9, 21.1, 15, 36.4, 70),
      walkMinutes: duration(8, 1.3, 1, 2, 2), // mean 10/8 = 1.25, rounded half up
      serviceMinutes: duration(8, 9.5, 9.5, 11.8, 16), // 5 8 8 9 10 10 10 16
      estimate: { count: 8, meanSignedErrorMinutes: 19.6, meanAbsoluteErrorMinutes: 19.6, withinToleranceShare: 0.25 },
      sla: { count: 9, withinSla: 6, share: 0.667 },
      urgent: { issued: 2, byReason: { hospital_summons: 1, other: 1 }, waitMinutes: duration(2, 7, 7, 9.4, 10) },
      outcomes: { mitid_issued: 3, refused_no_valid_id: 1, referred: 1, other: 3 },
      capacity: { openMinutes: 245 + 1580 + 720, servingMinutes: 88, idleMinutes: 2457, utilisation: 0.035 },
      idChecks: { total: 4, byVerdict: { accepted: 1, supplement_required: 1, rejected: 2 } },
    });
    expect(summary.issued).toBe(summary.served + summary.noShow + summary.cancelled + summary.open);
  });

  it('counts an open counter until the end of the range when the range is over', async () => {
    const { summary } = await stats('from=2026-10-24&to=2026-10-25');
    expect(summary.capacity).toEqual({ openMinutes: 1825, servingMinutes: 88, idleMinutes: 1737, utilisation: 0.048 });
  });

  it('leaves the 23:30 ticket out of a report of the 25th alone, and counts its day as not carried over by the 25th', async () => {
    const report = await stats('from=2026-10-25&to=2026-10-25');
    expect(report.summary).toMatchObject({ issued: 3, carriedOver: 0, waitMinutes: duration(3, 11.7, 10, 18, 20) });
  });
});

describe('GET /api/stats by hour, service, counter, clerk and priority', () => {
  it('puts both 02:30s of the 25-hour day in hour 02, with two clock hours of counter time', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-25&groupBy=hour');
    const hour = (h: number) => report.groups.find((g: any) => g.key === h);
    // Counter 2 is open from 02:50 to midnight on the 25th, so every hour has counter time.
    expect(report.groups.map((g: any) => g.key)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(hour(2)).toMatchObject({
      label: '02:00–03:00',
      issued: 2,
      served: 1,
      noShow: 1,
      waitMinutes: duration(2, 7.5, 7.5, 9.5, 10),
      urgent: { issued: 1 },
      // A: both hours (120); B: 10 min of the first (from 02:50) and all of the second (60).
      capacity: { openMinutes: 190, servingMinutes: 10, idleMinutes: 180, utilisation: 0.053 },
      idChecks: { total: 1, byVerdict: { rejected: 1 } },
    });
    expect(hour(9)).toMatchObject({
      issued: 2,
      served: 2,
      transferred: 1,
      waitMinutes: duration(3, 17.7, 15, 25.4, 28), // T1 10, T2 15, T2' 28 (arrived 09:05)
      // A on the 24th and B on the 25th; serving T1 8 + T2 12 + T2' 16.
      capacity: { openMinutes: 120, servingMinutes: 36, idleMinutes: 84, utilisation: 0.3 },
    });
    expect(hour(23)).toMatchObject({ issued: 1, carriedOver: 1, waitMinutes: duration(1, 70, 70, 70, 70), capacity: { openMinutes: 60, servingMinutes: 0 } });
    expect(hour(8)).toMatchObject({ issued: 0, idChecks: { total: 1, byVerdict: { accepted: 1 } } });
  });

  it('groups by service in the kiosk order, with Danish names; the continuation counts where it was served', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-25&groupBy=service');
    expect(report.groups.map((g: any) => [g.key, g.label, g.issued, g.served, g.transferred, g.noShow, g.cancelled])).toEqual([
      ['M', 'MitID', 4, 4, 0, 0, 0],
      ['P', 'Pas', 2, 1, 1, 0, 0],
      ['K', 'Kørekort', 2, 2, 0, 1, 0],
      ['A', 'Andet', 2, 1, 0, 0, 1],
    ]);
    expect(report.groups[0].waitMinutes).toEqual(duration(4, 15.5, 15, 25.6, 28)); // 4 10 20 28
    expect(report.groups[2].waitMinutes).toEqual(duration(3, 14.3, 10, 24.4, 28)); // T2' 28, T9 5, T10 10
    expect(report.groups[3]).toMatchObject({ walkUps: 1, waitMinutes: none });
    // Counter time and ID checks belong to no service.
    expect(report.groups.every((g: any) => g.capacity === null && g.idChecks === null)).toBe(true);
  });

  it('groups by counter with utilisation, and lists tickets never at a counter under "Ingen skranke"', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-25&groupBy=counter');
    expect(report.groups.map((g: any) => [g.key, g.label])).toEqual([
      [1, 'Skranke 1'],
      [2, 'Skranke 2'],
      [null, 'Ingen skranke'],
    ]);
    const [one, two, nowhere] = report.groups;
    expect(one).toMatchObject({
      issued: 7,
      served: 6,
      noShow: 1,
      transferred: 1,
      waitMinutes: duration(8, 23.3, 17.5, 40.6, 70), // 5 10 10 15 20 28 28 70
      // open 125 + 250; serving 8 + 12 + 16 + 10 + 9 + 8 + 10
      capacity: { openMinutes: 375, servingMinutes: 73, idleMinutes: 302, utilisation: 0.195 },
      idChecks: null,
    });
    expect(two).toMatchObject({ issued: 2, served: 2, walkUps: 1, capacity: { openMinutes: 1450, servingMinutes: 15, idleMinutes: 1435, utilisation: 0.01 } });
    expect(nowhere).toMatchObject({ issued: 1, cancelled: 1, capacity: { openMinutes: 0, servingMinutes: 0, idleMinutes: 0, utilisation: null } });
  });

  it('groups by clerk with display names and idle time (open − serving)', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-25&groupBy=clerk');
    expect(report.groups.map((g: any) => [g.key, g.label, g.issued, g.capacity?.idleMinutes])).toEqual([
      [staff.a.id, staff.a.displayName, 7, 302],
      [staff.b.id, staff.b.displayName, 2, 1435],
      [null, 'Ingen medarbejder', 1, 0],
    ]);
  });

  it('groups by priority class, all three always listed', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-25&groupBy=priority');
    expect(report.groups.map((g: any) => [g.key, g.label, g.issued, g.served, g.noShow])).toEqual([
      ['urgent', 'Akut', 2, 1, 1],
      ['appointment', 'Tidsbestilling', 0, 0, 0],
      ['normal', 'Almindelig', 8, 7, 0],
    ]);
    expect(report.groups[0].waitMinutes).toEqual(duration(2, 7, 7, 9.4, 10));
  });
});

describe('GET /api/stats/export.csv', () => {
  it('streams one RFC 4180 row per ticket with a BOM, local times with their offset, and the documented columns', async () => {
    const response = await download(`/api/stats/export.csv?from=2026-10-24&to=2026-10-26`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="statistik-2026-10-24-2026-10-26.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'number', 'office_day', 'service', 'priority', 'urgent_reason', 'status', 'outcome',
      'arrived_at', 'called_at', 'started_at', 'finished_at', 'wait_minutes', 'walk_minutes', 'service_minutes',
      'estimated_wait_minutes', 'counter', 'clerk', 'walk_up', 'transferred_from_number', 'transferred_from_service', 'id_check_verdict',
      'appointment_slot', 'check_in',
    ]); // prettier-ignore
    const records = rows.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]])));
    expect(records.map((r) => `${r.number}/${r.service}`)).toEqual([
      'M001/M', 'P001/P', 'P001/K', 'M002/M', 'M003/M', 'A001/A', 'A002/A', 'P002/P', 'M001/M', 'K001/K', 'K002/K',
    ]); // prettier-ignore
    expect(records[7]).toEqual({
      number: 'P002',
      office_day: '2026-10-24',
      service: 'P',
      priority: 'normal',
      urgent_reason: '',
      status: 'done',
      outcome: 'referred',
      arrived_at: '2026-10-24T23:30:00+02:00',
      called_at: '2026-10-25T00:40:00+02:00',
      started_at: '2026-10-25T00:41:00+02:00',
      finished_at: '2026-10-25T00:50:00+02:00',
      wait_minutes: '70.0',
      walk_minutes: '1.0',
      service_minutes: '9.0',
      estimated_wait_minutes: '0',
      counter: 'Skranke 1',
      clerk: staff.a.username,
      walk_up: '0',
      transferred_from_number: '',
      transferred_from_service: '',
      id_check_verdict: '',
      appointment_slot: '',
      check_in: '',
    });
    // The second 02:30 of the night carries the winter offset.
    expect(records[10]).toMatchObject({ arrived_at: '2026-10-25T02:30:00+01:00', called_at: '2026-10-25T02:40:00+01:00', status: 'no_show', urgent_reason: 'other', wait_minutes: '10.0', walk_minutes: '', service_minutes: '' });
    expect(records[9]!.arrived_at).toBe('2026-10-25T02:30:00+02:00');
    expect(records[2]).toMatchObject({ transferred_from_number: 'P001', transferred_from_service: 'P', wait_minutes: '28.0', estimated_wait_minutes: '' });
    expect(records[5]).toMatchObject({ walk_up: '1', wait_minutes: '', service_minutes: '5.0', clerk: staff.b.username, counter: 'Skranke 2' });
    expect(records[0]!.id_check_verdict).toBe('accepted');
    expect(records[8]!.id_check_verdict).toBe('supplement_required');
    expect(records[6]).toMatchObject({ status: 'cancelled', counter: '', clerk: '', called_at: '' });

    // What a manager would compute from the file agrees with the statistics.
    const { summary } = await stats('from=2026-10-24&to=2026-10-26');
    const numbers = (column: string) => records.map((r) => r[column]!).filter((v) => v !== '').map(Number);
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    expect(records.filter((r) => r.transferred_from_number === '').length).toBe(summary.issued);
    expect(records.filter((r) => r.status === 'done').length).toBe(summary.served);
    expect(records.filter((r) => r.walk_up === '1').length).toBe(summary.walkUps);
    expect(numbers('wait_minutes')).toHaveLength(summary.waitMinutes.count);
    expect(mean(numbers('wait_minutes'))).toBeCloseTo(summary.waitMinutes.mean, 1);
    expect(Math.max(...numbers('wait_minutes'))).toBe(summary.waitMinutes.max);
    expect(mean(numbers('service_minutes'))).toBeCloseTo(summary.serviceMinutes.mean, 1);
    expect(numbers('walk_minutes')).toHaveLength(summary.walkMinutes.count);
  });

  it('has only the header for a range without tickets', async () => {
    const response = await download(`/api/stats/export.csv?from=2026-10-26&to=2026-10-26`);
    const rows = parseCsv(await response.text());
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe('number');
  });
});

describe('GET /api/stats/export.xlsx', () => {
  it('is a workbook with the six sheets, real numbers and dates, matching the JSON', async () => {
    const response = await download(`/api/stats/export.xlsx?from=2026-10-24&to=2026-10-25`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="statistik-2026-10-24-2026-10-25.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'By hour', 'By service', 'By counter', 'By clerk', 'Tickets']);

    const json = await stats('from=2026-10-24&to=2026-10-25&groupBy=hour');
    const summary = rowsByLabel(workbook.getWorksheet('Summary')!);
    expect(summary.get('Periode')![1]).toBe('2026-10-24 – 2026-10-25');
    expect(summary.get('Udstedt')![1]).toBe(10);
    expect(summary.get('Ventetid, median (min)')![1]).toBe(15);
    expect(summary.get('Ventetid, 90 %-fraktil (min)')![1]).toBe(36.4);
    expect(summary.get('Kaldt inden for servicemål')![1]).toBe(0.667);
    expect(summary.get('Udnyttelse')![1]).toBe(0.048);
    for (const column of FIGURE_COLUMNS) {
      expect(summary.get(column.header.da)?.[1] ?? null, column.id).toBe(column.value(json.summary));
    }

    const byHour = workbook.getWorksheet('By hour')!;
    const hourRows = rowsByLabel(byHour);
    const hourHeader = rowValues(byHour.getRow(1));
    const cell = (label: string, header: string) => hourRows.get(label)![hourHeader.indexOf(header)];
    expect(hourRows.size).toBe(1 + 24 + 1); // header, 24 hours, total
    expect(cell('02:00–03:00', 'Udstedt')).toBe(2);
    expect(cell('02:00–03:00', 'Åbningstid (min)')).toBe(190);
    expect(cell('09:00–10:00', 'Ventetid, 90 %-fraktil (min)')).toBe(25.4);
    expect(cell('I alt', 'Udstedt')).toBe(10);
    for (const group of json.groups) {
      for (const column of FIGURE_COLUMNS) expect(cell(group.label, column.header.da) ?? null, `${group.label} ${column.id}`).toBe(column.value(group));
    }

    const byService = rowsByLabel(workbook.getWorksheet('By service')!);
    expect([...byService.keys()]).toEqual(['Ydelse', 'MitID', 'Pas', 'Kørekort', 'Andet', 'I alt']);
    expect(rowValues(workbook.getWorksheet('By service')!.getRow(1))).not.toContain('Udnyttelse');
    const byCounter = rowsByLabel(workbook.getWorksheet('By counter')!);
    expect([...byCounter.keys()]).toEqual(['Skranke', 'Skranke 1', 'Skranke 2', 'Ingen skranke', 'I alt']);
    const byClerk = rowsByLabel(workbook.getWorksheet('By clerk')!);
    expect([...byClerk.keys()]).toEqual(['Medarbejder', staff.a.displayName, staff.b.displayName, 'Ingen medarbejder', 'I alt']);

    const tickets = workbook.getWorksheet('Tickets')!;
    expect(tickets.rowCount).toBe(1 + 11);
    const header = rowValues(tickets.getRow(1));
    expect(header.slice(0, 3)).toEqual(['Nummer', 'Dag', 'Ydelse']);
    const late = rowValues(tickets.getRow(1 + 8)); // T7, the 23:30 ticket
    expect(late[0]).toBe('P002');
    // Dates are date cells holding the Copenhagen wall clock (a sheet has no time zones).
    expect(late[1]).toEqual(new Date(Date.UTC(2026, 9, 24)));
    expect(late[7]).toEqual(new Date(Date.UTC(2026, 9, 24, 23, 30)));
    expect(late[8]).toEqual(new Date(Date.UTC(2026, 9, 25, 0, 40)));
    expect(late.slice(11, 15)).toEqual([70, 1, 9, 0]);
    expect(tickets.getRow(1 + 8).getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    const walkUp = rowValues(tickets.getRow(1 + 6));
    expect([walkUp[0], walkUp[11], walkUp[13], walkUp[17]]).toEqual(['A001', null, 5, 1]);
  });

  it('writes English headers when asked, with the same sheet names', async () => {
    const response = await download(`/api/stats/export.xlsx?from=2026-10-24&to=2026-10-24&lang=en`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'By hour', 'By service', 'By counter', 'By clerk', 'Tickets']);
    expect(rowsByLabel(workbook.getWorksheet('Summary')!).get('Issued')![1]).toBe(7);
    expect(rowValues(workbook.getWorksheet('Tickets')!.getRow(1))[0]).toBe('Number');
  });
});

/** A row's values from column 1, empty cells as null. */
function rowValues(row: ExcelJS.Row): unknown[] {
  const values: unknown[] = [];
  for (let column = 1; column <= row.cellCount; column++) values.push(row.getCell(column).value ?? null);
  return values;
}

function rowsByLabel(sheet: ExcelJS.Worksheet): Map<string, unknown[]> {
  const rows = new Map<string, unknown[]>();
  sheet.eachRow((row) => {
    const values = rowValues(row);
    rows.set(String(values[0]), values);
  });
  return rows;
}
