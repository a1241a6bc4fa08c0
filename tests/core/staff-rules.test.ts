import { describe, expect, it } from 'vitest';
import { staffChangeRefusal, type StaffAccount, type StaffChange } from '../../core/staff-rules.js';

const admin: StaffAccount = { id: 1, role: 'admin', active: true };
const otherAdmin: StaffAccount = { id: 2, role: 'admin', active: true };
const manager: StaffAccount = { id: 3, role: 'manager', active: true };
const clerk: StaffAccount = { id: 4, role: 'clerk', active: true };
const code = (actor: StaffAccount, target: StaffAccount, change: StaffChange, admins = 2) => staffChangeRefusal(actor, target, change, admins)?.code ?? null;

describe('who may change whose account', () => {
  it('lets a manager look after clerks and managers, themselves included', () => {
    expect(code(manager, clerk, { kind: 'update', role: 'manager' })).toBeNull();
    expect(code(manager, clerk, { kind: 'reset_password' })).toBeNull();
    expect(code(manager, clerk, { kind: 'deactivate' })).toBeNull();
    expect(code(manager, manager, { kind: 'update', role: 'clerk' })).toBeNull();
  });

  it('lets a clerk change their own password and nothing else', () => {
    const otherClerk: StaffAccount = { id: 5, role: 'clerk', active: true };
    expect(code(clerk, clerk, { kind: 'reset_password' })).toBeNull();
    expect(code(clerk, otherClerk, { kind: 'reset_password' })).toBe('forbidden');
    expect(code(clerk, manager, { kind: 'reset_password' })).toBe('forbidden');
    expect(code(clerk, clerk, { kind: 'update', role: 'clerk' })).toBe('forbidden');
    expect(code(clerk, otherClerk, { kind: 'deactivate' })).toBe('forbidden');
    expect(code(clerk, otherClerk, { kind: 'reactivate' })).toBe('forbidden');
  });

  it('keeps admin accounts and the admin role for admins', () => {
    for (const change of [{ kind: 'update', role: 'admin' }, { kind: 'reset_password' }, { kind: 'deactivate' }, { kind: 'reactivate' }] as StaffChange[]) {
      expect(code(manager, change.kind === 'update' ? clerk : admin, change)).toBe('admin_only');
    }
    expect(code(clerk, clerk, { kind: 'update', role: 'admin' })).toBe('admin_only');
    expect(code(admin, clerk, { kind: 'update', role: 'admin' })).toBeNull();
  });

  it('never leaves the office without an active admin, and nobody deactivates themselves', () => {
    expect(code(admin, admin, { kind: 'update', role: 'manager' }, 1)).toBe('last_admin');
    expect(code(admin, admin, { kind: 'update', role: 'admin' }, 1)).toBeNull();
    expect(code(admin, otherAdmin, { kind: 'update', role: 'manager' }, 2)).toBeNull();
    expect(code(admin, { ...otherAdmin, active: false }, { kind: 'update', role: 'clerk' }, 1)).toBeNull();
    expect(code(admin, otherAdmin, { kind: 'deactivate' }, 1)).toBe('last_admin');
    expect(code(admin, admin, { kind: 'deactivate' }, 2)).toBe('cannot_deactivate_self');
    expect(staffChangeRefusal(manager, admin, { kind: 'deactivate' }, 1)?.kind).toBe('forbidden');
  });
});
