import { afterEach, describe, expect, it } from 'vitest';
import { makeMrz } from '../support/mrz-generator.js';
import { Client, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** Collects the scanner stream's events until `count` arrived. */
async function scannerEvents(url: string, count: number, whileOpen: () => Promise<void>): Promise<{ type: string; data: any }[]> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/scanner/events`, { signal: controller.signal });
  const reader = response.body!.getReader();
  const events: { type: string; data: any }[] = [];
  let buffer = '';
  const timer = setTimeout(() => controller.abort(), 5000);
  let started = false;
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (type && data) events.push({ type, data: JSON.parse(data) });
      }
      if (!started) {
        started = true;
        void whileOpen();
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

describe('a reader attached to the host', () => {
  it('turns a simulated scan into a verdict for the kiosk on this PC only, with no personal data', async () => {
    running = await startTestHost({}, { SCANNER: 'simulator' });
    const kiosk = new Client(running.url);
    const mrz = makeMrz({ issuingState: 'DNK', surname: 'HANSEN', birthDate: '1980-01-01', expiryDate: '2030-01-01' });
    const events = await scannerEvents(running.url, 2, async () => {
      expect((await kiosk.post('/api/dev/scans', { mrz })).status).toBe(202);
    });
    expect(events[0]).toMatchObject({ type: 'status', data: { kind: 'simulator', state: 'connected' } });
    expect(events[1]!.type).toBe('verdict');
    expect(events[1]!.data).toMatchObject({ verdict: 'accepted', document: { issuingState: 'DNK', type: 'passport' } });
    expect(JSON.stringify(events)).not.toContain('HANSEN');
  });

  it('reports unplugging and re-plugging in the health check and the stream, without a restart', async () => {
    running = await startTestHost({}, { SCANNER: 'simulator' });
    const client = new Client(running.url);
    expect((await client.get('/api/health')).body.scanner).toMatchObject({ kind: 'simulator', state: 'connected' });
    const events = await scannerEvents(running.url, 3, async () => {
      await client.post('/api/dev/scanner', { connected: false });
      await client.post('/api/dev/scanner', { connected: true });
    });
    expect(events.map((e) => e.data.state)).toEqual(['connected', 'disconnected', 'connected']);
    await client.post('/api/dev/scanner', { connected: false });
    expect((await client.get('/api/health')).body.scanner.state).toBe('disconnected');
    expect((await client.post('/api/dev/scans', { mrz: 'P<' })).body.error.code).toBe('scanner_disconnected');
  });

  it('has no development routes in production or without the simulator', async () => {
    running = await startTestHost({}, { SCANNER: 'simulator', NODE_ENV: 'production' });
    expect((await new Client(running.url).post('/api/dev/scans', { mrz: 'x' })).status).toBe(404);
    await running.stop();
    running = await startTestHost();
    const client = new Client(running.url);
    expect((await client.post('/api/dev/scans', { mrz: 'x' })).status).toBe(404);
    expect((await client.get('/api/health')).body.scanner).toEqual({ kind: 'none', state: 'none' });
  });
});
