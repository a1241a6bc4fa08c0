import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream } from '../support/sse.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

let running: TestHost;
beforeAll(async () => {
  running = await startTestHost();
});
afterAll(async () => running.stop());

interface SseEvent {
  id: number;
  type: string;
  data: any;
}

/** Reads an SSE response until `count` events arrived, then aborts the connection. */
async function readEvents(url: string, count: number, headers: Record<string, string> = {}): Promise<SseEvent[]> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  const timeout = setTimeout(() => controller.abort(), 5000);
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        const id = field('id');
        if (id !== undefined) events.push({ id: Number(id), type: field('event')!, data: JSON.parse(field('data')!) });
      }
    }
  } finally {
    clearTimeout(timeout);
    controller.abort();
  }
  return events;
}

describe('the live event stream', () => {
  it('replays everything missed after Last-Event-ID, in order, then continues live', async () => {
    const kiosk = new Client(running.url);
    const [clerk] = await clerks(running.url, 1);
    await clerk!.post('/api/counters/1/open');
    const first = (await kiosk.post('/api/tickets', { serviceCode: 'M' })).body;
    const since = (await kiosk.get('/api/display')).body.lastSeq as number;

    // While "offline": three changes happen.
    await kiosk.post('/api/tickets', { serviceCode: 'P' });
    await clerk!.post('/api/counters/1/call-next');
    await clerk!.post(`/api/tickets/${first.id}/recall`);

    const replayed = readEvents(`${running.url}/api/events`, 4, { 'last-event-id': String(since) });
    // One more after the reconnect arrives live.
    setTimeout(() => void kiosk.post('/api/tickets', { serviceCode: 'K' }), 200);
    const events = await replayed;
    expect(events.map((e) => e.type)).toEqual(['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.issued']);
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => a - b));
    expect(events[0]!.id).toBeGreaterThan(since);
    expect(events[1]!.data.data).toMatchObject({ number: first.number, counterName: 'Skranke 1' });
  });

  it('gives the public only numbers, services, counters and statuses', async () => {
    const kiosk = new Client(running.url);
    const since = (await kiosk.get('/api/display')).body.lastSeq as number;
    await kiosk.post('/api/tickets', { serviceCode: 'M', urgent: { reason: 'hospital_summons' } });
    const [event] = await readEvents(`${running.url}/api/events?lastEventId=${since}`, 1);
    expect(event!.type).toBe('ticket.issued');
    expect(Object.keys(event!.data.data).sort()).toEqual(['counterName', 'number', 'serviceCode', 'status']);
    expect(JSON.stringify(event)).not.toContain('hospital');
    expect(JSON.stringify(event)).not.toContain('urgent');
  });

  it('gives staff the full event', async () => {
    const since = (await new Client(running.url).get('/api/display')).body.lastSeq as number;
    await new Client(running.url).post('/api/tickets', { serviceCode: 'A', urgent: { reason: 'hospital_summons' } });
    const cookie = await loginCookie(running.url, 'admin', ADMIN_PASSWORD);
    const [staffView] = await readEvents(`${running.url}/api/events?lastEventId=${since}`, 1, { cookie });
    expect(staffView!.data.data).toMatchObject({ priority: 'urgent', urgentReason: 'hospital_summons' });
  });
});

async function loginCookie(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** An open stream: counts its heartbeats and notices when the host ends it. */
async function openStream(url: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/events`, { headers: { cookie }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const stream = { heartbeats: 0, ended: false, close: () => controller.abort() };
  const finished = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        stream.heartbeats += decoder.decode(value, { stream: true }).split('event: heartbeat').length - 1;
      }
      stream.ended = true;
    } catch {
      // aborted by the test
    }
  })();
  return { stream, finished };
}

const waitFor = async (condition: () => boolean, what: string) => {
  const giveUp = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > giveUp) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the live stream heartbeat', () => {
  it('is a named event without an id, so pages can see it and replay is not moved', async () => {
    const beating = await startTestHost({ liveHeartbeatMs: 50 });
    const controller = new AbortController();
    try {
      const response = await fetch(`${beating.url}/api/events`, { signal: controller.signal });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const giveUp = setTimeout(() => controller.abort(), 10_000);
      while (text.split('event: heartbeat').length <= 2) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      clearTimeout(giveUp);
      const beats = text.split('\n\n').filter((block) => block.includes('event: heartbeat'));
      expect(beats.length).toBeGreaterThanOrEqual(2);
      for (const beat of beats) expect(beat.trim()).toBe('event: heartbeat\ndata: {}');
    } finally {
      controller.abort();
      await beating.stop();
    }
  });
});

/**
 * With the default heartbeat (15 s), so a stream that ends within waitFor's 5 s was ended by its
 * session ending, not by the next heartbeat's check.
 */
describe('a staff stream whose session has ended', () => {
  let quiet: TestHost;
  let admin: Client;
  let adminCookie: string;
  beforeAll(async () => {
    quiet = await startTestHost();
    admin = new Client(quiet.url);
    await admin.login('admin', ADMIN_PASSWORD);
    adminCookie = await loginCookie(quiet.url, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => quiet.stop());

  async function newClerk(username: string): Promise<{ id: number; cookie: string }> {
    const created = await admin.post('/api/staff', { username, displayName: username, password: `${username}-password`, role: 'clerk' });
    expect(created.status).toBe(201);
    return { id: created.body.id, cookie: await loginCookie(quiet.url, username, `${username}-password`) };
  }

  /** A staff stream that records the types of the events it receives. */
  async function watch(cookie: string) {
    const opened = await openStream(quiet.url, cookie);
    const types: string[] = [];
    const controller = new AbortController();
    const reading = readStream(`${quiet.url}/api/events`, {
      headers: { cookie },
      onEvent: (event) => (types.push(event.type), true),
      signal: controller.signal,
      timeoutMs: 60_000,
    });
    // Both connections are open once the host has answered a request made after them.
    await admin.get('/api/me');
    return { ...opened, types, reading, close: () => (opened.stream.close(), controller.abort()) };
  }

  for (const [how, endSession] of [
    ['the clerk logs out in another tab', (clerk: { id: number; cookie: string }) => fetch(`${quiet.url}/api/auth/logout`, { method: 'POST', headers: { cookie: clerk.cookie, 'content-type': 'application/json' }, body: '{}' })],
    ['an admin deactivates the clerk', (clerk: { id: number }) => admin.post(`/api/staff/${clerk.id}/deactivate`, {})],
    ['an admin sets a new password for the clerk', (clerk: { id: number }) => admin.post(`/api/staff/${clerk.id}/password`, { password: 'a-brand-new-password' })],
  ] as const) {
    it(`ends at once when ${how}, and delivers no staff event after`, async () => {
      const clerk = await newClerk(`ends-${how.length}-${Date.now()}`);
      const clerkStream = await watch(clerk.cookie);
      const adminStream = await openStream(quiet.url, adminCookie);
      try {
        expect([200, 204]).toContain((await endSession(clerk)).status);
        await waitFor(() => clerkStream.stream.ended, 'the clerk stream to end');
        expect(await clerkStream.reading).toBe('ended');
        const seenAtEnd = clerkStream.types.length;

        // A staff event after the end: the admin opens a counter. The admin's stream stands.
        expect((await admin.post('/api/counters/3/open', {})).status).toBe(200);
        expect((await admin.post('/api/counters/3/close', {})).status).toBe(200);
        expect(clerkStream.types.length).toBe(seenAtEnd);
        expect(clerkStream.types).not.toContain('counter.opened');
        expect(adminStream.stream.ended).toBe(false);
      } finally {
        clerkStream.close();
        adminStream.stream.close();
      }
    });
  }
});

describe('a staff stream whose session idles out', () => {
  it('is ended by the host, not kept open by its heartbeats', async () => {
    const clock = new TestClock(Date.now());
    const beating = await startTestHost({ liveHeartbeatMs: 50, clock: clock.read });
    try {
      const cookie = await loginCookie(beating.url, 'admin', ADMIN_PASSWORD);
      const { stream } = await openStream(beating.url, cookie);
      await waitFor(() => stream.heartbeats >= 1, 'the stream to beat');
      clock.advanceMinutes(61);
      await waitFor(() => stream.ended, 'the idle stream to end');
    } finally {
      await beating.stop();
    }
  });
});
