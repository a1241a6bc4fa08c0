import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

/** Every export of the office's figures is in the audit log: who, which format, which days. */
const clock = new TestClock(Date.parse('2026-11-25T10:00:00+01:00'));
let running: TestHost;
const people: Record<'admin' | 'manager' | 'clerk', { id: number; cookie: string }> = {
  admin: { id: 0, cookie: '' },
  manager: { id: 0, cookie: '' },
  clerk: { id: 0, cookie: '' },
};

beforeAll(async () => {
  running = await startTestHost({ clock: clock.read });
  const admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
  for (const role of ['manager', 'clerk'] as const) {
    const created = await admin.post('/api/staff', { username: `export-${role}`, displayName: `Export ${role}`, password: `${role}-password-for-exports`, role });
    expect(created.status).toBe(201);
  }
  people.admin = await login('admin', ADMIN_PASSWORD);
  people.manager = await login('export-manager', 'manager-password-for-exports');
  people.clerk = await login('export-clerk', 'clerk-password-for-exports');
});
afterAll(async () => running?.stop());

async function login(username: string, password: string): Promise<{ id: number; cookie: string }> {
  const response = await fetch(`${running.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await (await fetch(`${running.url}/api/me`, { headers: { cookie } })).json()) as { staff: { id: number } };
  return { id: me.staff.id, cookie };
}

/** Takes the whole download, as a browser saving the file does. */
async function download(who: keyof typeof people, route: string): Promise<number> {
  const response = await fetch(running.url + route, { headers: { cookie: people[who].cookie } });
  await response.arrayBuffer();
  return response.status;
}

/** The log as the office's database holds it. */
function downloadEvents(): Array<{ at: number; staffId: number | null; data: unknown }> {
  const db = new Database(path.join(running.dataDir, 'office.sqlite'), { readonly: true });
  try {
    return db
      .prepare<[], { at: number; staff_id: number | null; data: string }>("SELECT at, staff_id, data FROM events WHERE type = 'export.downloaded' ORDER BY seq")
      .all()
      .map((e) => ({ at: e.at, staffId: e.staff_id, data: JSON.parse(e.data) as unknown }));
  } finally {
    db.close();
  }
}

describe('export.downloaded', () => {
  it('records who took which file for which days, CSV and workbook alike', async () => {
    const before = downloadEvents().length;
    clock.now = Date.parse('2026-11-25T10:05:00+01:00');
    expect(await download('manager', '/api/stats/export.csv?from=2026-11-01&to=2026-11-24')).toBe(200);
    clock.now = Date.parse('2026-11-25T10:06:00+01:00');
    expect(await download('admin', '/api/stats/export.xlsx?from=2026-10-01&to=2026-10-31&lang=en')).toBe(200);

    expect(downloadEvents().slice(before)).toEqual([
      { at: Date.parse('2026-11-25T10:05:00+01:00'), staffId: people.manager.id, data: { format: 'csv', from: '2026-11-01', to: '2026-11-24' } },
      { at: Date.parse('2026-11-25T10:06:00+01:00'), staffId: people.admin.id, data: { format: 'xlsx', from: '2026-10-01', to: '2026-10-31' } },
    ]);
  });

  it('records nothing for a download that was refused', async () => {
    const before = downloadEvents().length;
    expect(await download('clerk', '/api/stats/export.csv?from=2026-11-01&to=2026-11-24')).toBe(403);
    expect(await download('manager', '/api/stats/export.xlsx?from=2026-11-24&to=2026-11-01')).toBe(400);
    expect(await download('manager', '/api/stats/export.csv?from=2025-01-01&to=2026-11-24')).toBe(400);
    expect(downloadEvents()).toHaveLength(before);
  });
});
