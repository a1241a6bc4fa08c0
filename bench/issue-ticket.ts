import http from 'node:http';
import { measureBareInsert, pooled, type BareInsertRun } from './bare-insert.js';
import { makeTempDir, removeTempDir } from './cleanup.js';
import { figure, now, quantile, repeatBounded, sleep, withTimeout, type BenchContext, type Figure, type Mode } from './harness.js';
import { expectJson, httpRequest } from './http.js';
import { allowTicketBursts } from './issuance-limits.js';
import { startBuiltHost } from './server-process.js';

/**
 * Ticket issuance as a kiosk does it: POST /api/tickets from loopback (no login) to the built host
 * in its own process, so the load generator and the host do not share an event loop.
 *
 * - Throughput: a few kiosks in a closed loop over keep-alive connections, in rounds that
 *   alternate with the bare-insert baseline: the shared disk's speed swings by several times within
 *   a minute, and alternating puts both under the same swings.
 * - Latency: an open loop paced at 200 requests/s; requests are sent on schedule whatever the
 *   answers do, so a slow answer cannot hide the ones queued behind it.
 */
const SETTINGS: Record<Mode, { rounds: number; bareMsPerRound: number; apiMsPerRound: number; warmupRequests: number; clients: number; pacedSeconds: number }> = {
  quick: { rounds: 3, bareMsPerRound: 600, apiMsPerRound: 1_000, warmupRequests: 200, clients: 4, pacedSeconds: 2.5 },
  full: { rounds: 8, bareMsPerRound: 1_000, apiMsPerRound: 2_500, warmupRequests: 500, clients: 4, pacedSeconds: 15 },
};
const PACED_PER_SECOND = 200;
const MAX_BARE_INSERTS = 100_000;
const MAX_THROUGHPUT_REQUESTS = 200_000;
const DRAIN_TIMEOUT_MS = 15_000;
const SERVICE_CODES = ['M', 'P', 'K', 'A'];

export async function benchIssueTicket(ctx: BenchContext): Promise<Figure[]> {
  const settings = SETTINGS[ctx.mode];
  const dataDir = makeTempDir('issue-ticket');
  const host = await startBuiltHost(dataDir, ctx.hostNodeArgs, ctx.log);
  const bareRuns: BareInsertRun[] = [];
  const apiRuns: Array<{ count: number; elapsedMs: number }> = [];
  let latenciesMs: number[];
  try {
    const warmupAgent = new http.Agent({ keepAlive: true, maxSockets: settings.clients });
    try {
      await allowTicketBursts(host.url, warmupAgent);
      for (let i = 0; i < settings.warmupRequests; i++) await issueTicket(warmupAgent, host.url, i);
    } finally {
      warmupAgent.destroy();
    }
    latenciesMs = await pacedLatencies(host.url, PACED_PER_SECOND, settings.pacedSeconds, ctx);
    for (let round = 0; round < settings.rounds; round++) {
      bareRuns.push(await measureBareInsert({ maxCount: MAX_BARE_INSERTS, maxMs: settings.bareMsPerRound }));
      apiRuns.push(await closedLoopThroughput(host.url, settings.clients, settings.apiMsPerRound));
    }
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }

  const bare = pooled(bareRuns);
  const apiCount = apiRuns.reduce((sum, r) => sum + r.count, 0);
  const apiPerSecond = apiCount / (apiRuns.reduce((sum, r) => sum + r.elapsedMs, 0) / 1000);
  const perRound = (runs: Array<{ count: number; elapsedMs: number }>) => runs.map((r) => (r.count / (r.elapsedMs / 1000)).toFixed(0)).join(' ');
  ctx.log(`issuance: ${apiCount} tickets by ${settings.clients} clients; per round api ${perRound(apiRuns)} /s, bare ${perRound(bareRuns)} /s`);
  return [
    figure('bare_durable_insert_per_s', bare.perSecond, 'inserts/s'),
    figure('issue_ticket_api_per_s', apiPerSecond, 'tickets/s', bare.perSecond),
    figure('issue_ticket_ratio', apiPerSecond / bare.perSecond, 'api/bare'),
    figure('issue_ticket_p50_ms', quantile(latenciesMs, 0.5), 'ms', bare.p50Ms),
    figure('issue_ticket_p99_ms', quantile(latenciesMs, 0.99), 'ms', bare.p99Ms),
  ];
}

async function issueTicket(agent: http.Agent, url: string, index: number): Promise<void> {
  const result = await httpRequest(agent, `${url}/api/tickets`, { method: 'POST', body: { serviceCode: SERVICE_CODES[index % SERVICE_CODES.length] } });
  expectJson(result, 201, 'issue a ticket');
}

async function closedLoopThroughput(url: string, clients: number, ms: number): Promise<{ count: number; elapsedMs: number }> {
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
    ctx.log(`paced issuance: ${total} requests sent in ${(sendingMs / 1000).toFixed(2)} s (${(total / (sendingMs / 1000)).toFixed(0)}/s achieved)`);
  } finally {
    agent.destroy();
  }
  return latenciesMs;
}
