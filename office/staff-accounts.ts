import type { NewOfficeEvent } from '../core/events.js';
import { staffChangeRefusal, type StaffChange } from '../core/staff-rules.js';
import type { StaffRole } from '../core/types.js';
import type { StaffMember } from '../db/staff.js';
import type { Store, StoreWriter } from '../db/store.js';
import type { Office } from './queue.js';
import type { Passwords } from './sign-in.js';
import { conflict, forbidden, invalid, notFound, Refusal } from './refusal.js';

/**
 * Changes to staff accounts after they are created. Each checks the rules of core/staff-rules.ts
 * inside the write transaction (so two managers cannot both demote one of the last two admins),
 * stores the change with its event, and ends the member's sessions where the change calls for
 * it. Accounts are never deleted: tickets, events and statistics keep naming who did what.
 */
export class StaffAccounts {
  constructor(
    private readonly store: Store,
    private readonly queue: Office,
    private readonly passwords: Passwords,
    private readonly clock: () => number,
  ) {}

  list(): StaffMember[] {
    return this.store.staff.list();
  }

  /** A new account. A manager runs the floor; only an admin can create another admin. */
  async create(actor: StaffMember, account: { username: string; displayName: string; role: StaffRole; password: string }, client: string): Promise<StaffMember> {
    if (account.role === 'admin' && actor.role !== 'admin') throw forbidden('Only an admin can create an admin.');
    const usernameTaken = () => {
      if (this.store.staff.findForLogin(account.username)) throw conflict('username_taken', `The username "${account.username}" is taken.`);
    };
    usernameTaken();
    const passwordHash = await this.passwords.hash(client, account.password);
    return this.store.change((tx) => {
      usernameTaken();
      const now = this.clock();
      const member = tx.staff.create({ username: account.username, displayName: account.displayName, role: account.role, passwordHash, createdAt: now });
      return { result: member, events: [{ at: now, type: 'staff.created', ticketId: null, counterId: null, staffId: actor.id, data: { createdStaffId: member.id, role: member.role } }] };
    });
  }

  update(actor: StaffMember, targetId: number, changes: { displayName?: string | undefined; role?: StaffRole | undefined }): StaffMember {
    return this.change(actor, targetId, (target) => {
      const next = { displayName: changes.displayName?.trim() ?? target.displayName, role: changes.role ?? target.role };
      return {
        check: { kind: 'update', role: next.role },
        apply: (tx) => tx.staff.update(target.id, next),
        data: { changed: (['displayName', 'role'] as const).filter((key) => next[key] !== target[key]), role: next.role },
        type: 'staff.updated',
      };
    }).member;
  }

  /**
   * Sets a new password and logs the member out everywhere else; their counter closes. Changing
   * one's own password asks for the current one: whoever finds a logged-in browser left open must
   * not be able to take the account over.
   */
  async resetPassword(
    actor: StaffMember,
    targetId: number,
    passwords: { password: string; currentPassword?: string | undefined },
    actorSessionHash: string | null,
    client: string,
  ): Promise<{ sessionsEnded: number }> {
    // Refused before any hash is computed, and checked again inside the change's transaction.
    const target = this.store.staff.get(targetId);
    if (target) this.refuseIfNotAllowed(actor, target, { kind: 'reset_password' });
    if (targetId === actor.id) await this.checkCurrentPassword(actor, passwords.currentPassword, client);
    // Hashing takes a noticeable moment; it happens before the transaction, never inside it.
    const passwordHash = await this.passwords.hash(client, passwords.password);
    const { sessionsEnded } = this.change(actor, targetId, (target) => ({
      check: { kind: 'reset_password' },
      apply: (tx) => tx.staff.setPasswordHash(target.id, passwordHash),
      endSessions: target.id === actor.id ? actorSessionHash : 'all',
      type: 'staff.password_reset',
    }));
    return { sessionsEnded };
  }

  private async checkCurrentPassword(actor: StaffMember, currentPassword: string | undefined, client: string): Promise<void> {
    if (currentPassword === undefined) throw invalid('current_password_required', 'To change your own password, give your current password too.');
    const stored = this.store.staff.findForLogin(actor.username);
    if (!stored || !(await this.passwords.verify(client, currentPassword, stored.passwordHash))) {
      throw forbidden('The current password is wrong.', 'wrong_password');
    }
  }

  /** The member can no longer log in; open sessions end and a citizen they had called goes back in line. */
  deactivate(actor: StaffMember, targetId: number): { member: StaffMember; sessionsEnded: number } {
    return this.change(actor, targetId, (target) => ({
      check: { kind: 'deactivate' },
      apply: (tx) => tx.staff.setActive(target.id, false),
      endSessions: 'all',
      type: 'staff.deactivated',
    }));
  }

  reactivate(actor: StaffMember, targetId: number): StaffMember {
    return this.change(actor, targetId, (target) => ({
      check: { kind: 'reactivate' },
      apply: (tx) => tx.staff.setActive(target.id, true),
      type: 'staff.reactivated',
    })).member;
  }

  private refuseIfNotAllowed(actor: StaffMember, target: StaffMember, change: StaffChange): void {
    const refusal = staffChangeRefusal(actor, target, change, this.store.staff.activeAdminCount());
    if (refusal) throw new Refusal(refusal.kind, refusal.code, refusal.message);
  }

  private change(
    actor: StaffMember,
    targetId: number,
    plan: (target: StaffMember) => {
      check: StaffChange;
      apply: (tx: StoreWriter) => void;
      type: NewOfficeEvent['type'];
      data?: Record<string, unknown>;
      /** `all` sessions, the one session to keep, or none ended when absent. */
      endSessions?: 'all' | string | null;
    },
  ): { member: StaffMember; sessionsEnded: number } {
    return this.store.change((tx) => {
      const target = tx.staff.get(targetId);
      if (!target) throw notFound(`Staff member ${targetId}`);
      const step = plan(target);
      this.refuseIfNotAllowed(actor, target, step.check);
      step.apply(tx);
      const sessionsEnded = step.endSessions === undefined ? 0 : tx.sessions.deleteOfStaff(target.id, step.endSessions === 'all' ? null : step.endSessions);
      const event: NewOfficeEvent = {
        at: this.clock(),
        type: step.type,
        ticketId: null,
        counterId: null,
        staffId: actor.id,
        data: { targetStaffId: target.id, ...step.data, ...(step.endSessions === undefined ? {} : { sessionsEnded }) },
      };
      // Logged out everywhere: the counter they held must not stay "open" with nobody behind it.
      const left = step.endSessions === 'all' ? this.queue.leaveCounterWithin(tx, target.id) : [];
      return { result: { member: tx.staff.get(target.id)!, sessionsEnded }, events: [event, ...left] };
    });
  }
}
