import http from 'node:http';
import { makeTempDir, removeTempDir } from './cleanup.js';
import { figure, now, quantile, sleep, type BenchContext, type Figure, type Mode } from './harness.js';
import { httpRequest } from './http.js';
import { hostArgs, hostEnv, spawnServer, startBuiltHost } from './server-process.js';

/**
 * From `node dist/server/main.js` on an existing data folder (the morning start) to the first 200
 * from /api/health. Baseline: a bare Node HTTP server, spawned the same way, to its first answer.
 * The two alternate, so both see the same machine load.
 */
const SETTINGS: Record<Mode, { runs: number }> = {
  quick: { runs: 3 },
  full: { runs: 10 },
};
const MAX_HEALTH_POLLS = 100;
const HEALTH_POLL_INTERVAL_MS = 10;
const BARE_SERVER = [
  '-e',
  "require('http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });",
];

export async function benchColdStart(ctx: BenchContext): Promise<Figure[]> {
  const { runs } = SETTINGS[ctx.mode];
  const dataDir = makeTempDir('cold-start');
  try {
    // First start creates and seeds the database; the measured starts find it there.
    await (await startBuiltHost(dataDir, ctx.hostNodeArgs, ctx.log)).stop();
    const bareMs: number[] = [];
    const hostMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      bareMs.push(await timeToFirstAnswer(BARE_SERVER, {}, '/'));
      hostMs.push(await timeToFirstAnswer(hostArgs(ctx.hostNodeArgs), hostEnv(dataDir), '/api/health'));
    }
    ctx.log(`cold start: ${runs} starts each, host ${hostMs.map((ms) => ms.toFixed(0)).join(' ')} ms, bare ${bareMs.map((ms) => ms.toFixed(0)).join(' ')} ms`);
    return [figure('cold_start_ms', quantile(hostMs, 0.5), 'ms (median)', quantile(bareMs, 0.5))];
  } finally {
    removeTempDir(dataDir);
  }
}

async function timeToFirstAnswer(args: string[], env: NodeJS.ProcessEnv, route: string): Promise<number> {
  const start = now();
  const server = await spawnServer(args, env);
  const agent = new http.Agent({ keepAlive: false });
  try {
    for (let poll = 0; poll < MAX_HEALTH_POLLS; poll++) {
      const answer = await httpRequest(agent, server.url + route).catch(() => null);
      if (answer?.status === 200) return now() - start;
      await sleep(HEALTH_POLL_INTERVAL_MS);
    }
    throw new Error(`${server.url}${route} did not answer 200 after ${MAX_HEALTH_POLLS} tries`);
  } finally {
    agent.destroy();
    await server.stop();
  }
}
