import http from 'node:http';
import { checkDocument } from '../core/idcheck/check-document.js';
import { DEFAULT_ID_RULES } from '../core/idcheck/rules.js';
import { makeMrz, shiftIsoDate } from '../tests/support/mrz-generator.js';
import { makeTempDir, removeTempDir } from './cleanup.js';
import { figure, now, quantile, repeatBounded, withTimeout, type BenchContext, type Figure, type Mode } from './harness.js';
import { expectJson, httpRequest } from './http.js';
import { startBuiltHost } from './server-process.js';

/**
 * The MitID pre-check as the kiosk and the desk use it.
 *
 * - `id_checks_per_s`: POST /api/id-checks by a few clients on keep-alive connections; each check
 *   parses, judges, stores its outcome durably and logs an event. Baseline: the same documents
 *   through `checkDocument` in this process (the pure rules, no HTTP, no disk).
 * - `scan_to_verdict_p95_ms`: a scan on the host's (simulated) reader until its verdict reaches the
 *   kiosk page's stream (the promise is < 150 ms). Baseline: a GET /api/health round trip.
 */
const SETTINGS: Record<Mode, { apiMs: number; coreMs: number; clients: number; scans: number }> = {
  quick: { apiMs: 2_000, coreMs: 500, clients: 4, scans: 20 },
  full: { apiMs: 8_000, coreMs: 2_000, clients: 4, scans: 100 },
};
const MAX_REQUESTS = 200_000;
const VERDICT_TIMEOUT_MS = 5_000;

const today = new Date().toISOString().slice(0, 10);
/** A mix an office sees: Danish passports, foreign ID cards, expired ones and misreads. */
const DOCUMENTS = [
  makeMrz({ issuingState: 'DNK', birthDate: '1980-05-05', expiryDate: shiftIsoDate(today, { years: 3 }) }),
  makeMrz({ kind: 'id_card', issuingState: 'SWE', birthDate: '1990-01-01', expiryDate: shiftIsoDate(today, { years: 2 }) }),
  makeMrz({ issuingState: 'DEU', birthDate: '1975-03-03', expiryDate: shiftIsoDate(today, { days: -30 }) }),
  makeMrz({ issuingState: 'DNK', birthDate: '1985-07-07', expiryDate: shiftIsoDate(today, { years: 5 }), corrupt: 'composite' }),
];

export async function benchIdChecks(ctx: BenchContext): Promise<Figure[]> {
  const settings = SETTINGS[ctx.mode];
  const core = await repeatBounded({ maxCount: MAX_REQUESTS, maxMs: settings.coreMs }, (i) => checkDocument(DOCUMENTS[i % DOCUMENTS.length]!, DEFAULT_ID_RULES, today));
  const corePerSecond = core.count / (core.elapsedMs / 1000);

  const dataDir = makeTempDir('id-checks');
  const host = await startBuiltHost(dataDir, ctx.hostNodeArgs, ctx.log, { SCANNER: 'simulator' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: settings.clients });
  try {
    const start = now();
    const runs = await Promise.all(
      Array.from({ length: settings.clients }, (_, client) =>
        repeatBounded({ maxCount: MAX_REQUESTS / settings.clients, maxMs: settings.apiMs }, async (i) => {
          const result = await httpRequest(agent, `${host.url}/api/id-checks`, { method: 'POST', body: { mrz: DOCUMENTS[(client + i) % DOCUMENTS.length] } });
          expectJson(result, 200, 'ID check');
        }),
      ),
    );
    const apiPerSecond = runs.reduce((sum, r) => sum + r.count, 0) / ((now() - start) / 1000);

    const { verdictMs, healthMs } = await scanToVerdict(host.url, agent, settings.scans);
    ctx.log(`ID checks: ${runs.reduce((s, r) => s + r.count, 0)} through the API, ${core.count} in-process; ${settings.scans} simulated scans`);
    return [
      figure('id_check_core_per_s', corePerSecond, 'checks/s'),
      figure('id_checks_per_s', apiPerSecond, 'checks/s', corePerSecond),
      figure('scan_to_verdict_p50_ms', quantile(verdictMs, 0.5), 'ms', quantile(healthMs, 0.5)),
      figure('scan_to_verdict_p95_ms', quantile(verdictMs, 0.95), 'ms', quantile(healthMs, 0.95)),
    ];
  } finally {
    agent.destroy();
    await host.stop();
    removeTempDir(dataDir);
  }
}

/** Times each simulated scan from the POST until its verdict arrives on the kiosk's scanner stream. */
async function scanToVerdict(url: string, agent: http.Agent, scans: number): Promise<{ verdictMs: number[]; healthMs: number[] }> {
  const verdictMs: number[] = [];
  const healthMs: number[] = [];
  let onVerdict: ((at: number) => void) | null = null;
  const stream = http.get(`${url}/api/scanner/events`, { agent: false });
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.once('response', (response) => {
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            const at = now();
            if (chunk.includes('event: status')) resolve();
            if (chunk.includes('event: verdict')) onVerdict?.(at);
          });
        });
      }),
      VERDICT_TIMEOUT_MS,
      'scanner stream',
    );
    for (let i = 0; i < scans; i++) {
      const arrived = new Promise<number>((resolve) => (onVerdict = resolve));
      const sent = now();
      expectJson(await httpRequest(agent, `${url}/api/dev/scans`, { method: 'POST', body: { mrz: DOCUMENTS[i % DOCUMENTS.length] } }), 202, 'simulated scan');
      verdictMs.push((await withTimeout(arrived, VERDICT_TIMEOUT_MS, 'verdict')) - sent);
      const healthStart = now();
      expectJson(await httpRequest(agent, `${url}/api/health`), 200, 'health');
      healthMs.push(now() - healthStart);
    }
  } finally {
    stream.destroy();
  }
  return { verdictMs, healthMs };
}
