import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMrz } from '../support/mrz-generator.js';
import { sessionCookie } from '../support/sse.js';
import { ADMIN_PASSWORD, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
let adminCookie: string;
beforeAll(async () => {
  // A development host: the simulated reader and its routes are there.
  running = await startTestHost({}, { SCANNER: 'simulator' });
  adminCookie = await sessionCookie(running.url, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => running?.stop());

/** A PC on the office network; an admin's cookie gives it no more than anyone else's. */
const fromLan = (url: string, payload: object) =>
  running.host.app.inject({ method: 'POST', url, payload, headers: { cookie: adminCookie }, remoteAddress: '192.168.1.20' });

const readerState = async () => (await running.host.app.inject({ url: '/api/health' })).json().scanner.state as string;

describe('development routes (/api/dev/*)', () => {
  it('refuse a PC on the office network with 403: it cannot unplug the reader or feed it a document', async () => {
    expect(await readerState()).toBe('connected');
    const unplug = await fromLan('/api/dev/scanner', { connected: false });
    expect([unplug.statusCode, unplug.json().error.code]).toEqual([403, 'forbidden']);
    expect(await readerState()).toBe('connected');
    const scan = await fromLan('/api/dev/scans', { mrz: makeMrz() });
    expect([scan.statusCode, scan.json().error.code]).toEqual([403, 'forbidden']);
  });

  it('answer the host PC itself', async () => {
    const unplug = await running.host.app.inject({ method: 'POST', url: '/api/dev/scanner', payload: { connected: false }, remoteAddress: '127.0.0.1' });
    expect(unplug.statusCode).toBe(200);
    expect(await readerState()).toBe('disconnected');
    await running.host.app.inject({ method: 'POST', url: '/api/dev/scanner', payload: { connected: true }, remoteAddress: '::1' });
    expect(await readerState()).toBe('connected');
  });
});
