import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedEvents } from '../support/recorded-events.js';
import { Client, clerks, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
let manager: Client;
let clerk: Client;
let kiosk: Client;
beforeAll(async () => {
  running = await startTestHost();
  [manager] = (await clerks(running.url, 1, 'manager')) as [Client];
  [clerk] = (await clerks(running.url, 1)) as [Client];
  kiosk = new Client(running.url);
});
afterAll(async () => running.stop());

const patch = (client: Client, route: string, body: unknown) => client.request('PATCH', route, body);
const publicCodes = async () => ((await kiosk.get('/api/services')).body as { code: string }[]).map((s) => s.code);

describe('services in the configuration API', () => {
  it('lists every service with its settings, to managers and admins only', async () => {
    const list = await manager.get('/api/config/services');
    expect(list.status).toBe(200);
    expect(list.body[0]).toEqual({ code: 'M', names: { da: 'MitID', en: 'MitID' }, needsIdCheck: true, slaMinutes: 20, active: true, waitingTickets: 0 });
    expect((await clerk.get('/api/config/services')).status).toBe(403);
    expect((await kiosk.get('/api/config/services')).status).toBe(401);
  });

  it('creates a service that the kiosk offers and every counter serves, last in preference', async () => {
    const body = { code: 'B', names: { da: 'Boligstøtte', en: 'Housing benefit' }, needsIdCheck: false, slaMinutes: 30 };
    const created = await manager.post('/api/config/services', body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ ...body, active: true, waitingTickets: 0 });
    expect(await publicCodes()).toEqual(['M', 'P', 'K', 'A', 'B']);
    const counters = (await manager.get('/api/config/counters')).body as { serviceCodes: string[] }[];
    for (const counter of counters) expect(counter.serviceCodes).toEqual(['M', 'P', 'K', 'A', 'B']);

    const ticket = (await kiosk.post('/api/tickets', { serviceCode: 'B' })).body;
    expect(ticket.number).toBe('B001');
    await clerk.post('/api/counters/1/open');
    expect((await clerk.post('/api/counters/1/call-next')).body.id).toBe(ticket.id);
    await clerk.post(`/api/tickets/${ticket.id}/finish`, { outcome: 'other' });
    await clerk.post('/api/counters/1/close');

    const duplicate = await manager.post('/api/config/services', { ...body, names: { da: 'Andet B', en: 'Other B' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('service_code_taken');
  });

  it('refuses malformed services with 400', async () => {
    const good = { code: 'Z', names: { da: 'Z', en: 'Z' }, needsIdCheck: false, slaMinutes: 20 };
    for (const body of [
      { ...good, code: 'z' },
      { ...good, code: 'ZZ' },
      { ...good, slaMinutes: 0 },
      { ...good, slaMinutes: 12.5 },
      { ...good, names: { da: 'Z' } },
      { ...good, names: { da: '   ', en: 'Z' } },
      { ...good, extra: 1 },
    ]) {
      const response = await manager.post('/api/config/services', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
    expect((await clerk.post('/api/config/services', good)).status).toBe(403);
  });

  it('updates names, ID check and SLA, but never the code, and logs who changed what', async () => {
    const updated = await patch(manager, '/api/config/services/P', { names: { da: 'Pas og nødpas', en: 'Passport and emergency passport' }, slaMinutes: 25 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ code: 'P', names: { da: 'Pas og nødpas' }, slaMinutes: 25, needsIdCheck: false });
    expect((await kiosk.get('/api/services')).body.find((s: { code: string }) => s.code === 'P').names.en).toBe('Passport and emergency passport');

    const renamed = await patch(manager, '/api/config/services/P', { code: 'Q' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.code).toBe('code_immutable');
    expect((await patch(manager, '/api/config/services/P', { code: 'P', slaMinutes: 25 })).status).toBe(200);
    expect((await patch(manager, '/api/config/services/X', { slaMinutes: 10 })).status).toBe(404);
    expect((await patch(manager, '/api/config/services/P', { slaMinutes: -1 })).status).toBe(400);
    expect((await patch(clerk, '/api/config/services/P', { slaMinutes: 10 })).status).toBe(403);

    const events = recordedEvents(running.dataDir, 'config.changed').filter((e) => e.data.key === 'services');
    expect(events.map((e) => e.data)).toEqual([
      { key: 'services', action: 'created', serviceCode: 'B' },
      { key: 'services', action: 'updated', serviceCode: 'P', changed: ['names', 'slaMinutes'] },
      { key: 'services', action: 'updated', serviceCode: 'P', changed: [] },
    ]);
    expect(events.every((e) => e.staffId !== null)).toBe(true);
  });

  it('deactivating a service with citizens waiting stops new tickets but keeps the waiting ones callable', async () => {
    const waiting = [(await kiosk.post('/api/tickets', { serviceCode: 'K' })).body, (await kiosk.post('/api/tickets', { serviceCode: 'K' })).body];
    expect((await manager.get('/api/config/services')).body.find((s: { code: string }) => s.code === 'K').waitingTickets).toBe(2);

    const deactivated = await patch(manager, '/api/config/services/K', { active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ code: 'K', active: false, waitingTickets: 2 });
    expect(await publicCodes()).not.toContain('K');
    const refused = await kiosk.post('/api/tickets', { serviceCode: 'K' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('unknown_service');

    // The list still shows it, inactive, for reactivation.
    expect((await manager.get('/api/config/services')).body.find((s: { code: string }) => s.code === 'K')).toMatchObject({ active: false, waitingTickets: 2 });
    await clerk.post('/api/counters/2/open');
    expect((await clerk.post('/api/counters/2/call-next')).body.id).toBe(waiting[0].id);
    await clerk.post(`/api/tickets/${waiting[0].id}/finish`, { outcome: 'other' });
    expect((await clerk.post('/api/counters/2/call-next')).body.id).toBe(waiting[1].id);
    await clerk.post(`/api/tickets/${waiting[1].id}/finish`, { outcome: 'other' });
    await clerk.post('/api/counters/2/close');

    expect((await patch(manager, '/api/config/services/K', { active: true })).body.active).toBe(true);
    expect(await publicCodes()).toContain('K');
  });

  it('refuses to reactivate a service that no active counter serves', async () => {
    expect((await patch(manager, '/api/config/services/A', { active: false })).status).toBe(200);
    const counters = (await manager.get('/api/config/counters')).body as { id: number; serviceCodes: string[] }[];
    for (const counter of counters) {
      const withoutA = counter.serviceCodes.filter((code) => code !== 'A');
      expect((await patch(manager, `/api/config/counters/${counter.id}`, { serviceCodes: withoutA })).status).toBe(200);
    }

    const refused = await patch(manager, '/api/config/services/A', { active: true });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'service_unserved']);
    expect(refused.body.error.message).toContain('service A,');
    expect(await publicCodes()).not.toContain('A');

    expect((await patch(manager, '/api/config/counters/4', { serviceCodes: ['A'] })).status).toBe(200);
    expect((await patch(manager, '/api/config/services/A', { active: true })).status).toBe(200);
    expect(await publicCodes()).toContain('A');
  });
});
