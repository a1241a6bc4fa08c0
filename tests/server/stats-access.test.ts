import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

const clock = new TestClock(Date.parse('2026-11-25T10:00:00+01:00'));
let running: TestHost;
/** Session cookies of one browser per role; `anonymous` has none. */
const sessions: Record<'anonymous' | 'clerk' | 'manager' | 'admin', string> = { anonymous: '', clerk: '', manager: '', admin: '' };

beforeAll(async () => {
  running = await startTestHost({ clock: clock.read });
  const admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
  sessions.admin = await login('admin', ADMIN_PASSWORD);
  for (const role of ['clerk', 'manager'] as const) {
    const credentials = { username: `stats-${role}`, password: `${role}-password-for-stats` };
    expect((await admin.post('/api/staff', { ...credentials, displayName: `Stats ${role}`, role })).status).toBe(201);
    sessions[role] = await login(credentials.username, credentials.password);
  }
});
afterAll(async () => running?.stop());

async function login(username: string, password: string): Promise<string> {
  const response = await fetch(`${running.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** Status and, for errors and JSON, the body. */
async function get(who: keyof typeof sessions, route: string): Promise<{ status: number; body: any; type: string | null }> {
  const response = await fetch(running.url + route, { headers: sessions[who] ? { cookie: sessions[who] } : {} });
  const type = response.headers.get('content-type');
  const body = type?.startsWith('application/json') ? await response.json() : await response.arrayBuffer();
  return { status: response.status, body, type };
}

const ROUTES = ['/api/stats', '/api/stats/export.csv', '/api/stats/export.xlsx'];
const RANGE = '?from=2026-11-01&to=2026-11-25';

describe('who may read statistics', () => {
  it.each(ROUTES)('%s: 401 without a session, even with a malformed query', async (route) => {
    for (const query of [RANGE, '?from=nonsense']) {
      const response = await get('anonymous', route + query);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthorized');
    }
  });

  it.each(ROUTES)('%s: 403 for a clerk', async (route) => {
    const response = await get('clerk', route + RANGE);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
  });

  it.each(ROUTES)('%s: answers managers and admins', async (route) => {
    for (const who of ['manager', 'admin'] as const) {
      const response = await get(who, route + RANGE);
      expect(response.status, who).toBe(200);
      expect(response.type).toMatch(/^(application\/json|text\/csv|application\/vnd\.openxmlformats)/);
    }
  });
});

describe('which ranges are accepted', () => {
  it.each([
    ['from=2026-02-30&to=2026-03-01', 'invalid_date'], // no such day
    ['from=2026-11-01&to=2026-13-01', 'invalid_date'],
    ['from=2026-11-25&to=2026-11-24', 'invalid_range'], // from after to
    ['from=2025-10-21&to=2026-11-25', 'range_too_long'], // 401 days
    ['from=26-11-01&to=2026-11-25', 'invalid_request'], // not YYYY-MM-DD
    ['to=2026-11-25', 'invalid_request'],
    ['from=2026-11-01&to=2026-11-25&groupBy=weekday', 'invalid_request'],
  ])('%s → 400 %s', async (query, code) => {
    for (const route of ROUTES) {
      if (query.includes('groupBy') && route !== '/api/stats') continue;
      const response = await get('manager', `${route}?${query}`);
      expect(response.status, route).toBe(400);
      expect(response.body.error.code, route).toBe(code);
    }
  });

  it('takes 400 days, and one day', async () => {
    expect((await get('manager', '/api/stats?from=2025-10-22&to=2026-11-25')).body.groups).toHaveLength(400);
    const oneDay = await get('manager', '/api/stats?from=2026-11-25&to=2026-11-25');
    expect(oneDay.body).toMatchObject({ from: '2026-11-25', to: '2026-11-25', groupBy: 'day', summary: { issued: 0 } });
    expect(oneDay.body.groups).toHaveLength(1);
  });

  it('groups by day unless told otherwise', async () => {
    const response = await get('manager', `/api/stats${RANGE}`);
    expect(response.body.groupBy).toBe('day');
    expect(response.body.groups[0]).toMatchObject({ key: '2026-11-01', label: '2026-11-01' });
  });
});
