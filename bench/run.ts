import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchCallNext } from './call-next.js';
import { cleanUpNow, cleanUpOnExit } from './cleanup.js';
import { benchColdStart } from './cold-start.js';
import { benchDisplay } from './display.js';
import { benchExport } from './export.js';
import { benchIdChecks } from './id-checks.js';
import { formatTable, machineLine, writeResults, type BenchContext, type Figure } from './harness.js';
import { benchIssueTicket } from './issue-ticket.js';
import { benchPlanning } from './planning.js';
import { benchSseFanout } from './sse-fanout.js';

/**
 * `npm run bench [-- --quick] [-- --only=issue-ticket,sse-fanout] [-- --profile]`
 *
 * Each benchmark is one file that returns its figures. To add one (export_csv_s_1m,
 * export_xlsx_s_1m, export_peak_rss_mb with the exports), write
 * bench/<name>.ts exporting `bench…(ctx): Promise<Figure[]>` with its own same-run baseline, and
 * list it here; add its target below if it has one.
 */
const BENCHMARKS: ReadonlyArray<{ name: string; run: (ctx: BenchContext) => Promise<Figure[]> }> = [
  { name: 'issue-ticket', run: benchIssueTicket },
  { name: 'call-next', run: benchCallNext },
  { name: 'sse-fanout', run: benchSseFanout },
  { name: 'cold-start', run: benchColdStart },
  { name: 'id-checks', run: benchIdChecks },
  { name: 'export', run: benchExport },
  { name: 'display', run: benchDisplay },
  { name: 'planning', run: benchPlanning },
];

const TARGETS: ReadonlyArray<{ figure: string; text: string; met: (value: number) => boolean }> = [
  { figure: 'issue_ticket_ratio', text: 'API issuance >= 50 % of the bare durable insert rate', met: (v) => v >= 0.5 },
  { figure: 'call_next_ms_10k', text: 'call-next with 10k waiting < 1 ms', met: (v) => v < 1 },
  { figure: 'sse_fanout_p95_ms_200', text: 'fan-out to 200 screens p95 < 50 ms', met: (v) => v < 50 },
  { figure: 'cold_start_ms', text: 'cold start < 1 s', met: (v) => v < 1000 },
  { figure: 'scan_to_verdict_p95_ms', text: 'scan to verdict on the kiosk p95 < 150 ms', met: (v) => v < 150 },
  { figure: 'export_csv_s_1m', text: 'CSV export of 1,000,000 tickets <= 5 s', met: (v) => v <= 5 },
  { figure: 'export_xlsx_s_1m', text: 'XLSX export of 1,000,000 tickets <= 30 s', met: (v) => v <= 30 },
  { figure: 'export_peak_rss_mb', text: 'host peak memory during the exports < 300 MB', met: (v) => v < 300 },
  { figure: 'planning_month_ms', text: 'a month of a large office simulated (300 a day, 6 counters) <= 2 s', met: (v) => v <= 2000 },
];

const RESULTS_FILE = fileURLToPath(new URL('out/results.json', import.meta.url));
const PROFILE_DIR = fileURLToPath(new URL('out/profiles', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, profile: { type: 'boolean', default: false } },
  });
  const only = values.only?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !BENCHMARKS.some((b) => b.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; there are ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  const ctx: BenchContext = {
    mode: values.quick ? 'quick' : 'full',
    hostNodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    log: (line) => console.log(`  ${line}`),
  };

  console.log(`bench (${ctx.mode}) — ${machineLine()}`);
  if (values.profile) console.log(`  host CPU profiles go to ${path.relative(process.cwd(), PROFILE_DIR)}`);
  const figures: Figure[] = [];
  for (const benchmark of BENCHMARKS.filter((b) => !only || only.includes(b.name))) {
    const started = Date.now();
    console.log(`${benchmark.name} …`);
    figures.push(...(await benchmark.run(ctx)));
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s; load average now ${os.loadavg()[0]!.toFixed(2)}`);
  }

  writeResults(RESULTS_FILE, figures);
  console.log(`\n${formatTable(figures)}\n`);
  console.log(`machine at the end: ${machineLine()} — the machine is shared; ratios are the comparable figures.`);
  for (const target of TARGETS) {
    const found = figures.find((f) => f.name === target.figure);
    if (found) console.log(`target ${target.met(found.value) ? 'MET   ' : 'MISSED'} ${target.text} (${found.name} = ${found.value})`);
  }
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

cleanUpOnExit();
main().then(
  () => cleanUpNow(),
  (error: unknown) => {
    cleanUpNow();
    console.error('bench failed:', error);
    process.exitCode = 1;
  },
);
