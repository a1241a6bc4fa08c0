import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { makeTempDir, removeTempDir } from './cleanup.js';
import { figure, now, quantile, type BenchContext, type Figure, type Mode } from './harness.js';
import { expectJson, httpRequest } from './http.js';
import { startBuiltHost } from './server-process.js';

/**
 * Every waiting-room screen loads GET /api/display, and reloads it after every reconnect; its cost
 * must not grow with the day. Figure: the median answer with 20,000 tickets issued, called,
 * started and finished today; baseline: the same on an empty day (the ratio should stay near 1).
 */
const SETTINGS: Record<Mode, { requests: number }> = { quick: { requests: 50 }, full: { requests: 300 } };
const TICKETS = 20_000;
const SERVICES = ['M', 'P', 'K', 'A'];

export async function benchDisplay(ctx: BenchContext): Promise<Figure[]> {
  const emptyMs = await timeDisplay(ctx, 0);
  const busyMs = await timeDisplay(ctx, TICKETS);
  return [figure('display_p50_ms_20k_today', quantile(busyMs, 0.5), 'ms', quantile(emptyMs, 0.5))];
}

async function timeDisplay(ctx: BenchContext, tickets: number): Promise<number[]> {
  const dataDir = makeTempDir('display');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // The host creates its schema; the day's events then go straight into the file, as fast as SQLite writes.
    await (await startBuiltHost(dataDir, ctx.hostNodeArgs, ctx.log)).stop();
    seedToday(path.join(dataDir, 'office.sqlite'), tickets); // the host's database file name
    const host = await startBuiltHost(dataDir, ctx.hostNodeArgs, ctx.log);
    try {
      const samples: number[] = [];
      for (let i = 0; i < 10 + SETTINGS[ctx.mode].requests; i++) {
        const started = now();
        expectJson(await httpRequest(agent, `${host.url}/api/display`), 200, 'the display board');
        if (i >= 10) samples.push(now() - started);
      }
      ctx.log(`display: ${samples.length} requests with ${tickets} tickets today`);
      return samples;
    } finally {
      await host.stop();
    }
  } finally {
    agent.destroy();
    removeTempDir(dataDir);
  }
}

/** Each ticket's day: issued, called, started and finished, spread over the hours before now. */
function seedToday(file: string, tickets: number): void {
  const db = new Database(file, { fileMustExist: true });
  const insert = db.prepare('INSERT INTO events (at, type, counter_id, data) VALUES (?, ?, ?, ?)');
  const start = Date.now() - 60 * 60_000;
  db.transaction(() => {
    for (let n = 0; n < tickets; n++) {
      const at = start + Math.floor((n / tickets) * 50 * 60_000);
      const service = SERVICES[n % SERVICES.length]!;
      const counter = 1 + (n % 4);
      const data = (status: string) => JSON.stringify({ number: `${service}${n + 1}`, serviceCode: service, status, priority: 'normal', counterName: `Skranke ${counter}` });
      insert.run(at, 'ticket.issued', null, data('waiting'));
      insert.run(at + 1000, 'ticket.called', counter, data('called'));
      insert.run(at + 2000, 'ticket.started', counter, data('serving'));
      insert.run(at + 3000, 'ticket.finished', counter, data('done'));
    }
  })();
  db.close();
}
