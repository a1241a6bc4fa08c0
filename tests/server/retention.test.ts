import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPageView } from '../../contract/audit.js';
import { startOfOfficeDay } from '../../core/office-day.js';
import type { DailySummary } from '../../core/stats/daily-summary.js';
import { toMinutes } from '../../core/stats/durations.js';
import { makeMrz } from '../support/mrz-generator.js';
import { ADMIN_PASSWORD, Client, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

const local = (iso: string) => Date.parse(iso);
const DB_FILE = 'office.sqlite';
/** The job runs on start and then waits for the night; on a busy machine the start can take a few seconds. */
const JOB_TIMEOUT_MS = 20_000;

/** Polls until `probe` returns a value (the job runs on a timer of its own), or fails after the timeout. */
async function eventually<T>(probe: () => Promise<T | null>, what: string): Promise<T> {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function readDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

async function startOffice(clock: TestClock, dataDir?: string): Promise<{ running: TestHost; admin: Client }> {
  const running = await startTestHost({ clock: clock.read, sessionIdleMinutes: 365 * 24 * 60, ...(dataDir ? { dataDir } : {}) });
  const admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
  return { running, admin };
}

/** Waits for the run every start begins with, so it cannot overlap what a test does next. */
async function startupRun(dataDir: string, after: number): Promise<void> {
  await eventually(
    async () => readDb(dataDir, (db) => ((db.prepare('SELECT last_run_at AS at FROM retention_runs').get() as { at: number } | undefined)?.at ?? -Infinity) >= after || null),
    'the retention run at start',
  );
}

describe('the retention setting', () => {
  const clock = new TestClock(local('2026-01-05T08:00:00+01:00'));
  let running: TestHost;
  let admin: Client;
  let clerk: Client;

  beforeAll(async () => {
    ({ running, admin } = await startOffice(clock));
    expect((await admin.post('/api/staff', { username: 'ret-clerk', displayName: 'Clerk', password: 'ret-clerk-password', role: 'clerk' })).status).toBe(201);
    clerk = new Client(running.url);
    await clerk.login('ret-clerk', 'ret-clerk-password');
  });
  afterAll(async () => running?.stop());

  it('keeps two years of detail unless changed', async () => {
    expect((await admin.get('/api/config/retention')).body).toEqual({ ticketDetailDays: 730 });
  });

  it('takes a whole number of days from 30 to 3650 and logs the change', async () => {
    expect(await admin.request('PUT', '/api/config/retention', { ticketDetailDays: 90 })).toMatchObject({ status: 200, body: { ticketDetailDays: 90 } });
    expect((await admin.get('/api/config/retention')).body).toEqual({ ticketDetailDays: 90 });
    const logged = (await admin.get<AuditPageView>('/api/audit?type=config.changed&limit=1')).body.entries[0]!;
    expect(logged).toMatchObject({ staff: { username: 'admin' }, description: { en: 'Setting changed: retention' } });
    for (const body of [{ ticketDetailDays: 29 }, { ticketDetailDays: 3651 }, { ticketDetailDays: 45.5 }, { ticketDetailDays: '60' }, { ticketDetailDays: 60, extra: 1 }, {}]) {
      const response = await admin.request('PUT', '/api/config/retention', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await admin.get('/api/config/retention')).body).toEqual({ ticketDetailDays: 90 });
  });

  it('is for managers and admins: 401 without a session, 403 for a clerk', async () => {
    const anonymous = new Client(running.url);
    for (const [method, route, body] of [
      ['GET', '/api/config/retention', undefined],
      ['PUT', '/api/config/retention', { ticketDetailDays: 40 }],
      ['GET', '/api/stats/daily-summaries?from=2026-01-01&to=2026-01-31', undefined],
    ] as const) {
      expect((await anonymous.request(method, route, body)).status).toBe(401);
      expect((await clerk.request(method, route, body)).status).toBe(403);
    }
    expect((await admin.get('/api/config/retention')).body).toEqual({ ticketDetailDays: 90 });
  });

  it('answers daily summaries for a valid range only', async () => {
    expect((await admin.get('/api/stats/daily-summaries?from=2026-01-01&to=2026-01-31')).body).toEqual({ from: '2026-01-01', to: '2026-01-31', summaries: [] });
    for (const query of ['from=2026-01-31&to=2026-01-01', 'from=2026-02-30&to=2026-03-01', 'from=2026-01-01']) {
      expect((await admin.get(`/api/stats/daily-summaries?${query}`)).status, query).toBe(400);
    }
  });
});

describe('the daily retention job', () => {
  const OLD_DAY = '2026-01-05';
  const KEPT_DAY = '2026-02-10';
  const clock = new TestClock(local(`${OLD_DAY}T07:30:00+01:00`));
  let dataDir: string;
  let running: TestHost;
  let admin: Client;
  /** What /api/stats reported for the old day, by service, before its tickets were deleted. */
  let reportedBefore: Array<Record<string, any>>;
  let keptDayIssued: number;

  /**
   * The old day: an ID check and a MitID ticket served; a Pas ticket transferred to Kørekort and
   * served there; an urgent no-show; a cancelled ticket; a booked citizen checked in and served.
   */
  async function seedOldDay(kiosk: Client, clerk: Client): Promise<void> {
    const at = (hhmm: string) => void (clock.now = local(`${OLD_DAY}T${hhmm}:00+01:00`));
    const post = async (client: Client, route: string, body?: object, status = 200) => {
      const response = await client.post(route, body);
      expect(response.status, `${route} ${JSON.stringify(response.body)}`).toBe(status);
      return response.body;
    };
    at('07:45');
    const booking = await post(clerk, '/api/appointments', { serviceCode: 'A', start: new Date(local(`${OLD_DAY}T11:00:00+01:00`)).toISOString() }, 201);
    at('08:55');
    const check = await post(kiosk, '/api/id-checks', { mrz: makeMrz({ issuingState: 'DNK', birthDate: '1980-05-05', expiryDate: '2029-10-24' }) });
    at('09:00');
    await post(clerk, '/api/counters/1/open');
    const mitid = await post(kiosk, '/api/tickets', { serviceCode: 'M', idCheckId: check.id }, 201);
    at('09:02');
    const pas = await post(kiosk, '/api/tickets', { serviceCode: 'P' }, 201);
    at('09:04');
    const urgent = await post(kiosk, '/api/tickets', { serviceCode: 'M', urgent: { reason: 'hospital_summons' } }, 201);
    at('09:05');
    const cancelled = await post(kiosk, '/api/tickets', { serviceCode: 'A' }, 201);
    at('09:10');
    expect((await post(clerk, '/api/counters/1/call-next')).id).toBe(urgent.id);
    at('09:12');
    await post(clerk, `/api/tickets/${urgent.id}/no-show`);
    at('09:13');
    expect((await post(clerk, '/api/counters/1/call-next')).id).toBe(mitid.id);
    at('09:14');
    await post(clerk, `/api/tickets/${mitid.id}/start`);
    at('09:22');
    await post(clerk, `/api/tickets/${mitid.id}/finish`, { outcome: 'mitid_issued' });
    at('09:30');
    expect((await post(clerk, '/api/counters/1/call-next')).id).toBe(pas.id);
    at('09:31');
    await post(clerk, `/api/tickets/${pas.id}/start`);
    at('09:35');
    const continuation = await post(clerk, `/api/tickets/${pas.id}/transfer`, { serviceCode: 'K' });
    at('09:36');
    expect((await post(clerk, '/api/counters/1/call-next')).id).toBe(continuation.id);
    await post(clerk, `/api/tickets/${continuation.id}/start`);
    at('09:47');
    await post(clerk, `/api/tickets/${continuation.id}/finish`, { outcome: 'other' });
    at('09:50');
    await post(clerk, `/api/tickets/${cancelled.id}/cancel`);
    at('10:55');
    const checkedIn = await post(kiosk, '/api/appointments/check-in', { code: booking.code }, 201);
    at('11:05');
    expect((await post(clerk, '/api/counters/1/call-next')).id).toBe(checkedIn.ticket.id);
    await post(clerk, `/api/tickets/${checkedIn.ticket.id}/start`);
    at('11:20');
    await post(clerk, `/api/tickets/${checkedIn.ticket.id}/finish`, { outcome: 'other' });
    await post(clerk, '/api/counters/1/close');
  }

  beforeAll(async () => {
    ({ running, admin } = await startOffice(clock));
    dataDir = running.dataDir;
    await startupRun(dataDir, clock.now);
    expect((await admin.post('/api/staff', { username: 'ret-job-clerk', displayName: 'Clerk', password: 'ret-job-clerk-password', role: 'clerk' })).status).toBe(201);
    const clerk = new Client(running.url);
    await clerk.login('ret-job-clerk', 'ret-job-clerk-password');
    const kiosk = new Client(running.url);
    await seedOldDay(kiosk, clerk);
    clock.now = local(`${KEPT_DAY}T10:00:00+01:00`);
    for (const serviceCode of ['M', 'P']) expect((await kiosk.post('/api/tickets', { serviceCode })).status).toBe(201);

    reportedBefore = (await admin.get(`/api/stats?from=${OLD_DAY}&to=${OLD_DAY}&groupBy=service`)).body.groups;
    keptDayIssued = (await admin.get(`/api/stats?from=${KEPT_DAY}&to=${KEPT_DAY}`)).body.summary.issued;
    expect(reportedBefore.map((g) => g.key)).toEqual(['M', 'P', 'K', 'A']);
    expect(keptDayIssued).toBe(2);
    expect((await admin.request('PUT', '/api/config/retention', { ticketDetailDays: 30 })).status).toBe(200);
    await running.host.close();

    // Forty days after the old day: it is past the 30 days, the kept day is not. The host catches up on start.
    clock.now = local('2026-02-14T08:00:00+01:00');
    ({ running, admin } = await startOffice(clock, dataDir));
    await startupRun(dataDir, clock.now);
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps each service’s figures of the old day, equal to what the statistics reported before', async () => {
    const { summaries } = (await admin.get<{ summaries: DailySummary[] }>(`/api/stats/daily-summaries?from=${OLD_DAY}&to=${OLD_DAY}`)).body;
    const minutes = (seconds: number | null) => (seconds === null ? null : toMinutes(seconds * 1000));
    expect(
      summaries.map((s) => ({
        key: s.serviceCode,
        issued: s.issued,
        served: s.served,
        noShow: s.noShow,
        cancelled: s.cancelled,
        transferred: s.transferred,
        wait: { count: s.waitSeconds.count, mean: minutes(s.waitSeconds.mean), median: minutes(s.waitSeconds.median), p90: minutes(s.waitSeconds.p90), max: minutes(s.waitSeconds.max) },
        serviceMean: minutes(s.serviceSeconds.mean),
      })),
    ).toEqual(
      reportedBefore
        .map((g) => ({
          key: g.key,
          issued: g.issued,
          served: g.served,
          noShow: g.noShow,
          cancelled: g.cancelled,
          transferred: g.transferred,
          wait: g.waitMinutes,
          serviceMean: g.serviceMinutes.mean,
        }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );
    // And by hand, for the MitID line: an urgent no-show waiting 6 minutes and a ticket waiting 13, one served 8.
    expect(summaries.find((s) => s.serviceCode === 'M')).toMatchObject({ issued: 2, served: 1, noShow: 1, waitSeconds: { count: 2, mean: 570, max: 780 }, serviceSeconds: { mean: 480 } });
  });

  it('deleted the old day’s tickets, ID checks, bookings and events, and kept the newer day', async () => {
    const endOfOldDay = startOfOfficeDay('2026-01-06');
    const left = readDb(dataDir, (db) => ({
      tickets: db.prepare('SELECT count(*) AS n FROM tickets WHERE office_day = ?').get(OLD_DAY),
      idChecks: db.prepare('SELECT count(*) AS n FROM id_checks WHERE at < ?').get(endOfOldDay),
      appointments: db.prepare('SELECT count(*) AS n FROM appointments WHERE office_day = ?').get(OLD_DAY),
      events: db.prepare('SELECT count(*) AS n FROM events WHERE at < ?').get(endOfOldDay),
      keptTickets: db.prepare('SELECT count(*) AS n FROM tickets WHERE office_day = ?').get(KEPT_DAY),
    }));
    expect(left).toEqual({ tickets: { n: 0 }, idChecks: { n: 0 }, appointments: { n: 0 }, events: { n: 0 }, keptTickets: { n: 2 } });
    expect((await admin.get(`/api/stats?from=${OLD_DAY}&to=${OLD_DAY}`)).body.summary.issued).toBe(0);
    expect((await admin.get(`/api/stats?from=${KEPT_DAY}&to=${KEPT_DAY}`)).body.summary.issued).toBe(keptDayIssued);
  });

  it('records what it deleted in the audit log, which still verifies whole', async () => {
    const purge = (await admin.get<AuditPageView>('/api/audit?type=retention.purged')).body.entries;
    expect(purge.map((e) => e.description.en)).toContainEqual(expect.stringMatching(new RegExp(`^Detail of ${OLD_DAY} deleted after the retention period \\(6 tickets, \\d+ events\\)$`)));
    const verified = await admin.post('/api/audit/verify');
    expect(verified.body).toMatchObject({ ok: true });
    const anchor = readDb(dataDir, (db) => db.prepare('SELECT seq FROM audit_anchor').get() as { seq: number });
    const first = readDb(dataDir, (db) => db.prepare('SELECT min(seq) AS seq FROM events').get() as { seq: number });
    expect(first.seq).toBe(anchor.seq + 1);
    expect(verified.body.checked).toBe(verified.body.lastSeq - anchor.seq);
  });

  it('does not run again on a restart the same day, and purges the next expired day on a later start, the chain still whole', async () => {
    const purges = () => readDb(dataDir, (db) => (db.prepare("SELECT count(*) AS n FROM events WHERE type = 'retention.purged'").get() as { n: number }).n);
    const before = purges();
    await running.host.close();
    clock.now = local('2026-02-14T13:00:00+01:00');
    ({ running, admin } = await startOffice(clock, dataDir));
    // Give a wrong catch-up every chance to happen before looking.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(purges()).toBe(before);

    await running.host.close();
    clock.now = local('2026-03-20T08:00:00+01:00');
    ({ running, admin } = await startOffice(clock, dataDir));
    await startupRun(dataDir, clock.now);
    expect(purges()).toBeGreaterThan(before);
    expect(readDb(dataDir, (db) => db.prepare('SELECT count(*) AS n FROM tickets').get())).toEqual({ n: 0 });
    const kept = (await admin.get<{ summaries: DailySummary[] }>(`/api/stats/daily-summaries?from=2026-01-01&to=2026-02-28`)).body.summaries;
    expect(kept.map((s) => `${s.day} ${s.serviceCode}`)).toEqual([`${OLD_DAY} A`, `${OLD_DAY} K`, `${OLD_DAY} M`, `${OLD_DAY} P`, `${KEPT_DAY} M`, `${KEPT_DAY} P`]);
    expect((await admin.post('/api/audit/verify')).body).toMatchObject({ ok: true });
  }, 60_000);
});
