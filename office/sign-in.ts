import type { StaffMember } from '../db/staff.js';
import type { Store } from '../db/store.js';
import type { Office } from './queue.js';
import { Refusal } from './refusal.js';

/** Password hashing as the office needs it; the host runs it off the event loop (server/password-hashing.ts). */
export interface Passwords {
  hash(client: string, password: string): Promise<string>;
  /** Takes as long for no hash (an unknown user) as for a wrong password. */
  verify(client: string, password: string, hash: string | null): Promise<boolean>;
}

/**
 * Staff sessions: logging in and out, and a session that expired. The session token is made and
 * kept as a cookie by the host; the office stores only its hash.
 */
export class SignIn {
  constructor(
    private readonly store: Store,
    private readonly queue: Office,
    private readonly passwords: Passwords,
    private readonly clock: () => number,
  ) {}

  async logIn(username: string, password: string, client: string, tokenHash: string): Promise<{ staff: StaffMember; counterId: number | null }> {
    const found = this.store.staff.findForLogin(username);
    const passwordOk = await this.passwords.verify(client, password, found?.passwordHash ?? null);
    if (!found || !passwordOk || !found.member.active) throw new Refusal('unauthorized', 'unauthorized', 'Wrong username or password.');
    const staffId = found.member.id;
    return this.store.change((tx) => {
      const now = this.clock();
      tx.sessions.create(tokenHash, staffId, now);
      return {
        result: { staff: found.member, counterId: tx.counters.heldBy(staffId)?.id ?? null },
        events: [{ at: now, type: 'staff.login', ticketId: null, counterId: null, staffId, data: {} }],
      };
    });
  }

  /** Logs out: the counter closes and the session ends, in one change. */
  logOut(staffId: number, tokenHash: string | null): void {
    this.store.change((tx) => {
      const events = this.queue.leaveCounterWithin(tx, staffId);
      if (tokenHash) tx.sessions.delete(tokenHash);
      events.push({ at: this.clock(), type: 'staff.logout', ticketId: null, counterId: null, staffId, data: {} });
      return { result: undefined, events };
    });
  }

  /** A session idle past its time: it ends, and the counter its clerk held closes. */
  sessionExpired(tokenHash: string, staffId: number): void {
    this.store.change((tx) => {
      tx.sessions.delete(tokenHash);
      return { result: undefined, events: this.queue.leaveCounterWithin(tx, staffId) };
    });
  }
}
