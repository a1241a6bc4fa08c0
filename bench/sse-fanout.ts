import http from 'node:http';
import { makeTempDir, removeTempDir } from './cleanup.js';
import { figure, now, quantile, sleep, withTimeout, type BenchContext, type Figure, type Mode } from './harness.js';
import { expectJson, httpRequest, Session } from './http.js';
import { allowTicketBursts } from './issuance-limits.js';
import { BENCH_ADMIN_PASSWORD, startBuiltHost } from './server-process.js';
import { SseClient } from './sse-client.js';

/**
 * A clerk presses "call next" and every waiting-room screen must show the number: the time from
 * sending POST /api/counters/1/call-next to the LAST of 200 public SSE streams receiving its
 * `ticket.called`. Baseline: the same with one screen. The built host runs in its own process.
 */
const SETTINGS: Record<Mode, { warmupCalls: number; calls: number }> = {
  quick: { warmupCalls: 3, calls: 20 },
  full: { warmupCalls: 5, calls: 50 },
};
const SCREENS = 200;
const CONNECT_BATCH = 20;
const COUNTER_ID = 1;
/** Lets the `ticket.finished` of one call reach every screen before the next call is timed. */
const PAUSE_BETWEEN_CALLS_MS = 30;
const RECEIVE_TIMEOUT_MS = 5_000;
const CLERK = { username: 'bench-clerk', displayName: 'Bench clerk', password: 'bench-clerk-password', role: 'clerk' };

export async function benchSseFanout(ctx: BenchContext): Promise<Figure[]> {
  const settings = SETTINGS[ctx.mode];
  const dataDir = makeTempDir('sse-fanout');
  // Every screen connects from loopback: lift the per-address cap that a real office keeps.
  const host = await startBuiltHost(dataDir, ctx.hostNodeArgs, ctx.log, { LIVE_STREAMS_PER_ADDRESS: String(SCREENS + 1) });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const screens: SseClient[] = [];
  try {
    const clerk = await clerkAtCounter(host.url, agent);
    await allowTicketBursts(host.url, agent);
    const callsNeeded = 2 * (settings.warmupCalls + settings.calls);
    for (let i = 0; i < callsNeeded; i++) {
      expectJson(await httpRequest(agent, `${host.url}/api/tickets`, { method: 'POST', body: { serviceCode: 'M' } }), 201, 'issue a ticket');
    }

    screens.push(await SseClient.connect(host.url));
    const oneScreenMs = await timeCalls(clerk, screens, settings);
    while (screens.length < SCREENS) {
      const batch = await Promise.allSettled(Array.from({ length: Math.min(CONNECT_BATCH, SCREENS - screens.length) }, () => SseClient.connect(host.url)));
      for (const result of batch) if (result.status === 'fulfilled') screens.push(result.value);
      const failed = batch.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
    const allScreensMs = await timeCalls(clerk, screens, settings);
    ctx.log(`fan-out: ${allScreensMs.length} calls to ${screens.length} screens, ${oneScreenMs.length} to one`);
    return [
      figure(`sse_fanout_p50_ms_${SCREENS}`, quantile(allScreensMs, 0.5), 'ms', quantile(oneScreenMs, 0.5)),
      figure(`sse_fanout_p95_ms_${SCREENS}`, quantile(allScreensMs, 0.95), 'ms', quantile(oneScreenMs, 0.95)),
    ];
  } finally {
    screens.forEach((screen) => screen.close());
    agent.destroy();
    await host.stop();
    removeTempDir(dataDir);
  }
}

/** Admin logs in, creates a clerk; the clerk logs in and opens the counter. */
async function clerkAtCounter(url: string, agent: http.Agent): Promise<Session> {
  const admin = new Session(url, agent);
  await admin.login('admin', BENCH_ADMIN_PASSWORD);
  expectJson(await admin.send('POST', '/api/staff', CLERK), 201, 'create the clerk');
  const clerk = new Session(url, agent);
  await clerk.login(CLERK.username, CLERK.password);
  expectJson(await clerk.send('POST', `/api/counters/${COUNTER_ID}/open`), 200, 'open the counter');
  return clerk;
}

async function timeCalls(clerk: Session, screens: readonly SseClient[], settings: { warmupCalls: number; calls: number }): Promise<number[]> {
  const latenciesMs: number[] = [];
  for (let i = 0; i < settings.warmupCalls + settings.calls; i++) {
    const start = now();
    const ticket = expectJson<{ id: number; number: string }>(await clerk.send('POST', `/api/counters/${COUNTER_ID}/call-next`), 200, 'call next');
    const arrivals = await withTimeout(
      Promise.all(screens.map((screen) => screen.calledAtFor(ticket.number))),
      RECEIVE_TIMEOUT_MS,
      `ticket.called reaching ${screens.length} screens`,
    );
    if (i >= settings.warmupCalls) latenciesMs.push(Math.max(...arrivals) - start);
    expectJson(await clerk.send('POST', `/api/tickets/${ticket.id}/finish`, { outcome: 'other' }), 200, 'finish the ticket');
    await sleep(PAUSE_BETWEEN_CALLS_MS);
  }
  return latenciesMs;
}
