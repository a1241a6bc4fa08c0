import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

// Copenhagen today is 2026-12-06 (winter, UTC+1); bookings may go up to 2028-12-06.
const TODAY_10 = Date.parse('2026-12-06T10:00:00+01:00');
let running: TestHost | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function office(clock = new TestClock(TODAY_10)) {
  running = await startTestHost({ clock: clock.read });
  const [clerk] = await clerks(running.url, 1);
  return clerk!;
}

function appointmentRows(dataDir: string): { office_day: string; status: string; name: string | null }[] {
  const db = new Database(path.join(dataDir, 'office.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT office_day, status, name FROM appointments ORDER BY id').all() as { office_day: string; status: string; name: string | null }[];
  } finally {
    db.close();
  }
}

describe('bookings beyond two years ahead', () => {
  it('refuses a booking in the year 9999 (stored as office day 10000-01-01 before) with 400, and stores nothing', async () => {
    const clerk = await office();
    const refused = await clerk.post('/api/appointments', { serviceCode: 'M', start: '9999-12-31T23:45:00Z' });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'too_far_ahead']);
    expect(appointmentRows(running!.dataDir)).toEqual([]);
  });

  it('takes the last minute of the last accepted day and refuses the next day, when booking and when moving', async () => {
    const clerk = await office();
    const last = await clerk.post('/api/appointments', { serviceCode: 'M', start: '2028-12-06T23:59:00+01:00' });
    expect(last.status).toBe(201);
    const beyond = await clerk.post('/api/appointments', { serviceCode: 'M', start: '2028-12-07T00:00:00+01:00' });
    expect([beyond.status, beyond.body.error.code]).toEqual([400, 'too_far_ahead']);
    const moved = await clerk.request('PATCH', `/api/appointments/${last.body.id}`, { start: '9999-12-31T23:45:00Z' });
    expect([moved.status, moved.body.error.code]).toEqual([400, 'too_far_ahead']);
    expect(appointmentRows(running!.dataDir).map((r) => r.office_day)).toEqual(['2028-12-06']);
  });

  it('skips an imported row beyond the horizon with that reason and books the rest', async () => {
    await office();
    const cookie = await loginCookie(running!.url);
    const csv = ['start;service;name;uid', '07-12-2026 09:00;M;;ok-1', '31-12-9999 23:45;M;;far-1', '07-12-2028 09:00;M;;far-2'].join('\r\n');
    const response = await fetch(`${running!.url}/api/appointments/import`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie }, body: csv });
    const body = (await response.json()) as { imported: number; skipped: unknown[] };
    expect(response.status).toBe(200);
    expect(body.imported).toBe(1);
    expect(body.skipped).toEqual([
      { line: 3, reason: 'too_far_ahead' },
      { line: 4, reason: 'too_far_ahead' },
    ]);
  });
});

describe('a booking stored with a five-digit year before the fix', () => {
  it('is neither made a no-show nor has its name erased when the host starts the next day', async () => {
    const clock = new TestClock(TODAY_10);
    await office(clock);
    const dataDir = running!.dataDir;
    await running!.host.close();
    const db = new Database(path.join(dataDir, 'office.sqlite'));
    db.prepare(
      `INSERT INTO appointments (code, service_code, office_day, slot_start, slot_end, name, status, source, created_at)
       VALUES ('AAAAAA', 'M', '10000-01-01', ?, ?, 'Far Future', 'booked', 'staff', ?)`,
    ).run(Date.parse('9999-12-31T23:45:00Z'), Date.parse('9999-12-31T23:45:00Z') + 15 * 60_000, TODAY_10);
    db.close();

    clock.now = Date.parse('2026-12-07T08:00:00+01:00');
    const restarted = await startTestHost({ clock: clock.read, dataDir });
    try {
      expect(appointmentRows(dataDir)).toEqual([{ office_day: '10000-01-01', status: 'booked', name: 'Far Future' }]);
    } finally {
      await restarted.host.close();
      rmSync(dataDir, { recursive: true, force: true });
      running = undefined;
    }
  });
});

/** The import takes CSV, which the JSON client does not send: a cookie of its own. */
async function loginCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}
