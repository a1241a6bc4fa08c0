import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

const clock = new TestClock(Date.parse('2026-11-25T10:00:00+01:00'));
let running: TestHost;
let admin: Client;

beforeAll(async () => {
  running = await startTestHost({ clock: clock.read });
  admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  await running.stop();
});

async function pair(name: string): Promise<{ id: number; token: string; kiosk: Client }> {
  const paired = await admin.post('/api/kiosk-devices', { name });
  expect(paired.status).toBe(201);
  return { id: paired.body.id, token: paired.body.token, kiosk: new Client(running.url, { authorization: `Bearer ${paired.body.token}` }) };
}

interface DeviceView {
  id: number;
  name: string;
  pairedAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

const listed = async (id: number) => ((await admin.get('/api/kiosk-devices')).body as DeviceView[]).find((device) => device.id === id);

describe('the list of kiosk PCs', () => {
  it('shows each paired kiosk with when it was paired and last seen, never its token', async () => {
    const pairedAt = clock.now;
    const { id, token, kiosk } = await pair('Indgang');
    expect(await listed(id)).toEqual({ id, name: 'Indgang', pairedAt: new Date(pairedAt).toISOString(), lastSeenAt: null, revokedAt: null });

    clock.advanceMinutes(3);
    expect((await kiosk.get('/api/services')).status).toBe(200);
    expect((await listed(id))?.lastSeenAt).toBe(new Date(clock.now).toISOString());
    expect(JSON.stringify((await admin.get('/api/kiosk-devices')).body)).not.toContain(token);

    // Written at most once a minute: a kiosk polling all day does not sync the disk on every request.
    const seenAt = clock.now;
    clock.advanceMinutes(0.5);
    await kiosk.get('/api/services');
    expect((await listed(id))?.lastSeenAt).toBe(new Date(seenAt).toISOString());
  });

  it('is for admins only', async () => {
    const [manager] = await clerks(running.url, 1, 'manager');
    const [clerk] = await clerks(running.url, 1);
    const { id } = await pair('Indgang');
    for (const member of [manager!, clerk!]) {
      expect((await member.get('/api/kiosk-devices')).status).toBe(403);
      expect((await member.post(`/api/kiosk-devices/${id}/revoke`, {})).status).toBe(403);
    }
    expect((await new Client(running.url).get('/api/kiosk-devices')).status).toBe(401);
    expect((await listed(id))?.revokedAt).toBeNull();
  });
});

describe('revoking a kiosk PC', () => {
  it('refuses its token from then on with 401 invalid_token, from the host PC itself too', async () => {
    const { id, kiosk } = await pair('Mistet kiosk');
    const other = await pair('Anden kiosk');
    expect((await kiosk.post('/api/tickets', { serviceCode: 'P' })).status).toBe(201);

    const revoked = await admin.post(`/api/kiosk-devices/${id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, revokedAt: new Date(clock.now).toISOString() });

    // The test host is on loopback: without the token this caller would be the host's own kiosk.
    for (const [method, route] of [['POST', '/api/tickets'], ['GET', '/api/services'], ['GET', '/api/display']] as const) {
      const response = await kiosk.request(method, route, method === 'POST' ? { serviceCode: 'P' } : undefined);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('invalid_token');
    }
    expect((await other.kiosk.post('/api/tickets', { serviceCode: 'P' })).status).toBe(201);
  });

  it('is idempotent: a second revoke keeps the first time and logs nothing more', async () => {
    const { id } = await pair('Indgang');
    const first = await admin.post(`/api/kiosk-devices/${id}/revoke`, {});
    clock.advanceMinutes(5);
    const second = await admin.post(`/api/kiosk-devices/${id}/revoke`, {});
    expect(second.status).toBe(200);
    expect(second.body.revokedAt).toBe(first.body.revokedAt);
    const audit = await admin.get('/api/audit?type=kiosk.revoked');
    const mine = (audit.body.entries as { description: { en: string } }[]).filter((e) => e.description.en === `Kiosk PC #${id} revoked`);
    expect(mine).toHaveLength(1);
    expect((await admin.post('/api/kiosk-devices/99999/revoke', {})).status).toBe(404);
  });
});

describe('a token nobody issued', () => {
  it('is refused with 401 from loopback rather than ignored', async () => {
    for (const authorization of ['Bearer made-up-token', 'Basic YWRtaW46YWRtaW4=', 'Bearer']) {
      const response = await new Client(running.url, { authorization }).post('/api/tickets', { serviceCode: 'P' });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('invalid_token');
    }
  });
});
