import { expect } from 'vitest';
import { Client } from './test-host.js';

export interface TestMember {
  id: number;
  client: Client;
  password: string;
}

/** A staff member created by `admin` with the password `<username>-password-1`, and a client logged in as them. */
export async function createMember(admin: Client, username: string, role: 'clerk' | 'manager' | 'admin'): Promise<TestMember> {
  const password = `${username}-password-1`;
  const created = await admin.post('/api/staff', { username, displayName: `${username} name`, password, role });
  expect(created.status).toBe(201);
  const client = new Client(admin.baseUrl);
  await client.login(username, password);
  return { id: created.body.id, client, password };
}

/** Whether a fresh browser logs in with these credentials. */
export async function canLogIn(url: string, username: string, password: string): Promise<boolean> {
  return (await new Client(url).post('/api/auth/login', { username, password })).status === 200;
}
