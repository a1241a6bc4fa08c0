import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

/**
 * Exports stream from a connection of their own: a download the manager's browser is slow to take
 * must not stop the office (one SQLite connection runs one statement at a time), and a cancelled
 * download must let go of the database. A reader in the middle of its query pins a snapshot of
 * the write-ahead log, so the log cannot be checkpointed and emptied; that is what is watched.
 */
const TICKETS = 100_000;
const DAY = '2026-11-24';
const clock = new TestClock(Date.parse('2026-11-25T10:00:00+01:00'));
let running: TestHost;
let probe: Database.Database;
let adminCookie: string;

beforeAll(async () => {
  running = await startTestHost({ clock: clock.read });
  const file = path.join(running.dataDir, 'office.sqlite');
  seedDirectly(file, TICKETS);
  probe = new Database(file, { fileMustExist: true });
  probe.pragma('busy_timeout = 0');
  const login = await fetch(`${running.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  adminCookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  probe?.close();
  await running?.stop();
});

/** A busy day written straight into the file (through the API it would take minutes). */
function seedDirectly(file: string, count: number): void {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const start = Date.parse(`${DAY}T08:00:00+01:00`);
  const insert = db.prepare(
    `INSERT INTO tickets (number, office_day, service_code, priority, status, arrived_at, callable_at, called_at, started_at, finished_at, call_count, outcome)
     VALUES (?, ?, 'M', 'normal', 'done', ?, ?, ?, ?, ?, 1, 'mitid_issued')`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const arrived = start + i * 300;
      insert.run(`M${i}`, DAY, arrived, arrived, arrived + 600_000, arrived + 660_000, arrived + 1_200_000);
    }
  })();
  db.close();
}

/** True when the write-ahead log could be emptied now: no reader holds an old snapshot. */
function logCanBeEmptied(): boolean {
  const [result] = probe.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  return result!.busy === 0;
}

/** Polls for up to 10 s: the machines running the tests are shared and slow at times. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(condition(), what).toBe(true);
}

/** A download that takes its first bytes and then stalls, as a slow browser does; `cancel` drops the connection. */
async function stalledDownload(extension: string): Promise<{ first: Buffer; cancel(): void }> {
  const request = http.get(`${running.url}/api/stats/export.${extension}?from=${DAY}&to=2026-11-25`, { headers: { cookie: adminCookie } });
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => request.once('response', resolve).once('error', reject));
  expect(response.statusCode).toBe(200);
  const first = await new Promise<Buffer>((resolve) => response.once('data', resolve));
  response.pause();
  return { first, cancel: () => request.destroy() };
}

describe('exports while the office works', () => {
  it('lets kiosks and clerks work while a CSV download is half-way, and lets go of the database when it is cancelled', async () => {
    expect(logCanBeEmptied()).toBe(true);
    const download = await stalledDownload('csv');
    try {
      expect(download.first.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(download.first.subarray(3, 21).toString()).toBe('number,office_day,');

      const kiosk = new Client(running.url);
      const clerk = new Client(running.url);
      await clerk.login('admin', ADMIN_PASSWORD);
      expect((await kiosk.post('/api/tickets', { serviceCode: 'P' })).status).toBe(201);
      expect((await clerk.post('/api/counters/1/open')).status).toBe(200);
      expect((await clerk.post('/api/counters/1/call-next')).body.serviceCode).toBe('P');
      expect((await clerk.get(`/api/stats?from=${DAY}&to=${DAY}`)).body.summary.served).toBe(TICKETS);
      // The stalled export still reads its snapshot from before those writes.
      expect(logCanBeEmptied()).toBe(false);
    } finally {
      download.cancel();
    }
    await until(logCanBeEmptied, 'the cancelled CSV export ended its read');
  });

  it('writes one workbook at a time, and lets go of the database when its download is cancelled', async () => {
    const download = await stalledDownload('xlsx');
    try {
      expect(download.first.subarray(0, 2).toString()).toBe('PK'); // a zip file
      expect((await new Client(running.url).post('/api/tickets', { serviceCode: 'A' })).status).toBe(201);
      expect(logCanBeEmptied()).toBe(false);
      const second = await fetch(`${running.url}/api/stats/export.xlsx?from=${DAY}&to=${DAY}`, { headers: { cookie: adminCookie } });
      expect(second.status).toBe(409);
      expect(((await second.json()) as any).error.code).toBe('export_in_progress');
    } finally {
      download.cancel();
    }
    await until(logCanBeEmptied, 'the cancelled workbook export ended its read');
    const next = await fetch(`${running.url}/api/stats/export.xlsx?from=2026-11-25&to=2026-11-25`, { headers: { cookie: adminCookie } });
    expect(next.status).toBe(200);
    expect((await next.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('sends every row when the download is taken whole', async () => {
    const text = await (await fetch(`${running.url}/api/stats/export.csv?from=${DAY}&to=2026-11-25`, { headers: { cookie: adminCookie } })).text();
    const stats = (await (await fetch(`${running.url}/api/stats?from=${DAY}&to=2026-11-25`, { headers: { cookie: adminCookie } })).json()) as any;
    const issued = stats.summary.issued;
    expect(issued).toBeGreaterThanOrEqual(TICKETS);
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(issued); // the header and the final line break aside
    expect(lines[1]!.startsWith(`M0,${DAY},M,normal,,done,mitid_issued,2026-11-24T08:00:00+01:00,2026-11-24T08:10:00+01:00,`)).toBe(true);
    expect(logCanBeEmptied()).toBe(true);
  });
});

