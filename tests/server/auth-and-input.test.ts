import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
beforeAll(async () => {
  running = await startTestHost();
});
afterAll(async () => running.stop());

describe('roles', () => {
  it('answers 401 without a session and 403 for the wrong role', async () => {
    const anonymous = new Client(running.url);
    for (const route of ['/api/queue', '/api/counters', '/api/staff', '/api/me']) {
      const response = await anonymous.get(route);
      expect(response.status, route).toBe(401);
      expect(response.body.error.code).toBe('unauthorized');
    }
    expect((await anonymous.post('/api/counters/1/call-next')).status).toBe(401);
    const [clerk] = await clerks(running.url, 1);
    expect((await clerk!.get('/api/staff')).status).toBe(403);
    const created = await clerk!.post('/api/staff', { username: 'x1', displayName: 'X', password: 'long-enough-pw', role: 'clerk' });
    expect(created.status).toBe(403);
  });

  it('lets a manager create clerks but not admins', async () => {
    const [manager] = await clerks(running.url, 1, 'manager');
    const clerk = await manager!.post('/api/staff', { username: 'newclerk', displayName: 'Ny', password: 'long-enough-pw', role: 'clerk' });
    expect(clerk.status).toBe(201);
    expect(clerk.body).not.toHaveProperty('passwordHash');
    const admin = await manager!.post('/api/staff', { username: 'newadmin', displayName: 'Ny', password: 'long-enough-pw', role: 'admin' });
    expect(admin.status).toBe(403);
    const duplicate = await manager!.post('/api/staff', { username: 'NEWCLERK', displayName: 'Ny', password: 'long-enough-pw', role: 'clerk' });
    expect(duplicate.status).toBe(409);
  });

  it('sets an HttpOnly SameSite=Strict session cookie and refuses wrong passwords', async () => {
    const response = await fetch(`${running.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const wrong = await new Client(running.url).post('/api/auth/login', { username: 'admin', password: 'nope' });
    expect(wrong.status).toBe(401);
    const unknown = await new Client(running.url).post('/api/auth/login', { username: 'ghost', password: 'nope' });
    expect(unknown.status).toBe(401);
  });

  it('slows down password guessing on one account with 429', async () => {
    const guesser = new Client(running.url);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await guesser.post('/api/auth/login', { username: 'guessed', password: `guess-${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Another account from the same PC is not locked out.
    expect((await guesser.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
  });

  it('pairs a kiosk PC with a bearer token shown once (admin only)', async () => {
    const [manager] = await clerks(running.url, 1, 'manager');
    expect((await manager!.post('/api/kiosk-devices', { name: 'Indgang' })).status).toBe(403);
    const admin = new Client(running.url);
    await admin.login('admin', ADMIN_PASSWORD);
    const paired = await admin.post('/api/kiosk-devices', { name: 'Indgang' });
    expect(paired.status).toBe(201);
    expect(paired.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });
});

describe('malformed requests', () => {
  const cases: [string, string | undefined, unknown][] = [
    ['invalid JSON', '{"serviceCode": ', undefined],
    ['missing service', undefined, {}],
    ['service not a string', undefined, { serviceCode: 7 }],
    ['lower-case service', undefined, { serviceCode: 'm' }],
    ['unknown field', undefined, { serviceCode: 'M', name: 'Anna' }],
    ['bad urgent reason', undefined, { serviceCode: 'M', urgent: { reason: 'bored' } }],
    ['an array', '[]', undefined],
  ];
  for (const [name, raw, body] of cases) {
    it(`answers 400 with an error code for ${name}`, async () => {
      const response = await new Client(running.url).request('POST', '/api/tickets', body, raw);
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
    });
  }

  it('answers 400 for an unknown service and 404 for unknown routes and tickets', async () => {
    const kiosk = new Client(running.url);
    expect((await kiosk.post('/api/tickets', { serviceCode: 'Z' })).body.error.code).toBe('unknown_service');
    expect((await kiosk.get('/api/nothing-here')).status).toBe(404);
    const [clerk] = await clerks(running.url, 1);
    expect((await clerk!.post('/api/tickets/999999/start')).status).toBe(404);
    expect((await clerk!.post('/api/tickets/abc/start')).status).toBe(400);
    expect((await clerk!.post('/api/counters/1/call', { ticketId: 'x' })).status).toBe(400);
  });

  it('refuses a body larger than 64 KiB with 413, not a crash', async () => {
    const response = await new Client(running.url).request('POST', '/api/tickets', undefined, JSON.stringify({ serviceCode: 'M', pad: 'x'.repeat(70_000) }));
    expect(response.status).toBe(413);
    expect((await new Client(running.url).get('/api/health')).status).toBe(200);
  });

  it('serves an OpenAPI document of the API', async () => {
    const doc = (await new Client(running.url).get('/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/tickets', '/api/counters/{id}/call-next', '/api/events']));
  });
});
