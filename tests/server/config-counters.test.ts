import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedEvents } from '../support/recorded-events.js';
import { Client, clerks, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
let manager: Client;
let clerk: Client;
beforeAll(async () => {
  running = await startTestHost();
  [manager] = (await clerks(running.url, 1, 'manager')) as [Client];
  [clerk] = (await clerks(running.url, 1)) as [Client];
});
afterAll(async () => running.stop());

const patch = (client: Client, route: string, body: unknown) => client.request('PATCH', route, body);

describe('counters in the configuration API', () => {
  it('lists every counter with services in order, to managers and admins only', async () => {
    const list = await manager.get('/api/config/counters');
    expect(list.body).toHaveLength(4);
    expect(list.body[0]).toEqual({ id: 1, name: 'Skranke 1', serviceCodes: ['M', 'P', 'K', 'A'], ordering: 'arrival', active: true, heldBy: null });
    expect((await clerk.get('/api/config/counters')).status).toBe(403);
    expect((await new Client(running.url).get('/api/config/counters')).status).toBe(401);
  });

  it('creates a counter the clerks can open at once', async () => {
    const created = await manager.post('/api/config/counters', { name: ' Skranke 5 ', serviceCodes: ['P', 'M'], ordering: 'preference' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 5, name: 'Skranke 5', serviceCodes: ['P', 'M'], ordering: 'preference', active: true, heldBy: null });
    expect((await clerk.post('/api/counters/5/open')).status).toBe(200);
    expect((await manager.get('/api/config/counters')).body[4].heldBy).toEqual({ id: expect.any(Number), displayName: 'clerk 2' });
    await clerk.post('/api/counters/5/close');
  });

  it('refuses unknown or repeated services, a counter serving nothing, and a name in use', async () => {
    const cases: [unknown, number, string][] = [
      [{ name: 'Skranke 6', serviceCodes: ['M', 'X'] }, 400, 'unknown_service'],
      [{ name: 'Skranke 6', serviceCodes: ['M', 'M'] }, 400, 'duplicate_service'],
      [{ name: 'Skranke 6', serviceCodes: [] }, 400, 'no_services'],
      [{ name: 'skranke 1', serviceCodes: ['M'] }, 409, 'counter_name_taken'],
      [{ name: '  ', serviceCodes: ['M'] }, 400, 'invalid_request'],
      [{ name: 'Skranke 6', serviceCodes: ['m'] }, 400, 'invalid_request'],
      [{ name: 'Skranke 6', serviceCodes: ['M'], ordering: 'random' }, 400, 'invalid_request'],
    ];
    for (const [body, status, code] of cases) {
      const response = await manager.post('/api/config/counters', body);
      expect([response.status, response.body.error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await clerk.post('/api/config/counters', { name: 'Skranke 6', serviceCodes: ['M'] })).status).toBe(403);
  });

  it('renames and reorders; call-next follows the new order of preference', async () => {
    const kiosk = new Client(running.url);
    const passport = (await kiosk.post('/api/tickets', { serviceCode: 'P' })).body;
    const mitid = (await kiosk.post('/api/tickets', { serviceCode: 'M' })).body;
    const changed = await patch(manager, '/api/config/counters/2', { name: 'Skranke 2 (MitID)', serviceCodes: ['M', 'P'], ordering: 'preference' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Skranke 2 (MitID)', serviceCodes: ['M', 'P'], ordering: 'preference' });
    await clerk.post('/api/counters/2/open');
    // MitID first even though the passport citizen came first.
    expect((await clerk.post('/api/counters/2/call-next')).body.id).toBe(mitid.id);
    await clerk.post(`/api/tickets/${mitid.id}/finish`, { outcome: 'other' });
    expect((await clerk.post('/api/counters/2/call-next')).body.id).toBe(passport.id);
    await clerk.post(`/api/tickets/${passport.id}/finish`, { outcome: 'other' });

    expect((await patch(manager, '/api/config/counters/2', { name: 'Skranke 3' })).body.error.code).toBe('counter_name_taken');
    expect((await patch(manager, '/api/config/counters/2', { serviceCodes: ['Q'] })).body.error.code).toBe('unknown_service');
    expect((await patch(manager, '/api/config/counters/99', { name: 'Nowhere' })).status).toBe(404);
  });

  it('cannot take an open counter out of use; a closed one leaves the clerks’ list and can come back', async () => {
    const refused = await patch(manager, '/api/config/counters/2', { active: false });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('counter_open');
    await clerk.post('/api/counters/2/close');

    const retired = await patch(manager, '/api/config/counters/2', { active: false });
    expect(retired.status).toBe(200);
    expect(retired.body.active).toBe(false);
    expect(((await clerk.get('/api/counters')).body as { id: number }[]).map((c) => c.id)).toEqual([1, 3, 4, 5]);
    expect((await clerk.post('/api/counters/2/open')).status).toBe(404);
    expect((await manager.get('/api/config/counters')).body[1]).toMatchObject({ id: 2, active: false });

    expect((await patch(manager, '/api/config/counters/2', { active: true })).body.active).toBe(true);
    expect((await clerk.post('/api/counters/2/open')).status).toBe(200);
    await clerk.post('/api/counters/2/close');
  });

  it('records every change with the counter and who made it', () => {
    const events = recordedEvents(running.dataDir, 'config.changed').filter((e) => e.data.key === 'counters');
    expect(events.map((e) => [e.counterId, e.data.action, e.data.changed])).toEqual([
      [5, 'created', undefined],
      [2, 'updated', ['name', 'serviceCodes', 'ordering']],
      [2, 'updated', ['active']],
      [2, 'updated', ['active']],
    ]);
  });

  it('refuses a change that leaves an active service without an active counter, naming the services', async () => {
    // Only counter 1 still serves K and A.
    for (const id of [2, 3, 4, 5]) expect((await patch(manager, `/api/config/counters/${id}`, { serviceCodes: ['M', 'P'] })).status).toBe(200);

    const retire = await patch(manager, '/api/config/counters/1', { active: false });
    expect([retire.status, retire.body.error.code]).toEqual([409, 'service_unserved']);
    expect(retire.body.error.message).toContain('services K, A');
    const narrow = await patch(manager, '/api/config/counters/1', { serviceCodes: ['M', 'P', 'K'] });
    expect([narrow.status, narrow.body.error.code]).toEqual([409, 'service_unserved']);
    expect(narrow.body.error.message).toContain('service A,');
    // Refused means unchanged.
    expect((await manager.get('/api/config/counters')).body[0]).toMatchObject({ id: 1, serviceCodes: ['M', 'P', 'K', 'A'], active: true });

    // Once counter 3 takes over K and A, counter 1 can go.
    expect((await patch(manager, '/api/config/counters/3', { serviceCodes: ['K', 'A'] })).status).toBe(200);
    expect((await patch(manager, '/api/config/counters/1', { active: false })).status).toBe(200);
    expect((await patch(manager, '/api/config/counters/3', { active: false })).body.error.code).toBe('service_unserved');
  });
});
