import { readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-http.js';
import { documentedRoutes } from '../support/routes.js';
import { sessionCookie } from '../support/sse.js';
import { ADMIN_PASSWORD, Client, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
let admin: Client;
let adminCookie: string;
let ownOrigin: string;
/** A page on another port of this PC: same site, so the SameSite=Strict cookie goes along. */
let otherPortOrigin: string;
let probe: Database.Database;

beforeAll(async () => {
  // The simulator registers the development routes, so they are among the routes checked.
  running = await startTestHost({}, { SCANNER: 'simulator' });
  ownOrigin = new URL(running.url).origin;
  otherPortOrigin = `http://127.0.0.1:${Number(new URL(running.url).port) + 1}`;
  admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
  adminCookie = await sessionCookie(running.url, 'admin', ADMIN_PASSWORD);
  probe = new Database(path.join(running.dataDir, 'office.sqlite'), { readonly: true, fileMustExist: true });
});
afterAll(async () => {
  probe?.close();
  await running?.stop();
});

const eventCount = () => (probe.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;

/** The admin's browser, sending exactly these headers (the cookie is added). */
function adminSends(method: string, route: string, headers: Record<string, string>, body?: string) {
  return rawRequest(running.url + route, { method, headers: { cookie: adminCookie, ...headers }, body });
}

/** What `<form method=post enctype=text/plain>` on the other port sends when it auto-submits. */
const formPost = () => ({ 'content-type': 'text/plain', origin: otherPortOrigin, 'sec-fetch-site': 'same-site' });

/** Every route that changes something, with a sample id or service code in its path. */
const stateChangingRoutes = () =>
  documentedRoutes(running.host)
    .filter(({ method }) => !['GET', 'HEAD', 'OPTIONS'].includes(method))
    .map(({ method, template }) => ({ method, route: template.replace('{code}', 'M').replace(/\{[^}]+\}/g, '1') }));

describe('a page on another port of the host PC, with the admin logged in', () => {
  it('cannot deactivate a clerk by auto-submitting a text/plain form', async () => {
    const created = await admin.post('/api/staff', { username: 'csrf-target', displayName: 'Target', password: 'target-password-1', role: 'clerk' });
    const clerk = new Client(running.url);
    await clerk.login('csrf-target', 'target-password-1');
    const attack = await adminSends('POST', `/api/staff/${created.body.id}/deactivate`, formPost(), 'x=y\r\n');
    expect(attack.status).toBe(403);
    expect(attack.body.error.code).toBe('cross_origin');
    const staff = (await admin.get('/api/staff')).body as { id: number; active: boolean }[];
    expect(staff.find((member) => member.id === created.body.id)?.active).toBe(true);
    expect((await clerk.get('/api/me')).status).toBe(200);
  });

  it('cannot open a counter, call the next citizen, log the admin out, take a backup or verify the audit log', async () => {
    await admin.post('/api/tickets', { serviceCode: 'M' });
    const before = eventCount();
    for (const route of ['/api/counters/1/open', '/api/counters/1/call-next', '/api/auth/logout', '/api/admin/backup', '/api/audit/verify']) {
      const attack = await adminSends('POST', route, formPost(), '');
      expect([attack.status, attack.body?.error?.code], route).toEqual([403, 'cross_origin']);
    }
    expect(eventCount()).toBe(before);
    expect(((await admin.get('/api/counters')).body as { id: number; holder: unknown }[]).find((c) => c.id === 1)?.holder ?? null).toBeNull();
    expect((await adminSends('GET', '/api/me', {})).status).toBe(200);
    expect(readdirSync(running.dataDir)).not.toContain('backups');
  });

  it('changes nothing through any state-changing route, with or without a body, JSON or not', async () => {
    const routes = stateChangingRoutes();
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toEqual(expect.arrayContaining([{ method: 'POST', route: '/api/staff/1/deactivate' }, { method: 'POST', route: '/api/dev/scanner' }]));
    const before = eventCount();
    const attempts: [string, Record<string, string>, string | undefined][] = [
      ['a text/plain form', formPost(), 'a=b'],
      ['fetch with JSON from the other port', { 'content-type': 'application/json', origin: otherPortOrigin }, '{}'],
      ['a cross-site request that sends no Origin', { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, '{}'],
      ['a sandboxed page (Origin: null)', { 'content-type': 'application/json', origin: 'null' }, '{}'],
    ];
    for (const { method, route } of routes) {
      for (const [what, headers, body] of attempts) {
        const answer = await adminSends(method, route, headers, body);
        expect([answer.status, answer.body?.error?.code], `${method} ${route}: ${what}`).toEqual([403, 'cross_origin']);
      }
    }
    expect(eventCount()).toBe(before);
  });
});

describe('bodies must be JSON', () => {
  it('answers 415 to every state-changing route for a bodiless request or a form body, even from the own origin', async () => {
    const before = eventCount();
    for (const { method, route } of stateChangingRoutes()) {
      const types = route === '/api/appointments/import' ? ['application/json', 'text/plain'] : ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'];
      for (const type of types) {
        const answer = await adminSends(method, route, { 'content-type': type, origin: ownOrigin }, 'a=b');
        expect([answer.status, answer.body?.error?.code], `${method} ${route} as ${type}`).toEqual([415, 'unsupported_media_type']);
      }
      const bodiless = await adminSends(method, route, {});
      expect([bodiless.status, bodiless.body?.error?.code], `${method} ${route} without a body`).toEqual([415, 'unsupported_media_type']);
    }
    expect(eventCount()).toBe(before);
  });
});

describe('the host’s own pages', () => {
  it('may change things: own Origin (compared parsed), Sec-Fetch-Site same-origin or none, JSON', async () => {
    const created = await admin.post('/api/staff', { username: 'own-page', displayName: 'Own', password: 'own-page-password-1', role: 'clerk' });
    const spelledOtherwise = ownOrigin.replace('http://', 'HTTP://');
    for (const [origin, site] of [[ownOrigin, 'same-origin'], [spelledOtherwise, 'none']] as const) {
      const answer = await adminSends('POST', `/api/staff/${created.body.id}/deactivate`, { 'content-type': 'application/json; charset=utf-8', origin, 'sec-fetch-site': site }, '{}');
      expect(answer.status, origin).toBe(200);
      expect((await adminSends('POST', `/api/staff/${created.body.id}/reactivate`, { 'content-type': 'application/json', origin }, '{}')).status).toBe(200);
    }
  });

  it('still import CSV and iCalendar files, which another site cannot send without a preflight', async () => {
    const headerOnly = 'start;service;name;uid\r\n';
    const foreign = await adminSends('POST', '/api/appointments/import', { 'content-type': 'text/csv', origin: otherPortOrigin }, headerOnly);
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'cross_origin']);
    // The import itself reads the file (a CSV with no rows, a calendar that is none): the guards let it through.
    const ownPage = (type: string) => ({ 'content-type': type, origin: ownOrigin, 'sec-fetch-site': 'same-origin' });
    const csv = await adminSends('POST', '/api/appointments/import', ownPage('text/csv; charset=utf-8'), headerOnly);
    expect([csv.status, csv.body.imported]).toEqual([200, 0]);
    const calendar = await adminSends('POST', '/api/appointments/import', ownPage('text/calendar'), headerOnly);
    expect([calendar.status, calendar.body.error.code]).toEqual([400, 'not_icalendar']);
  });
});
