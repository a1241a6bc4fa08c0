import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS } from '../../core/defaults.js';
import { recordedEvents } from '../support/recorded-events.js';
import { Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

const clock = new TestClock(Date.parse('2026-11-26T17:00:00Z')); // Thursday 18:00 in Copenhagen
let running: TestHost;
let manager: Client;
let clerk: Client;
let kiosk: Client;
beforeAll(async () => {
  running = await startTestHost({ clock: clock.read });
  [manager] = (await clerks(running.url, 1, 'manager')) as [Client];
  [clerk] = (await clerks(running.url, 1)) as [Client];
  kiosk = new Client(running.url);
});
afterAll(async () => running.stop());

const put = (client: Client, body: unknown) => client.request('PUT', '/api/config/opening-hours', body);
const usual = { ...DEFAULT_OPENING_HOURS, enabled: true };

describe('opening hours', () => {
  it('a new office has the usual hours switched off: the kiosk is always open', async () => {
    expect((await manager.get('/api/config/opening-hours')).body).toEqual(DEFAULT_OPENING_HOURS);
    const status = (await kiosk.get('/api/opening-hours')).body;
    expect(status).toMatchObject({ scheduled: false, openNow: true });
    expect(status).not.toHaveProperty('nextOpening');
    expect(status.week).toHaveLength(7);
    expect((await clerk.get('/api/config/opening-hours')).status).toBe(403);
    expect((await kiosk.get('/api/config/opening-hours')).status).toBe(401);
    expect((await clerk.request('PUT', '/api/config/opening-hours', usual)).status).toBe(403);
  });

  it('after closing time the kiosk learns it is closed and when it opens again', async () => {
    const saved = await put(manager, { ...usual, closedDates: [{ date: '2026-11-30', note: 'Personaledag' }, { date: '2026-11-27' }] });
    expect(saved.status).toBe(200);
    expect(saved.body.closedDates.map((c: { date: string }) => c.date)).toEqual(['2026-11-27', '2026-11-30']);

    const status = (await kiosk.get('/api/opening-hours')).body;
    expect(status).toMatchObject({ scheduled: true, openNow: false, hoursToday: [{ opens: '10:00', closes: '17:30' }], nextOpening: '2026-12-01T09:00:00.000Z' });
    expect(status.week[1]).toEqual({ date: '2026-11-27', weekday: 'fri', intervals: [], closedDate: true });
    // The manager's notes are for staff; the public answer does not carry them.
    expect(JSON.stringify(status)).not.toContain('Personaledag');
  });

  it('tickets can still be issued while closed: citizens inside at closing time are served', async () => {
    const ticket = await kiosk.post('/api/tickets', { serviceCode: 'P' });
    expect(ticket.status).toBe(201);
  });

  it('follows the clock: open on Tuesday morning, and across the spring daylight-saving change', async () => {
    clock.now = Date.parse('2026-12-01T09:30:00Z'); // Tuesday 10:30
    expect((await kiosk.get('/api/opening-hours')).body).toMatchObject({ openNow: true, hoursToday: [{ opens: '10:00', closes: '15:00' }] });
    expect((await kiosk.get('/api/opening-hours')).body).not.toHaveProperty('nextOpening');
    clock.now = Date.parse('2026-03-28T12:00:00Z'); // Saturday before the clocks go forward
    expect((await kiosk.get('/api/opening-hours')).body).toMatchObject({ openNow: false, nextOpening: '2026-03-30T08:00:00.000Z' });
  });

  it('refuses schedules that are not schedules', async () => {
    const week = (day: unknown) => ({ ...usual, week: { ...usual.week, mon: day } });
    const invalid: [unknown, string][] = [
      [week([{ opens: '12:00', closes: '10:00' }]), 'invalid_opening_hours'],
      [week([{ opens: '10:00', closes: '13:00' }, { opens: '12:00', closes: '15:00' }]), 'invalid_opening_hours'],
      [{ ...usual, closedDates: [{ date: '2026-02-30' }] }, 'invalid_opening_hours'],
      [{ ...usual, closedDates: [{ date: '2026-12-24' }, { date: '2026-12-24' }] }, 'invalid_opening_hours'],
      [week([{ opens: '9:00', closes: '15:00' }]), 'invalid_request'],
      [week([{ opens: '24:00', closes: '24:00' }]), 'invalid_request'],
      [{ ...usual, week: { mon: [] } }, 'invalid_request'],
      [{ ...usual, week: { ...usual.week, holiday: [] } }, 'invalid_request'],
      [{ week: usual.week, closedDates: [] }, 'invalid_request'],
    ];
    for (const [body, code] of invalid) {
      const response = await put(manager, body);
      expect([response.status, response.body.error.code], JSON.stringify(body).slice(0, 120)).toEqual([400, code]);
    }
    const overlap = await put(manager, week([{ opens: '10:00', closes: '13:00' }, { opens: '12:00', closes: '15:00' }]));
    expect(overlap.body.error.message).toMatch(/mon 12:00–15:00.*overlap/);
  });

  it('records each saved schedule with who saved it', () => {
    const events = recordedEvents(running.dataDir, 'config.changed').filter((e) => e.data.key === 'openingHours');
    expect(events).toHaveLength(1);
    expect(events[0]!.staffId).not.toBeNull();
  });
});
