import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { NOOP_TICKET_ROUTE } from './bench-host-route.js';
import { makeTempDir, removeTempDir } from './cleanup.js';
import { figure, now, quantile, repeatBounded, sleep, withTimeout, type BenchContext, type Figure, type Mode } from './harness.js';
import { expectJson, httpRequest } from './http.js';
import { allowTicketBursts } from './issuance-limits.js';
import { ensureHostBuilt, hostEnv, spawnServer } from './server-process.js';

/**
 * Ticket issuance as a kiosk does it: POST /api/tickets from loopback (no login) to the built host
 * in its own process, so the load generator and the host do not share an event loop. Baseline: the
 * same client against POST /bench/noop-ticket of the same host process (bench/bench-host.ts), which
 * validates the same body and answers a ticket-shaped JSON without touching the database: what the
 * HTTP stack alone allows.
 *
 * - Throughput: a few kiosks in a closed loop over keep-alive connections, in rounds that
 *   alternate between the two routes, so that both see the same machine.
 * - Latency: an open loop paced at 200 requests/s (20 s; shorter with --quick), against each route;
 *   requests are sent on schedule whatever the answers do, so a slow answer cannot hide the ones
 *   queued behind it.
 */
const SETTINGS: Record<Mode, { rounds: number; msPerRound: number; warmupRequests: number; clients: number; pacedSeconds: number }> = {
  quick: { rounds: 3, msPerRound: 800, warmupRequests: 100, clients: 4, pacedSeconds: 2 },
  full: { rounds: 6, msPerRound: 2_500, warmupRequests: 500, clients: 4, pacedSeconds: 20 },
};
const PACED_PER_SECOND = 200;
const MAX_THROUGHPUT_REQUESTS = 200_000;
const DRAIN_TIMEOUT_MS = 15_000;
const SERVICE_CODES = ['M', 'P', 'K', 'A'];
const BENCH_HOST = fileURLToPath(new URL('bench-host.ts', import.meta.url));
const ISSUE_ROUTE = '/api/tickets';

export async function benchIssueTicket(ctx: BenchContext): Promise<Figure[]> {
  const settings = SETTINGS[ctx.mode];
  const dataDir = makeTempDir('issue-ticket');
  ensureHostBuilt(ctx.log);
  const host = await spawnServer(['--import', 'tsx', ...ctx.hostNodeArgs, BENCH_HOST], hostEnv(dataDir));
  const noopRuns: Run[] = [];
  const apiRuns: Run[] = [];
  let latenciesMs: number[];
  let noopLatenciesMs: number[];
  try {
    const warmupAgent = new http.Agent({ keepAlive: true, maxSockets: settings.clients });
    try {
      await allowTicketBursts(host.url, warmupAgent);
      for (let i = 0; i < settings.warmupRequests; i++) {
        await issueTicket(warmupAgent, host.url + ISSUE_ROUTE, i);
        await issueTicket(warmupAgent, host.url + NOOP_TICKET_ROUTE, i);
      }
    } finally {
      warmupAgent.destroy();
    }
    noopLatenciesMs = await pacedLatencies(host.url + NOOP_TICKET_ROUTE, PACED_PER_SECOND, settings.pacedSeconds, ctx);
    latenciesMs = await pacedLatencies(host.url + ISSUE_ROUTE, PACED_PER_SECOND, settings.pacedSeconds, ctx);
    for (let round = 0; round < settings.rounds; round++) {
      noopRuns.push(await closedLoopThroughput(host.url + NOOP_TICKET_ROUTE, settings.clients, settings.msPerRound));
      apiRuns.push(await closedLoopThroughput(host.url + ISSUE_ROUTE, settings.clients, settings.msPerRound));
    }
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }

  const perSecond = (runs: Run[]) => runs.reduce((sum, r) => sum + r.count, 0) / (runs.reduce((sum, r) => sum + r.elapsedMs, 0) / 1000);
  const perRound = (runs: Run[]) => runs.map((r) => (r.count / (r.elapsedMs / 1000)).toFixed(0)).join(' ');
  ctx.log(`issuance: ${settings.clients} clients; per round api ${perRound(apiRuns)} /s, no-op route ${perRound(noopRuns)} /s`);
  return [
    figure('issue_ticket_api_per_s', perSecond(apiRuns), 'tickets/s', perSecond(noopRuns)),
    figure('issue_ticket_p50_ms', quantile(latenciesMs, 0.5), 'ms', quantile(noopLatenciesMs, 0.5)),
    figure('issue_ticket_p99_ms', quantile(latenciesMs, 0.99), 'ms', quantile(noopLatenciesMs, 0.99)),
  ];
}

interface Run {
  count: number;
  elapsedMs: number;
}

async function issueTicket(agent: http.Agent, url: string, index: number): Promise<void> {
  const result = await httpRequest(agent, url, { method: 'POST', body: { serviceCode: SERVICE_CODES[index % SERVICE_CODES.length] } });
  expectJson(result, 201, `POST ${url}`);
}

async function closedLoopThroughput(url: string, clients: number, ms: number): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  try {
    const start = now();
    const perClient = { maxCount: Math.floor(MAX_THROUGHPUT_REQUESTS / clients), maxMs: ms };
    const runs = await Promise.all(
      Array.from({ length: clients }, (_, client) => repeatBounded(perClient, (i) => issueTicket(agent, url, client + i * clients))),
    );
    return { count: runs.reduce((sum, r) => sum + r.count, 0), elapsedMs: now() - start };
  } finally {
    agent.destroy();
  }
}

/** Latency of each request from when it was sent; sending never waits for earlier answers. */
async function pacedLatencies(url: string, perSecond: number, seconds: number, ctx: BenchContext): Promise<number[]> {
  // Enough sockets that a slow answer makes the host queue, not the client.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(perSecond * seconds);
  const intervalMs = 1000 / perSecond;
  const latenciesMs: number[] = [];
  const inFlight: Promise<void>[] = [];
  let failure: unknown = null;
  try {
    const start = now();
    for (let i = 0; i < total && failure === null; i++) {
      const wait = start + i * intervalMs - now();
      if (wait > 0) await sleep(wait);
      const sentAt = now();
      inFlight.push(
        issueTicket(agent, url, i).then(
          () => void latenciesMs.push(now() - sentAt),
          (error: unknown) => void (failure ??= error),
        ),
      );
    }
    const sendingMs = now() - start;
    await withTimeout(Promise.all(inFlight), DRAIN_TIMEOUT_MS, 'paced issuance');
    if (failure !== null) throw failure;
    ctx.log(`paced ${new URL(url).pathname}: ${total} requests sent in ${(sendingMs / 1000).toFixed(2)} s (${(total / (sendingMs / 1000)).toFixed(0)}/s achieved)`);
  } finally {
    agent.destroy();
  }
  return latenciesMs;
}
