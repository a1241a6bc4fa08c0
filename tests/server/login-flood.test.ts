import { afterEach, describe, expect, it } from 'vitest';
import { LOGINS_PER_ADDRESS_PER_MINUTE } from '../../server/routes/auth.js';
import { PASSWORD_HASH_LIMITS } from '../../server/password-hashing.js';
import { requestFrom } from '../support/from-address.js';
import { ADMIN_PASSWORD, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const login = (address: string, username: string, password = 'a-guessed-password') =>
  requestFrom(address, running!.url, 'POST', '/api/auth/login', { username, password });

describe('a login flood rotating user names from one PC', () => {
  it(`is stopped after ${LOGINS_PER_ADDRESS_PER_MINUTE} tries a minute from that address, whatever the names; other PCs still log in`, async () => {
    running = await startTestHost();
    const statuses: string[] = [];
    for (let i = 0; i < 120; i++) {
      const response = await login('127.0.0.2', `nobody-${i}`);
      statuses.push(`${response.status} ${response.body.error.code}`);
      if (response.status === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, LOGINS_PER_ADDRESS_PER_MINUTE)).toEqual(Array(LOGINS_PER_ADDRESS_PER_MINUTE).fill('401 unauthorized'));
    expect(statuses.slice(LOGINS_PER_ADDRESS_PER_MINUTE)).toEqual(Array(120 - LOGINS_PER_ADDRESS_PER_MINUTE).fill('429 rate_limited'));
    // The right password does not get through from the flooded address either …
    expect((await login('127.0.0.2', 'admin', ADMIN_PASSWORD)).status).toBe(429);
    // … but from another PC it does.
    expect((await login('127.0.0.3', 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it(`never computes more than ${PASSWORD_HASH_LIMITS.running} password hashes at once, and refuses the excess with 429 busy`, async () => {
    running = await startTestHost();
    const floods = ['127.0.0.4', '127.0.0.5', '127.0.0.6'].flatMap((address) => Array.from({ length: 25 }, (_, i) => login(address, `${address}-name-${i}`)));
    const answers = (await Promise.all(floods)).map((r) => `${r.status} ${r.body.error.code}${r.status === 429 ? ` retry-after ${r.headers['retry-after']}` : ''}`);
    expect(new Set(answers)).toEqual(new Set(['401 unauthorized', '429 busy retry-after 1']));
    const load = running.host.passwords.load;
    expect(load.peakRunning).toBeGreaterThanOrEqual(1);
    expect(load.peakRunning).toBeLessThanOrEqual(PASSWORD_HASH_LIMITS.running);
    expect([load.running, load.waiting]).toEqual([0, 0]);
  });

  it('leaves a colleague on another PC logging in promptly while the flood is under way', async () => {
    // A dearer hash (64 MB, several times the test default) so that waiting behind the flood would show.
    running = await startTestHost({}, { PASSWORD_HASH_COST: '16' });
    // What one login takes on this machine right now, with nothing else going on.
    let started = performance.now();
    expect((await login('127.0.0.1', 'admin', ADMIN_PASSWORD)).status).toBe(200);
    const aloneMs = performance.now() - started;

    const flood = Promise.all(Array.from({ length: 120 }, (_, i) => login('127.0.0.7', `flood-${i}`)));
    started = performance.now();
    const colleague = await login('127.0.0.1', 'admin', ADMIN_PASSWORD);
    const tookMs = performance.now() - started;
    expect(colleague.status).toBe(200);
    // Behind at most the two hashes the flooding PC may hold, not behind dozens of them (before
    // the fix it waited for all 120: some 30 times as long as alone).
    expect(tookMs).toBeLessThan(6 * aloneMs);
    const floodAnswers = await flood;
    expect(floodAnswers.filter((r) => r.status === 401).length).toBeLessThanOrEqual(LOGINS_PER_ADDRESS_PER_MINUTE);
    expect(running.host.passwords.load.peakRunning).toBeLessThanOrEqual(PASSWORD_HASH_LIMITS.running);
  });
});

describe('a login for an unknown user name', () => {
  it('is hashed at the same cost as a known one', async () => {
    const { PasswordHashing, unmatchableHash } = await import('../../server/password-hashing.js');
    const { hashPassword } = await import('../../server/secrets.js');
    const parameters = (stored: string) => {
      const [scheme, n, r, p, salt, key] = stored.split('$');
      return { scheme, n, r, p, saltBytes: Buffer.from(salt!, 'base64').length, keyBytes: Buffer.from(key!, 'base64').length };
    };
    expect(parameters(unmatchableHash(14))).toEqual(parameters(await hashPassword('any-password', 14)));
    expect(parameters(unmatchableHash(17))).toEqual({ scheme: 'scrypt', n: String(2 ** 17), r: '8', p: '1', saltBytes: 16, keyBytes: 32 });
    // And it goes through the same queue as any other hash.
    const hashing = new PasswordHashing(14);
    await expect(hashing.verify('127.0.0.1', 'any-password', null)).resolves.toBe(false);
    expect(hashing.load.peakRunning).toBe(1);
  });
});
