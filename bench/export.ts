import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { nextOfficeDay, officeDayOf, startOfOfficeDay } from '../core/office-day.js';
import { makeTempDir, removeTempDir } from './cleanup.js';
import { figure, now, type BenchContext, type Figure, type Mode } from './harness.js';
import { expectJson, httpRequest } from './http.js';
import { BENCH_ADMIN_PASSWORD, startBuiltHost } from './server-process.js';
import { sqliteShellCsvSeconds } from './sqlite-shell.js';
import { benchStatsJson } from './stats-json.js';

/**
 * The statistics exports of a year of a large office: a million tickets written straight into the
 * host's database (one transaction), then GET /api/stats/export.csv and export.xlsx through the
 * built host in its own process, each download taken whole by a client that only counts bytes.
 *
 * - `export_csv_s_1m`, `export_xlsx_s_1m`: seconds from request to last byte. Baseline: SQLite's
 *   own shell writing the export's own SELECT as CSV into /dev/null (`sqlite3 -csv`, the host
 *   idle), the floor any export sits on, timed right before each export so that both see the same
 *   machine.
 * - `export_peak_rss_mb`: the host's peak resident memory (VmHWM, reset before each export) over
 *   both exports. Baseline: the idle host's, with the same database open.
 * - `stats_json_s_1m`: the year's statistics by day, against a bare SQL aggregate (stats-json.ts).
 */
const SETTINGS: Record<Mode, { tickets: number; label: string; statsRounds: number }> = {
  quick: { tickets: 100_000, label: '100k', statsRounds: 2 },
  full: { tickets: 1_000_000, label: '1m', statsRounds: 3 },
};
const DAYS = 365;
const SERVICES = ['M', 'P', 'K', 'A'];
const COUNTERS = 4;
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

export async function benchExport(ctx: BenchContext): Promise<Figure[]> {
  const { tickets, label, statsRounds } = SETTINGS[ctx.mode];
  const dataDir = makeTempDir('export');
  try {
    // The first start creates the schema and the admin; the year goes in while the host is down.
    await (await startBuiltHost(dataDir, ctx.hostNodeArgs, ctx.log)).stop();
    const seedStart = now();
    const range = seedYear(path.join(dataDir, 'office.sqlite'), tickets); // the host's database file name
    ctx.log(`export: ${tickets} tickets over ${DAYS} days written in ${((now() - seedStart) / 1000).toFixed(1)} s`);
    const file = path.join(dataDir, 'office.sqlite');

    const host = await startBuiltHost(dataDir, ctx.hostNodeArgs, ctx.log);
    try {
      const pid = host.child.pid!;
      const cookie = await adminCookie(host.url);
      const idleMb = peakRssMb(pid);
      const query = `from=${range.from}&to=${range.to}`;

      const csvSelectS = await sqliteShellCsvSeconds(file, range, tickets);
      resetPeakRss(pid);
      const csv = await download(`${host.url}/api/stats/export.csv?${query}`, cookie);
      const csvPeakMb = peakRssMb(pid);
      if (csv.lines !== tickets + 1) throw new Error(`the CSV has ${csv.lines} lines, expected ${tickets + 1}`);

      const xlsxSelectS = await sqliteShellCsvSeconds(file, range, tickets);
      resetPeakRss(pid);
      const xlsx = await download(`${host.url}/api/stats/export.xlsx?${query}`, cookie);
      const xlsxPeakMb = peakRssMb(pid);
      if (!xlsx.startsWithZip) throw new Error('the workbook is not a zip file');

      ctx.log(
        `export: CSV ${(csv.bytes / 1e6).toFixed(0)} MB in ${csv.seconds.toFixed(1)} s (sqlite3 -csv ${csvSelectS.toFixed(1)} s, ` +
          `peak ${csvPeakMb.toFixed(0)} MB, load ${csv.loadAverage.toFixed(2)}), XLSX ${(xlsx.bytes / 1e6).toFixed(0)} MB in ` +
          `${xlsx.seconds.toFixed(1)} s (sqlite3 -csv ${xlsxSelectS.toFixed(1)} s, peak ${xlsxPeakMb.toFixed(0)} MB, ` +
          `load ${xlsx.loadAverage.toFixed(2)}); idle host ${idleMb.toFixed(0)} MB`,
      );
      const stats = await benchStatsJson(host.url, cookie, file, range, statsRounds, label);
      ctx.log(stats.line);
      return [
        figure(`export_csv_s_${label}`, csv.seconds, 's', csvSelectS),
        figure(`export_xlsx_s_${label}`, xlsx.seconds, 's', xlsxSelectS),
        figure('export_peak_rss_mb', Math.max(csvPeakMb, xlsxPeakMb), 'MB', idleMb),
        ...stats.figures,
      ];
    } finally {
      await host.stop();
    }
  } finally {
    removeTempDir(dataDir);
  }
}

/**
 * A year of tickets ending yesterday, shaped like a busy office: four services, every twentieth
 * citizen urgent, mostly served, some no-shows, cancellations, walk-ups and transfers (each with its
 * continuation), an ID check for every MitID ticket, and four counters open 08:00–16:30 daily.
 */
export function seedYear(file: string, total: number): { from: string; to: string } {
  const db = new Database(file, { fileMustExist: true });
  const random = mulberry32(20261125);
  const to = officeDayOf(Date.now() - 86_400_000);
  let from = to;
  for (let i = 1; i < DAYS; i++) from = officeDayOf(startOfOfficeDay(from) - 3_600_000);
  const insertStaff = db.prepare("INSERT INTO staff (username, display_name, role, password_hash, created_at) VALUES (?, ?, 'clerk', 'bench: no login', 0)");
  const insertTicket = db.prepare(
    `INSERT INTO tickets (number, office_day, service_code, priority, urgent_reason, status, arrived_at, callable_at, called_at, started_at,
       finished_at, call_count, counter_id, staff_id, outcome, id_check_id, estimated_wait_minutes, transferred_from_id, walk_up)
     VALUES (@number, @day, @service, @priority, @urgentReason, @status, @arrived, @arrived, @called, @started,
       @finished, @calls, @counter, @staff, @outcome, @idCheck, @estimate, @from, @walkUp)`,
  );
  const insertCheck = db.prepare("INSERT INTO id_checks (at, verdict, reasons, source) VALUES (?, ?, ?, 'kiosk')");
  const insertEvent = db.prepare('INSERT INTO events (at, type, counter_id, staff_id, data) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    const staff = Array.from({ length: COUNTERS }, (_, i) => Number(insertStaff.run(`bench-clerk-${i + 1}`, `Clerk ${i + 1}`).lastInsertRowid));
    const perDay = Math.ceil(total / DAYS);
    let rows = 0;
    for (let day = from; rows < total; day = nextOfficeDay(day)) {
      const opening = startOfOfficeDay(day) + 8 * 3_600_000;
      for (let c = 0; c < COUNTERS; c++) {
        const data = JSON.stringify({ counterName: `Skranke ${c + 1}` });
        insertEvent.run(opening, 'counter.opened', c + 1, staff[c]!, data);
        insertEvent.run(opening + 8.5 * 3_600_000, 'counter.closed', c + 1, staff[c]!, data);
      }
      for (let n = 0; n < perDay && rows < total; n++) {
        const service = SERVICES[n % SERVICES.length]!;
        const arrived = opening + Math.floor((n / perDay) * 8 * 3_600_000);
        const called = arrived + Math.floor(random() * 40 * 60_000);
        const counter = 1 + (n % COUNTERS);
        const fate = random();
        const ticket = {
          number: `${service}${String(n + 1).padStart(4, '0')}`,
          day,
          service,
          priority: n % 20 === 0 ? 'urgent' : 'normal',
          urgentReason: n % 20 === 0 ? 'hospital_summons' : null,
          status: 'done',
          arrived,
          called,
          started: called + 60_000,
          finished: called + 60_000 + Math.floor((3 + random() * 12) * 60_000),
          calls: 1,
          counter,
          staff: staff[counter - 1]!,
          outcome: service === 'M' ? 'mitid_issued' : 'other',
          idCheck: service === 'M' ? Number(insertCheck.run(arrived - 60_000, random() < 0.9 ? 'accepted' : 'rejected', '[]').lastInsertRowid) : null,
          estimate: Math.floor(random() * 30),
          from: null as number | null,
          walkUp: 0,
        };
        if (fate < 0.05) Object.assign(ticket, { status: 'no_show', started: null, finished: called + 120_000, outcome: null });
        else if (fate < 0.08) Object.assign(ticket, { status: 'cancelled', called: null, started: null, finished: called, counter: null, staff: null, outcome: null });
        else if (fate < 0.11) Object.assign(ticket, { called: arrived, started: arrived, walkUp: 1, estimate: null });
        else if (fate < 0.15) Object.assign(ticket, { status: 'transferred', finished: called + 5 * 60_000, outcome: null });
        const id = Number(insertTicket.run(ticket).lastInsertRowid);
        rows++;
        if (ticket.status === 'transferred' && rows < total) {
          const recalled = ticket.finished + 10 * 60_000;
          insertTicket.run({
            ...ticket,
            service: SERVICES[(n + 1) % SERVICES.length]!,
            status: 'done',
            called: recalled,
            started: recalled + 60_000,
            finished: recalled + 9 * 60_000,
            outcome: 'other',
            idCheck: null,
            estimate: null,
            from: id,
          });
          rows++;
        }
      }
    }
  })();
  db.close();
  return { from, to };
}

async function adminCookie(url: string): Promise<string> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const result = await httpRequest(agent, `${url}/api/auth/login`, { method: 'POST', body: { username: 'admin', password: BENCH_ADMIN_PASSWORD } });
    expectJson(result, 200, 'login as admin');
    return result.headers['set-cookie']![0]!.split(';')[0]!;
  } finally {
    agent.destroy();
  }
}

/** Takes a download whole, keeping nothing but counts; and the 1-minute load average when it ended. */
function download(url: string, cookie: string): Promise<{ seconds: number; bytes: number; lines: number; startsWithZip: boolean; loadAverage: number }> {
  const start = now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`${url}: HTTP ${response.statusCode}`));
        response.resume();
        return;
      }
      let bytes = 0;
      let lines = 0;
      let startsWithZip: boolean | null = null;
      response.on('data', (chunk: Buffer) => {
        startsWithZip ??= chunk[0] === 0x50 && chunk[1] === 0x4b; // "PK"
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      });
      response.on('end', () =>
        resolve({ seconds: (now() - start) / 1000, bytes, lines, startsWithZip: startsWithZip === true, loadAverage: os.loadavg()[0]! }),
      );
      response.on('error', reject);
    });
    request.setTimeout(DOWNLOAD_TIMEOUT_MS, () => request.destroy(new Error(`${url}: no end within ${DOWNLOAD_TIMEOUT_MS} ms`)));
    request.on('error', reject);
  });
}

/** Peak resident memory of a process (Linux: VmHWM in /proc). */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmHWM for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** Starts a new peak from the current size (Linux: writing 5 to clear_refs). */
function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** A small seeded generator: the same year every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
