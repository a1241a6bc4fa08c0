import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedEvents } from '../support/recorded-events.js';
import { canLogIn as canLogInAt, createMember } from '../support/staff-member.js';
import { ADMIN_PASSWORD, Client, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
let admin: Client;
beforeAll(async () => {
  running = await startTestHost();
  admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
});
afterAll(async () => running.stop());

const patch = (client: Client, route: string, body: unknown) => client.request('PATCH', route, body);

const member = (username: string, role: 'clerk' | 'manager' | 'admin') => createMember(admin, username, role);
const canLogIn = (username: string, password: string) => canLogInAt(running.url, username, password);

describe('staff accounts after creation', () => {
  it('a manager renames a clerk and makes them a manager, but cannot grant admin', async () => {
    const boss = await member('boss', 'manager');
    const anna = await member('anna', 'clerk');
    const changed = await patch(boss.client, `/api/staff/${anna.id}`, { displayName: ' Anna Holm ', role: 'manager' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: anna.id, username: 'anna', displayName: 'Anna Holm', role: 'manager', active: true });
    // The new role applies to Anna's open session at once.
    expect((await anna.client.get('/api/config/services')).status).toBe(200);

    const grant = await patch(boss.client, `/api/staff/${anna.id}`, { role: 'admin' });
    expect([grant.status, grant.body.error.code]).toEqual([403, 'admin_only']);
    expect((await patch(boss.client, '/api/staff/1', { displayName: 'Someone else' })).status).toBe(403);
    expect((await patch(boss.client, `/api/staff/${anna.id}`, { displayName: '' })).status).toBe(400);
    expect((await patch(boss.client, `/api/staff/${anna.id}`, { role: 'owner' })).status).toBe(400);
    expect((await patch(boss.client, '/api/staff/999', { role: 'clerk' })).status).toBe(404);
    expect((await patch(anna.client, `/api/staff/${boss.id}`, { role: 'clerk' })).status).toBe(200);
    expect((await boss.client.get('/api/config/services')).status).toBe(403);
  });

  it('nobody demotes or deactivates the last active admin; with a second admin it is allowed', async () => {
    const demote = await patch(admin, '/api/staff/1', { role: 'manager' });
    expect([demote.status, demote.body.error.code]).toEqual([409, 'last_admin']);
    const second = await member('root2', 'admin');
    const selfDeactivate = await second.client.post(`/api/staff/${second.id}/deactivate`);
    expect([selfDeactivate.status, selfDeactivate.body.error.code]).toEqual([409, 'cannot_deactivate_self']);
    expect((await second.client.post('/api/staff/1/deactivate')).status).toBe(200);
    const lastOne = await admin.post(`/api/staff/${second.id}/deactivate`);
    expect(lastOne.status).toBe(401); // the first admin's session ended with the deactivation
    const again = await patch(second.client, `/api/staff/${second.id}`, { role: 'manager' });
    expect([again.status, again.body.error.code]).toEqual([409, 'last_admin']);
    expect((await second.client.post('/api/staff/1/reactivate')).body).toMatchObject({ id: 1, active: true });
    await admin.login('admin', ADMIN_PASSWORD);
  });

  it('resetting a password ends the member’s sessions and closes their counter; the old password stops working', async () => {
    const ole = await member('ole', 'clerk');
    const kiosk = new Client(running.url);
    const ticket = (await kiosk.post('/api/tickets', { serviceCode: 'A' })).body;
    await ole.client.post('/api/counters/3/open');
    expect((await ole.client.post('/api/counters/3/call-next')).body.id).toBe(ticket.id);

    const reset = await admin.post(`/api/staff/${ole.id}/password`, { password: 'a-brand-new-password' });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ sessionsEnded: 1 });
    expect((await ole.client.get('/api/me')).status).toBe(401);
    expect((await admin.get('/api/counters/3')).body.heldBy).toBeNull();
    expect((await admin.get(`/api/tickets/${ticket.id}`)).body.status).toBe('waiting');
    expect(await canLogIn('ole', ole.password)).toBe(false);
    expect(await canLogIn('ole', 'a-brand-new-password')).toBe(true);
    expect((await admin.post(`/api/staff/${ole.id}/password`, { password: 'short' })).status).toBe(400);
  });

  it('a manager resets passwords of non-admins only; resetting your own keeps you logged in here', async () => {
    const mia = await member('mia', 'manager');
    const refused = await mia.client.post('/api/staff/1/password', { password: 'an-admin-password' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'admin_only']);
    const other = new Client(running.url);
    await other.login('mia', mia.password);
    const own = await mia.client.post(`/api/staff/${mia.id}/password`, { password: 'mias-new-password', currentPassword: mia.password });
    expect(own.body).toEqual({ sessionsEnded: 1 });
    expect((await mia.client.get('/api/me')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(401);
    const clerk = await member('carl', 'clerk');
    expect((await clerk.client.post(`/api/staff/${mia.id}/password`, { password: 'carl-decides-now' })).status).toBe(403);
  });

  it('changing your own password needs the current one; a wrong or missing one changes nothing', async () => {
    const max = await member('max', 'manager');
    const missing = await max.client.post(`/api/staff/${max.id}/password`, { password: 'taken-over-password' });
    expect([missing.status, missing.body.error.code]).toEqual([400, 'current_password_required']);
    const wrong = await max.client.post(`/api/staff/${max.id}/password`, { password: 'taken-over-password', currentPassword: 'a-guess-at-it' });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'wrong_password']);
    expect(await canLogIn('max', 'taken-over-password')).toBe(false);
    expect(await canLogIn('max', max.password)).toBe(true);

    const own = await admin.post('/api/staff/1/password', { password: 'admins-new-password', currentPassword: ADMIN_PASSWORD });
    expect(own.status).toBe(200);
    expect(await canLogIn('admin', 'admins-new-password')).toBe(true);
    // Someone else's password is set without knowing theirs.
    expect((await admin.post(`/api/staff/${max.id}/password`, { password: 'max-second-password' })).status).toBe(200);
    expect((await admin.post('/api/staff/1/password', { password: ADMIN_PASSWORD, currentPassword: 'admins-new-password' })).status).toBe(200);
  });

  it('a deactivated member cannot log in, their sessions end, and the account and its history stay', async () => {
    const bo = await member('bo', 'clerk');
    await bo.client.post('/api/counters/4/open');
    const deactivated = await admin.post(`/api/staff/${bo.id}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ member: { id: bo.id, active: false }, sessionsEnded: 1 });
    expect((await bo.client.get('/api/me')).status).toBe(401);
    expect(await canLogIn('bo', bo.password)).toBe(false);
    expect((await admin.get('/api/counters/4')).body.heldBy).toBeNull();
    const listed = ((await admin.get('/api/staff')).body as { username: string; active: boolean }[]).find((s) => s.username === 'bo');
    expect(listed).toMatchObject({ active: false });

    expect((await admin.post(`/api/staff/${bo.id}/reactivate`)).body).toMatchObject({ active: true });
    expect(await canLogIn('bo', bo.password)).toBe(true);
  });

  it('logs each change with who made it and to whom, and no password or name', () => {
    const events = recordedEvents(running.dataDir, 'staff.').filter((e) => !['staff.login', 'staff.logout', 'staff.created'].includes(e.type));
    expect(events.map((e) => e.type)).toEqual([
      'staff.updated',
      'staff.updated',
      'staff.deactivated',
      'staff.reactivated',
      'staff.password_reset',
      'staff.password_reset',
      // Your own password, someone else's, your own back; the refused attempts leave no event.
      'staff.password_reset',
      'staff.password_reset',
      'staff.password_reset',
      'staff.deactivated',
      'staff.reactivated',
    ]);
    expect(events[0]!.data).toMatchObject({ changed: ['displayName', 'role'], role: 'manager' });
    const text = JSON.stringify(events);
    expect(text).not.toMatch(/password-1|brand-new|taken-over|a-guess|Anna/);
  });
});
