import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/store.js';
import { fixtureWriter } from '../support/store-writer.js';
import { Office } from '../../office/queue.js';
import { SignIn } from '../../office/sign-in.js';
import { identifyCaller, requireKioskOrStaff, SESSION_COOKIE } from '../../server/auth.js';
import { hashToken } from '../../server/secrets.js';

// Requests from other PCs cannot be made in tests (only loopback traffic is allowed here), so
// the caller rules are checked on request objects with the remote addresses a LAN would give.
let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'caller-'));
  store = openStore(path.join(dir, 'office.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function request(remoteAddress: string, headers: Record<string, string> = {}, cookies: Record<string, string> = {}): FastifyRequest {
  return { socket: { remoteAddress }, headers, cookies } as unknown as FastifyRequest;
}

const policy = (now: number, expired: number[] = []) => ({ idleMinutes: 60, clock: () => now, onExpired: (id: number) => expired.push(id) });

describe('who may issue tickets', () => {
  it('is the host\'s own kiosk on loopback', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(identifyCaller(request(address), store, policy(0)).kiosk).toBe(true);
    }
  });

  it('is not a PC elsewhere on the office network without a token', () => {
    const caller = identifyCaller(request('192.0.2.15'), store, policy(0));
    expect(caller).toEqual({ staff: null, kiosk: false, kioskId: null, sessionTokenHash: null });
    expect(() => requireKioskOrStaff({ caller } as FastifyRequest)).toThrow(/paired kiosk/);
  });

  it('is a paired kiosk PC with its bearer token, and nobody with a wrong one', () => {
    const id = fixtureWriter(store).kioskDevices.create('Indgang', hashToken('right-token'), 0);
    expect(identifyCaller(request('192.0.2.15', { authorization: 'Bearer right-token' }), store, policy(0))).toMatchObject({ kiosk: true, kioskId: id });
    expect(() => identifyCaller(request('192.0.2.15', { authorization: 'Bearer wrong-token' }), store, policy(0))).toThrow(/not valid/);
  });

  it('is nobody with a revoked token, not even on the host PC itself', () => {
    const id = fixtureWriter(store).kioskDevices.create('Indgang', hashToken('lost-token'), 0);
    expect(fixtureWriter(store).kioskDevices.revoke(id, 1000)).toBe(true);
    for (const address of ['192.0.2.15', '127.0.0.1', '::1']) {
      expect(() => identifyCaller(request(address, { authorization: 'Bearer lost-token' }), store, policy(2000))).toThrow(/not valid/);
    }
  });
});

describe('staff sessions', () => {
  it('expire after the idle time and close the clerk\'s counter', () => {
    const member = fixtureWriter(store).staff.create({ username: 'anna', displayName: 'Anna', role: 'clerk', passwordHash: 'x', createdAt: 0 });
    fixtureWriter(store).sessions.create(hashToken('session-token'), member.id, 0);
    const cookies = { [SESSION_COOKIE]: 'session-token' };
    expect(identifyCaller(request('192.0.2.15', {}, cookies), store, policy(59 * 60_000)).staff?.id).toBe(member.id);
    // The request above touched the session at minute 59; an hour and a minute later it has expired.
    // The host hands the expiry to the office, which ends the session and closes the counter.
    const signIn = new SignIn(store, new Office(store, () => 0), { hash: async () => '', verify: async () => false }, () => 0);
    const expired: number[] = [];
    const later = identifyCaller(request('192.0.2.15', {}, cookies), store, {
      ...policy(59 * 60_000 + 61 * 60_000, expired),
      onExpired: (staffId: number, tokenHash: string) => {
        expired.push(staffId);
        signIn.sessionExpired(tokenHash, staffId);
      },
    });
    expect(later.staff).toBeNull();
    expect(expired).toEqual([member.id]);
    expect(store.sessions.find(hashToken('session-token'))).toBeUndefined();
  });
});
