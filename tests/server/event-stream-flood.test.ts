import { rmSync } from 'node:fs';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyDayDataDir } from '../support/busy-day.js';
import { loopbackAddress, openUnreadStream } from '../support/raw-stream.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

const TICKETS = 20_000;
const CLIENTS = 100;
const MB = 1024 * 1024;

let dataDir: string;
let running: TestHost;
beforeAll(async () => {
  dataDir = await busyDayDataDir(TICKETS);
  running = await startTestHost({ dataDir });
}, 120_000);
afterAll(async () => {
  await running.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function timedDisplay(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${running.url}/api/display`);
  expect(response.status).toBe(200);
  await response.json();
  return performance.now() - started;
}

describe('a hundred clients that ask for the whole day and never read', () => {
  it('cost the host neither its memory nor its answers to the waiting-room screens', async () => {
    await timedDisplay();
    const rssBefore = process.memoryUsage().rss;
    const sockets: net.Socket[] = [];
    const slowest: number[] = [];
    try {
      // Connect in waves while the screens' board keeps being asked for, as in the attack.
      const attack = (async () => {
        for (let i = 0; i < CLIENTS; i++) sockets.push(await openUnreadStream(running.url, '/api/events?lastEventId=0', loopbackAddress(i)));
      })();
      const until = Date.now() + 4000;
      while (Date.now() < until) {
        slowest.push(await timedDisplay());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await attack;
      for (let i = 0; i < 10; i++) slowest.push(await timedDisplay());
      const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / MB;
      expect(sockets).toHaveLength(CLIENTS);
      expect(rssGrowthMb).toBeLessThan(150);
      expect(Math.max(...slowest)).toBeLessThan(200);
    } finally {
      sockets.forEach((socket) => socket.destroy());
    }
  }, 60_000);
});
