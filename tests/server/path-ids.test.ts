import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedRoutes } from '../support/routes.js';
import { ADMIN_PASSWORD, Client, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
let admin: Client;
beforeAll(async () => {
  running = await startTestHost();
  admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
  expect((await admin.post('/api/tickets', { serviceCode: 'M' })).body.id).toBe(1);
});
afterAll(async () => running?.stop());

/** Ids that are not a row's id as people write it; TypeBox's conversion read the first six as 1. */
const NOT_IDS = ['1.9', '1e0', '01', '0x1', '+1', '%201', '1.0', '0', '-1', '9007199254740992', '99999999999999999999'];

describe('ids in paths', () => {
  it('are plain decimal whole numbers from 1 to 2^53 - 1, else 400 invalid_request, on every id route', async () => {
    // Every route with an id in its path, so a new one is checked too.
    const routes = documentedRoutes(running.host).filter(({ template }) => template.includes('{id}'));
    expect(routes.length).toBeGreaterThan(15);
    for (const { method, template } of routes) {
      for (const id of NOT_IDS) {
        const route = template.replace('{id}', id);
        const answer = await admin.request(method, route);
        expect([answer.status, answer.body?.error?.code], `${method} ${route}`).toEqual([400, 'invalid_request']);
        expect(answer.body.error.message, `${method} ${route}`).toMatch(/^params\/id /);
      }
    }
  });

  it('name the row they spell', async () => {
    expect((await admin.get('/api/tickets/1')).body.number).toMatch(/^M\d+$/);
    expect((await admin.get('/api/tickets/1.9')).status).toBe(400);
    expect((await admin.get(`/api/tickets/${Number.MAX_SAFE_INTEGER}`)).status).toBe(404);
  });
});
