import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_CHANGES_PER_MINUTE } from '../../server/routes/staff.js';
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

const member = (username: string, role: 'clerk' | 'manager') => createMember(admin, username, role);
const canLogIn = (username: string, password: string) => canLogInAt(running.url, username, password);

describe('a clerk changes their own password', () => {
  it('with the current one; the session it was changed from goes on, the others end', async () => {
    const clara = await member('clara', 'clerk');
    const otherPc = new Client(running.url);
    await otherPc.login('clara', clara.password);
    const changed = await clara.client.post(`/api/staff/${clara.id}/password`, { currentPassword: clara.password, password: 'claras-new-password' });
    expect([changed.status, changed.body]).toEqual([200, { sessionsEnded: 1 }]);
    expect((await clara.client.get('/api/me')).status).toBe(200);
    expect((await otherPc.get('/api/me')).status).toBe(401);
    expect(await canLogIn('clara', clara.password)).toBe(false);
    expect(await canLogIn('clara', 'claras-new-password')).toBe(true);
  });

  it('not without the current one, and never anyone else’s', async () => {
    const cato = await member('cato', 'clerk');
    const colleague = await member('cille', 'clerk');
    const missing = await cato.client.post(`/api/staff/${cato.id}/password`, { password: 'catos-new-password' });
    expect([missing.status, missing.body.error.code]).toEqual([400, 'current_password_required']);
    const wrong = await cato.client.post(`/api/staff/${cato.id}/password`, { currentPassword: 'not-it-at-all', password: 'catos-new-password' });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'wrong_password']);
    const others = await cato.client.post(`/api/staff/${colleague.id}/password`, { currentPassword: cato.password, password: 'taken-over-password' });
    expect([others.status, others.body.error.code]).toEqual([403, 'forbidden']);
    expect(await canLogIn('cille', colleague.password)).toBe(true);
    expect(await canLogIn('cato', cato.password)).toBe(true);
  });
});

describe('guessing the current password at a browser left logged in', () => {
  it(`is stopped after ${PASSWORD_CHANGES_PER_MINUTE} tries a minute for that account, from any PC`, async () => {
    const mads = await member('mads', 'manager');
    const answers: string[] = [];
    for (let i = 0; i < PASSWORD_CHANGES_PER_MINUTE + 2; i++) {
      const response = await mads.client.post(`/api/staff/${mads.id}/password`, { currentPassword: `guess-${i}`, password: 'a-taken-over-password' });
      answers.push(`${response.status} ${response.body.error.code}`);
    }
    expect(answers).toEqual([...Array(PASSWORD_CHANGES_PER_MINUTE).fill('403 wrong_password'), '429 rate_limited', '429 rate_limited']);
    // A second session of the same account does not start a fresh count.
    const secondPc = new Client(running.url);
    await secondPc.login('mads', mads.password);
    expect((await secondPc.post(`/api/staff/${mads.id}/password`, { currentPassword: mads.password, password: 'a-new-password-1' })).status).toBe(429);
  });
});
