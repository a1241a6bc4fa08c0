import type { StaffRole } from '../core/types.js';
import type { Db } from './database.js';

export interface StaffMember {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  createdAt: number;
}

interface StaffRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  active: number;
  created_at: number;
  password_hash: string;
}

function toStaff(row: StaffRow): StaffMember {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as StaffRole,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export class StaffRepository {
  private readonly insert;
  private readonly byId;
  private readonly byUsername;
  private readonly all;
  private readonly count;
  private readonly updateRow;
  private readonly setActiveRow;
  private readonly setPassword;
  private readonly activeAdmins;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO staff (username, display_name, role, password_hash, created_at) VALUES (@username, @displayName, @role, @passwordHash, @createdAt)',
    );
    this.byId = db.prepare<[number], StaffRow>('SELECT * FROM staff WHERE id = ?');
    this.byUsername = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE username = ?');
    this.all = db.prepare<[], StaffRow>('SELECT * FROM staff ORDER BY username');
    this.count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM staff');
    this.updateRow = db.prepare<[string, string, number]>('UPDATE staff SET display_name = ?, role = ? WHERE id = ?');
    this.setActiveRow = db.prepare<[number, number]>('UPDATE staff SET active = ? WHERE id = ?');
    this.setPassword = db.prepare<[string, number]>('UPDATE staff SET password_hash = ? WHERE id = ?');
    this.activeAdmins = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM staff WHERE role = 'admin' AND active = 1");
  }

  create(member: { username: string; displayName: string; role: StaffRole; passwordHash: string; createdAt: number }): StaffMember {
    const id = Number(this.insert.run(member).lastInsertRowid);
    return this.get(id)!;
  }

  get(id: number): StaffMember | undefined {
    const row = this.byId.get(id);
    return row ? toStaff(row) : undefined;
  }

  /** The member and the stored password hash, for login and for checking a current password. */
  findForLogin(username: string): { member: StaffMember; passwordHash: string } | undefined {
    const row = this.byUsername.get(username);
    return row ? { member: toStaff(row), passwordHash: row.password_hash } : undefined;
  }

  list(): StaffMember[] {
    return this.all.all().map(toStaff);
  }

  isEmpty(): boolean {
    return this.count.get()!.n === 0;
  }

  update(id: number, changes: { displayName: string; role: StaffRole }): void {
    this.updateRow.run(changes.displayName, changes.role, id);
  }

  /** Staff are never deleted: tickets, events and statistics keep pointing at them. */
  setActive(id: number, active: boolean): void {
    this.setActiveRow.run(active ? 1 : 0, id);
  }

  setPasswordHash(id: number, passwordHash: string): void {
    this.setPassword.run(passwordHash, id);
  }

  activeAdminCount(): number {
    return this.activeAdmins.get()!.n;
  }
}
