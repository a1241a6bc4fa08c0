import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_AUDIENCE, EVENT_TYPES, type EventAudience, type EventType } from '../../core/events.js';
import { openStore } from '../../db/store.js';
import { fixtureWriter } from '../support/store-writer.js';
import { DATABASE_FILE } from '../../server/config.js';
import { seedIfEmpty } from '../../server/seed.js';
import { readStream, sessionCookie, type SseEvent } from '../support/sse.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

/** Noon in Copenhagen; the day before holds events a screen must not be replayed. */
const TODAY_NOON = Date.parse('2026-12-03T11:00:00Z');
const YESTERDAY_NOON = TODAY_NOON - 24 * 60 * 60_000;

/** An event of every type, as the office would record it (ticket events carry what a screen shows). */
function eventOf(type: EventType, at: number) {
  const ticket = type.startsWith('ticket.');
  return {
    at,
    type,
    ticketId: null,
    counterId: type.startsWith('counter.') ? 1 : null,
    staffId: 1,
    data: ticket ? { number: 'M001', serviceCode: 'M', status: 'waiting', priority: 'normal', counterName: null } : { note: type },
  };
}

let dataDir: string;
let running: TestHost;
/** The last event of yesterday; today's last, a ticket event every viewer sees, ends each replay. */
let yesterdayLast = 0;
let todayLast = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-audience-'));
  const store = openStore(path.join(dataDir, DATABASE_FILE));
  try {
    await seedIfEmpty(store, ADMIN_PASSWORD, 14, YESTERDAY_NOON);
    fixtureWriter(store).write(() => {
      for (const type of EVENT_TYPES) yesterdayLast = fixtureWriter(store).events.append(eventOf(type, YESTERDAY_NOON)).seq;
      for (const type of EVENT_TYPES) fixtureWriter(store).events.append(eventOf(type, TODAY_NOON + 60_000));
      todayLast = fixtureWriter(store).events.append(eventOf('ticket.issued', TODAY_NOON + 120_000)).seq;
    });
  } finally {
    store.close();
  }
  running = await startTestHost({ dataDir, clock: new TestClock(TODAY_NOON + 2 * 60 * 60_000).read });
});
afterAll(async () => {
  await running.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Everything the stream replays after `lastEventId` before today's last event, or a reset. */
async function replay(lastEventId: number, cookie?: string): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const ending = await readStream(`${running.url}/api/events?lastEventId=${lastEventId}`, {
    headers: cookie ? { cookie } : {},
    onEvent: (event) => {
      if (event.type === 'reset' || event.id < todayLast) events.push(event);
      return event.type !== 'reset' && event.id < todayLast;
    },
  });
  expect(ending).toBe('stopped');
  return events;
}

const RANK: Record<EventAudience, number> = { public: 0, clerk: 1, manager: 2 };
const typesFor = (viewer: EventAudience) => EVENT_TYPES.filter((type) => RANK[EVENT_AUDIENCE[type]] <= RANK[viewer]);

describe('who sees which event on the live stream', () => {
  it('gives every type exactly to its audience: anonymous, clerk, manager and admin', async () => {
    const [clerk] = await clerks(running.url, 1);
    const [manager] = await clerks(running.url, 1, 'manager');
    const viewers: [EventAudience, string | undefined][] = [
      ['public', undefined],
      ['clerk', clerk!.cookieHeader()],
      ['manager', manager!.cookieHeader()],
      ['manager', await sessionCookie(running.url, 'admin', ADMIN_PASSWORD)],
    ];
    for (const [audience, cookie] of viewers) {
      const received = await replay(yesterdayLast, cookie);
      expect(received.map((event) => event.type), `${audience} (${cookie ? 'staff' : 'anonymous'})`).toEqual(typesFor(audience));
    }
    // The table leaves clerks out of the audit trail that GET /api/audit refuses them.
    for (const type of ['staff.login', 'staff.created', 'staff.password_reset', 'export.downloaded', 'config.changed', 'kiosk.paired'] as const) {
      expect(EVENT_AUDIENCE[type]).toBe('manager');
    }
  });

  it('applies the same audiences to live events', async () => {
    const [clerk] = await clerks(running.url, 1);
    const admin = new Client(running.url);
    await admin.login('admin', ADMIN_PASSWORD);
    const seen: SseEvent[] = [];
    const control = new AbortController();
    const reading = readStream(`${running.url}/api/events`, {
      headers: { cookie: clerk!.cookieHeader() },
      onEvent: (event) => {
        seen.push(event);
        return event.type !== 'counter.opened';
      },
      signal: control.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await admin.post('/api/staff', { username: 'liveaudience', displayName: 'Live', password: 'live-audience-pw', role: 'clerk' })).status).toBe(201);
    expect((await clerk!.post('/api/counters/2/open', {})).status).toBe(200);
    expect(await reading).toBe('stopped');
    expect(seen.map((event) => event.type)).toEqual(['counter.opened']);
  });
});

describe('what an anonymous screen is replayed', () => {
  it('from before today: a reset carrying the newest sequence, and nothing of the history', async () => {
    for (const lastEventId of [0, yesterdayLast - 1]) {
      const events = await replay(lastEventId);
      expect(events.map((event) => event.type)).toEqual(['reset']);
      expect(events[0]!.id).toBeGreaterThanOrEqual(todayLast);
      expect(events[0]!.data).toEqual({ seq: events[0]!.id });
    }
  });

  it('from an event the host does not have: a reset, for staff too', async () => {
    expect((await replay(todayLast + 1000)).map((event) => event.type)).toEqual(['reset']);
    const cookie = await sessionCookie(running.url, 'admin', ADMIN_PASSWORD);
    expect((await replay(todayLast + 1000, cookie)).map((event) => event.type)).toEqual(['reset']);
  });

  it("from yesterday's last event: today's public events only, in their public form", async () => {
    const events = await replay(yesterdayLast);
    expect(events.map((event) => event.type)).toEqual(typesFor('public'));
    for (const event of events) {
      expect(event.id).toBeGreaterThan(yesterdayLast);
      expect(event.data.at).toBeGreaterThanOrEqual(TODAY_NOON);
      expect(Object.keys(event.data.data).sort()).toEqual(['counterName', 'number', 'serviceCode', 'status']);
    }
  });

  it('while staff still get the whole history after their Last-Event-ID', async () => {
    const cookie = await sessionCookie(running.url, 'admin', ADMIN_PASSWORD);
    const events = await replay(0, cookie);
    expect(events[0]!.type).not.toBe('reset');
    expect(events.filter((event) => event.id <= yesterdayLast).map((event) => event.type)).toEqual(expect.arrayContaining(['ticket.issued', 'staff.login']));
  });
});
