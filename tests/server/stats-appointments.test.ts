import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

/**
 * Booked citizens and walk-ins on one office day, played through the API on a controlled clock,
 * and the statistics checked against numbers worked out by hand. Wednesday 25 November 2026, UTC+1.
 * One clerk at counter 1 (which serves every service).
 *
 * Bookings: A  M 09:00 — checks in 08:40 (early: callable from 08:50)
 *           B  P 09:30 — checks in 09:34 (on time)
 *           C  M 10:00 — checks in 10:15 (late, beyond the 10-minute grace: a walk-in ticket)
 *           D  K 11:00 — never comes (a no-show once the day has ended)
 *           E  A 12:00 — cancelled
 *           F  M 09:00 on the 26th — another day's booking
 * Tickets:  A  M001 appointment, called 09:06, finished 09:10   wait from the slot 09:00: 6 (from arrival it would be 26)
 *           W1 M002 walk-in 08:45, called 09:10, finished 09:20  wait 25
 *           B  P001 appointment, called 09:40 (came after the slot: wait from arrival 09:34: 6), transferred to K 09:45
 *           B' P001 in K, called 09:50, finished 09:55         wait 16 (the continuation keeps the booking: 09:50 − 09:34)
 *           C  M003 normal (late check-in), called 10:25, finished 10:30   wait 10
 */

const at = (hhmm: string, day = '2026-11-25') => Date.parse(`${day}T${hhmm}:00+01:00`);
const iso = (ms: number) => new Date(ms).toISOString();
const duration = (count: number, mean: number | null, median: number | null, p90: number | null, max: number | null) => ({ count, mean, median, p90, max });

const clock = new TestClock(at('08:00'));
const LONG_SESSIONS = { clock: clock.read, sessionIdleMinutes: 7 * 24 * 60 };
let running: TestHost;
let manager: Client;
/** The manager's session cookie, for the downloads (not JSON). */
let managerCookie: Record<string, string>;

beforeAll(async () => {
  const firstDay = await startTestHost(LONG_SESSIONS);
  await playTheDay(firstDay.url);
  // The next morning the host starts again and ends the 25th: the booking nobody used becomes a no-show.
  await firstDay.host.close();
  clock.now = at('08:00', '2026-11-26');
  running = await startTestHost({ ...LONG_SESSIONS, dataDir: firstDay.dataDir });
  ({ manager, managerCookie } = await managerOf(running.url));
});
afterAll(async () => running?.stop());

async function playTheDay(url: string): Promise<void> {
  const kiosk = new Client(url);
  const [clerk] = (await clerks(url, 1)) as [Client];
  const set = (hhmm: string) => void (clock.now = at(hhmm));
  const ok = async (response: Promise<{ status: number; body: any }>, status = 200) => {
    const r = await response;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const book = (serviceCode: string, start: number) => ok(clerk.post('/api/appointments', { serviceCode, start: iso(start) }), 201);
  const checkIn = async (hhmm: string, code: string, arrival: string) => {
    set(hhmm);
    const body = await ok(kiosk.post('/api/appointments/check-in', { code }), 201);
    expect(body.arrival).toBe(arrival);
    return body.ticket.id as number;
  };
  const act = async (hhmm: string, route: string, body?: object) => {
    set(hhmm);
    return ok(clerk.post(route, body));
  };
  const callNext = async (hhmm: string, expectedId: number) => expect((await act(hhmm, '/api/counters/1/call-next')).id).toBe(expectedId);

  const [a, b, c, , e] = [await book('M', at('09:00')), await book('P', at('09:30')), await book('M', at('10:00')), await book('K', at('11:00')), await book('A', at('12:00'))];
  await book('M', at('09:00', '2026-11-26'));
  await ok(clerk.request('DELETE', `/api/appointments/${e.id}`));
  await ok(clerk.post('/api/counters/1/open'));

  const ticketA = await checkIn('08:40', a.code, 'early');
  set('08:45');
  const walkIn = (await ok(kiosk.post('/api/tickets', { serviceCode: 'M' }), 201)).id as number;
  await callNext('09:06', ticketA); // the due booking goes before the walk-in who came at 08:45
  await act('09:10', `/api/tickets/${ticketA}/finish`, { outcome: 'mitid_issued' });
  await callNext('09:10', walkIn);
  await act('09:20', `/api/tickets/${walkIn}/finish`, { outcome: 'mitid_issued' });

  const ticketB = await checkIn('09:34', b.code, 'on_time');
  await callNext('09:40', ticketB);
  await act('09:42', `/api/tickets/${ticketB}/start`);
  const continuation = (await act('09:45', `/api/tickets/${ticketB}/transfer`, { serviceCode: 'K' })).id as number;
  await callNext('09:50', continuation);
  await act('09:55', `/api/tickets/${continuation}/finish`, { outcome: 'other' });

  const ticketC = await checkIn('10:15', c.code, 'late');
  await callNext('10:25', ticketC);
  await act('10:30', `/api/tickets/${ticketC}/finish`, { outcome: 'mitid_issued' });
}

async function managerOf(url: string): Promise<{ manager: Client; managerCookie: Record<string, string> }> {
  const admin = new Client(url);
  await admin.login('admin', ADMIN_PASSWORD);
  const credentials = { username: 'booking-manager', password: 'manager-password-2' };
  expect((await admin.post('/api/staff', { ...credentials, displayName: 'Booking Manager', role: 'manager' })).status).toBe(201);
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return { manager: new Client(url, { cookie }), managerCookie: { cookie } };
}

async function stats(query: string): Promise<any> {
  const response = await manager.get(`/api/stats?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

describe('appointment statistics', () => {
  it('measures booked waits from the slot and walk-in waits from arrival, and counts what became of the bookings', async () => {
    const { summary } = await stats('from=2026-11-25&to=2026-11-25');
    expect(summary).toMatchObject({ issued: 4, served: 4, transferred: 1, noShow: 0 });
    expect(summary.appointments).toEqual({
      // 6 6 16: mean 28/3; p90 at rank 1.8: 6 + 0.8 × 10
      waitMinutes: duration(3, 9.3, 6, 14, 16),
      // 10 25: p90 at rank 0.9: 10 + 0.9 × 15
      walkInWaitMinutes: duration(2, 17.5, 17.5, 23.5, 25),
      bookings: { total: 5, checkedIn: 3, early: 1, onTime: 1, late: 1, noShow: 1, cancelled: 1, stillBooked: 0 },
    });
    // Every wait together: 6 25 6 16 10.
    expect(summary.waitMinutes).toEqual(duration(5, 12.6, 10, 21.4, 25));
  });

  it('puts booked citizens and walk-ins in their own priority groups', async () => {
    const { groups } = await stats('from=2026-11-25&to=2026-11-25&groupBy=priority');
    expect(groups.map((g: any) => [g.key, g.issued, g.waitMinutes.count, g.waitMinutes.mean])).toEqual([
      ['urgent', 0, 0, null],
      ['appointment', 2, 3, 9.3], // A and B issued; B's continuation is served in K
      ['normal', 2, 2, 17.5], // the walk-in and the late check-in
    ]);
    expect(groups[1].appointments.bookings).toBeNull();
  });

  it('counts bookings by their slot day, hour and service', async () => {
    const byDay = await stats('from=2026-11-25&to=2026-11-26&groupBy=day');
    expect(byDay.groups.map((g: any) => [g.key, g.appointments.bookings.total, g.appointments.bookings.stillBooked])).toEqual([
      ['2026-11-25', 5, 0],
      ['2026-11-26', 1, 1],
    ]);
    const byService = await stats('from=2026-11-25&to=2026-11-25&groupBy=service');
    expect(byService.groups.map((g: any) => [g.key, g.appointments.bookings.total, g.appointments.waitMinutes.count, g.appointments.walkInWaitMinutes.count])).toEqual([
      ['M', 2, 1, 2], // A and C booked; A's wait is booked, W1's and C's are walk-ins'
      ['P', 1, 1, 0],
      ['K', 1, 1, 0], // D booked; B's continuation waited here
      ['A', 1, 0, 0], // E, cancelled
    ]);
    const byHour = await stats('from=2026-11-25&to=2026-11-25&groupBy=hour');
    expect(byHour.groups.filter((g: any) => g.appointments.bookings.total > 0).map((g: any) => [g.key, g.appointments.bookings.total])).toEqual([
      [9, 2],
      [10, 1],
      [11, 1],
      [12, 1],
    ]);
  });

  it('exports the booked time and the check-in with each ticket, and the wait from the slot', async () => {
    const response = await fetch(`${running.url}/api/stats/export.csv?from=2026-11-25&to=2026-11-25`, { headers: managerCookie });
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    const records = rows.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]])));
    const pick = (r: Record<string, string | undefined>) => [r.number, r.service, r.priority, r.wait_minutes, r.appointment_slot, r.check_in];
    expect(records.map(pick)).toEqual([
      ['M001', 'M', 'appointment', '6.0', '2026-11-25T09:00:00+01:00', 'early'],
      ['M002', 'M', 'normal', '25.0', '', ''],
      ['P001', 'P', 'appointment', '6.0', '2026-11-25T09:30:00+01:00', 'on_time'],
      ['P001', 'K', 'appointment', '16.0', '2026-11-25T09:30:00+01:00', 'on_time'],
      ['M003', 'M', 'normal', '10.0', '2026-11-25T10:00:00+01:00', 'late'],
    ]);
  });

  it('shows the figures in the workbook: booked against walk-in waits, and the bookings by service', async () => {
    const response = await fetch(`${running.url}/api/stats/export.xlsx?from=2026-11-25&to=2026-11-25&lang=en`, { headers: managerCookie });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows = (name: string) => {
      const rowsOf: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => rowsOf.push((row.values as unknown[]).slice(1)));
      return rowsOf;
    };
    const summary = new Map(rows('Summary').map((r) => [r[0], r[1]]));
    expect(summary.get('Wait, booked (from the slot), mean (min)')).toBe(9.3);
    expect(summary.get('Wait, walk-ins, mean (min)')).toBe(17.5);
    expect(summary.get('Bookings: no-show')).toBe(1);
    const [serviceHeader, ...services] = rows('By service');
    const total = serviceHeader!.indexOf('Bookings: total');
    expect(services.map((r) => [r[0], r[total]])).toEqual([
      ['MitID', 2],
      ['Pas', 1],
      ['Kørekort', 1],
      ['Andet', 1],
      ['Total', 5],
    ]);
    expect(rows('By counter')[0]).not.toContain('Bookings: total');
    const [ticketHeader, firstTicket] = rows('Tickets');
    expect(firstTicket![ticketHeader!.indexOf('Check-in')]).toBe('early');
  });
});
