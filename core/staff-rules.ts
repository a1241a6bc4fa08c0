import type { StaffRole } from './types.js';

/**
 * Who may change whose account. A manager runs the floor and looks after clerks and other
 * managers; admin accounts (which pair kiosks and take backups) are an admin's business. The
 * office must never be left without an active admin, or nobody could pair a kiosk again.
 * Anyone, a clerk too, may change their own password (with the current one, checked by the host).
 */

export interface StaffAccount {
  id: number;
  role: StaffRole;
  active: boolean;
}

export type StaffChange =
  | { kind: 'update'; role: StaffRole }
  | { kind: 'reset_password' }
  | { kind: 'deactivate' }
  | { kind: 'reactivate' };

export interface StaffChangeRefusal {
  kind: 'forbidden' | 'conflict';
  code: 'forbidden' | 'admin_only' | 'last_admin' | 'cannot_deactivate_self';
  message: string;
}

/** Why `actor` may not make `change` to `target`, or null when it is allowed. */
export function staffChangeRefusal(actor: StaffAccount, target: StaffAccount, change: StaffChange, activeAdmins: number): StaffChangeRefusal | null {
  const touchesAdmin = target.role === 'admin' || (change.kind === 'update' && change.role === 'admin');
  if (touchesAdmin && actor.role !== 'admin') {
    return { kind: 'forbidden', code: 'admin_only', message: 'Only an admin can change an admin account or make someone an admin.' };
  }
  const ownPassword = change.kind === 'reset_password' && target.id === actor.id;
  if (actor.role === 'clerk' && !ownPassword) {
    return { kind: 'forbidden', code: 'forbidden', message: 'A clerk can change only their own password; ask a manager.' };
  }
  if (change.kind === 'deactivate' && target.id === actor.id) {
    return { kind: 'conflict', code: 'cannot_deactivate_self', message: 'You cannot deactivate your own account; ask another manager or admin.' };
  }
  const removesAdmin = change.kind === 'deactivate' || (change.kind === 'update' && change.role !== 'admin');
  if (removesAdmin && target.role === 'admin' && target.active && activeAdmins <= 1) {
    return { kind: 'conflict', code: 'last_admin', message: 'This is the last active admin. Make another admin first.' };
  }
  return null;
}
