import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { loopbackAddress } from '../support/raw-stream.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** GET /api/events from a given loopback address: its status and, for a refusal, its body. */
function openStream(url: string, localAddress: string): Promise<{ status: number; body: any; retryAfter: string | undefined; close: () => void }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/api/events`, { localAddress, agent: false }, (response) => {
      const close = () => request.destroy();
      if (response.statusCode === 200) return resolve({ status: 200, body: null, retryAfter: undefined, close });
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text), retryAfter: response.headers['retry-after'], close }));
    });
    request.on('error', reject);
  });
}

describe('the cap on live streams', () => {
  it('refuses a client address beyond its streams with 429, while another address still gets one', async () => {
    running = await startTestHost({ liveStreamsPerAddress: 2, liveStreamsTotal: 10 });
    const open = [await openStream(running.url, '127.0.0.1'), await openStream(running.url, '127.0.0.1')];
    try {
      expect(open.map((stream) => stream.status)).toEqual([200, 200]);
      const refused = await openStream(running.url, '127.0.0.1');
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({ error: { code: 'too_many_streams', message: expect.any(String) } });
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      const elsewhere = await openStream(running.url, '127.0.0.2');
      expect(elsewhere.status).toBe(200);
      open.push(elsewhere);

      // A stream that ends gives its place back.
      open.shift()!.close();
      await expect.poll(async () => {
        const again = await openStream(running!.url, '127.0.0.1');
        open.push(again);
        return again.status;
      }).toBe(200);
    } finally {
      open.forEach((stream) => stream.close());
    }
  });

  it('refuses any address once the host has its total', async () => {
    running = await startTestHost({ liveStreamsPerAddress: 5, liveStreamsTotal: 3 });
    const open = await Promise.all([1, 2, 3].map((n) => openStream(running!.url, loopbackAddress(n))));
    try {
      expect(open.map((stream) => stream.status)).toEqual([200, 200, 200]);
      const refused = await openStream(running.url, loopbackAddress(4));
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('too_many_streams');
    } finally {
      open.forEach((stream) => stream.close());
    }
  });
});
