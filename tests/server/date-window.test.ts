import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

// Copenhagen today is 2026-12-06; the last accepted day two years on is 2028-12-06.
const clock = new TestClock(Date.parse('2026-12-06T10:00:00+01:00'));
const TODAY = '2026-12-06';
const LAST_ACCEPTED = '2028-12-06';
const YESTERDAY = '2026-12-05';
let running: TestHost;
let cookie: string;

beforeAll(async () => {
  running = await startTestHost({ clock: clock.read });
  const login = await fetch(`${running.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => running?.stop());

/** Status and, for JSON answers, the body (the exports answer with files). */
async function get(route: string): Promise<{ status: number; body: any }> {
  const response = await fetch(running.url + route, { headers: { cookie } });
  const json = response.headers.get('content-type')?.startsWith('application/json');
  return { status: response.status, body: json ? await response.json() : await response.arrayBuffer() };
}

interface DateRoute {
  path: string;
  /** Every query parameter that takes a day, and whether the route needs it. */
  days: { name: string; required: boolean }[];
}

/** Every GET route whose query takes a Copenhagen day, found by the shared day schema in the OpenAPI document. */
async function dateTakingRoutes(): Promise<DateRoute[]> {
  const document = (await get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean; schema?: { pattern?: string } }[] }>>;
  };
  return Object.entries(document.paths)
    .map(([path, methods]) => ({
      path,
      days: (methods.get?.parameters ?? [])
        .filter((p) => p.in === 'query' && p.schema?.pattern === '^\\d{4}-\\d{2}-\\d{2}$')
        .map((p) => ({ name: p.name, required: p.required === true })),
    }))
    .filter((route) => route.days.length > 0);
}

/** The route with every day parameter set to today except `name`, which gets `day`. */
function withDay(route: DateRoute, name: string, day: string): string {
  const query = route.days.filter((p) => p.required || p.name === name).map((p) => `${p.name}=${p.name === name ? day : TODAY}`);
  return `${route.path}?${query.join('&')}`;
}

describe('days outside 2000-01-01 … today + 2 years', () => {
  it('finds every route that takes a day by the shared schema', async () => {
    expect((await dateTakingRoutes()).map((r) => r.path).sort()).toEqual([
      '/api/appointments',
      '/api/audit',
      '/api/planning/backtest',
      '/api/stats',
      '/api/stats/daily-summaries',
      '/api/stats/export.csv',
      '/api/stats/export.xlsx',
      '/api/stats/intraday',
    ]);
  });

  it.each(['9999-12-01', '9999-12-31', '2028-12-07', '1999-12-31', '0001-01-01'])('answers 400 invalid_range for %s on every day parameter of every route', async (day) => {
    const answers: string[] = [];
    for (const route of await dateTakingRoutes()) {
      for (const { name } of route.days) {
        const response = await get(withDay(route, name, day));
        answers.push(`${withDay(route, name, day)} ${response.status} ${response.body?.error?.code}`);
      }
    }
    expect(answers.length).toBeGreaterThanOrEqual(12);
    for (const answer of answers) expect(answer).toMatch(/ 400 invalid_range$/);
  });

  it('answers the first and the last accepted day on every route', async () => {
    for (const route of await dateTakingRoutes()) {
      for (const { name } of route.days) {
        // The backtest replays days that happened: its last day is yesterday, not two years ahead.
        const lastDay = route.path === '/api/planning/backtest' ? YESTERDAY : LAST_ACCEPTED;
        for (const day of ['2000-01-01', lastDay]) {
          // A range from 2000 to today is too long for the statistics (400 days at most), so the edge days go alone.
          const url = `${route.path}?${route.days.filter((p) => p.required || p.name === name).map((p) => `${p.name}=${day}`).join('&')}`;
          expect([url, (await get(url)).status]).toEqual([url, 200]);
        }
      }
    }
  });

  it('still says invalid_date for a day that does not exist', async () => {
    const response = await get('/api/stats?from=2026-02-30&to=2026-03-01');
    expect([response.status, response.body.error.code]).toEqual([400, 'invalid_date']);
  });
});
