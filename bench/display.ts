import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { officeDayOf } from '../core/office-day.js';
import { makeTempDir, removeTempDir } from './cleanup.js';
import { figure, now, quantile, type BenchContext, type Figure, type Mode } from './harness.js';
import { expectJson, httpRequest, Session } from './http.js';
import { BENCH_ADMIN_PASSWORD, startBuiltHost } from './server-process.js';

/**
 * Every waiting-room screen loads GET /api/display, and reloads it after every reconnect; every
 * clerk's screen loads GET /api/queue. Their cost must not grow with the day. Figures: the median
 * answer with 20,000 tickets issued, called, started and finished today (and the same few still
 * waiting); baseline: the same on an empty day, where only those few wait (the ratio should stay
 * near 1).
 */
const SETTINGS: Record<Mode, { requests: number }> = { quick: { requests: 30 }, full: { requests: 300 } };
const TICKETS = 20_000;
/** Waiting on both days, so that both queues answer the same list. */
const WAITING = 12;
const SERVICES = ['M', 'P', 'K', 'A'];

export async function benchDisplay(ctx: BenchContext): Promise<Figure[]> {
  const empty = await timeDay(ctx, 0);
  const busy = await timeDay(ctx, TICKETS);
  return [
    figure('display_p50_ms_20k_today', quantile(busy.displayMs, 0.5), 'ms', quantile(empty.displayMs, 0.5)),
    figure('queue_p50_ms_20k_today', quantile(busy.queueMs, 0.5), 'ms', quantile(empty.queueMs, 0.5)),
  ];
}

async function timeDay(ctx: BenchContext, tickets: number): Promise<{ displayMs: number[]; queueMs: number[] }> {
  const dataDir = makeTempDir('display');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // The host creates its schema; the day's events then go straight into the file, as fast as SQLite writes.
    await (await startBuiltHost(dataDir, ctx.hostNodeArgs, ctx.log)).stop();
    seedToday(path.join(dataDir, 'office.sqlite'), tickets); // the host's database file name
    const host = await startBuiltHost(dataDir, ctx.hostNodeArgs, ctx.log);
    try {
      const clerk = new Session(host.url, agent);
      await clerk.login('admin', BENCH_ADMIN_PASSWORD);
      const displayMs: number[] = [];
      const queueMs: number[] = [];
      // In turns, so that both see the same machine.
      for (let i = 0; i < 10 + SETTINGS[ctx.mode].requests; i++) {
        let started = now();
        expectJson(await httpRequest(agent, `${host.url}/api/display`), 200, 'the display board');
        if (i >= 10) displayMs.push(now() - started);
        started = now();
        const queue = expectJson<unknown[]>(await clerk.send('GET', '/api/queue'), 200, 'the queue');
        if (i >= 10) queueMs.push(now() - started);
        if (queue.length !== WAITING) throw new Error(`the queue has ${queue.length} tickets, expected ${WAITING}`);
      }
      ctx.log(`display and queue: ${displayMs.length} requests each with ${tickets} tickets today`);
      return { displayMs, queueMs };
    } finally {
      await host.stop();
    }
  } finally {
    agent.destroy();
    removeTempDir(dataDir);
  }
}

/**
 * Each ticket's day, as events (what the display reads) and as ticket rows (what the queue reads):
 * issued, called, started and finished, spread over the hour before now; then the few still waiting.
 */
function seedToday(file: string, tickets: number): void {
  const db = new Database(file, { fileMustExist: true });
  const insert = db.prepare('INSERT INTO events (at, type, counter_id, data) VALUES (?, ?, ?, ?)');
  const insertTicket = db.prepare(
    `INSERT INTO tickets (number, office_day, service_code, priority, status, arrived_at, callable_at, called_at, started_at, finished_at, call_count, counter_id, outcome)
     VALUES (?, ?, ?, 'normal', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = Date.now() - 60 * 60_000;
  const today = officeDayOf(Date.now());
  db.transaction(() => {
    for (let n = 0; n < WAITING; n++) {
      const at = Date.now() - (WAITING - n) * 1000;
      insertTicket.run(`${SERVICES[n % SERVICES.length]!}${9000 + n}`, today, SERVICES[n % SERVICES.length]!, 'waiting', at, at, null, null, null, 0, null, null);
    }
    for (let n = 0; n < tickets; n++) {
      const at = start + Math.floor((n / tickets) * 50 * 60_000);
      const service = SERVICES[n % SERVICES.length]!;
      const counter = 1 + (n % 4);
      const data = (status: string) => JSON.stringify({ number: `${service}${n + 1}`, serviceCode: service, status, priority: 'normal', counterName: `Skranke ${counter}` });
      insert.run(at, 'ticket.issued', null, data('waiting'));
      insert.run(at + 1000, 'ticket.called', counter, data('called'));
      insert.run(at + 2000, 'ticket.started', counter, data('serving'));
      insert.run(at + 3000, 'ticket.finished', counter, data('done'));
      insertTicket.run(`${service}${n + 1}`, today, service, 'done', at, at, at + 1000, at + 2000, at + 3000, 1, null, 'other');
    }
  })();
  db.close();
}
