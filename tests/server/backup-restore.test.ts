import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeEvent } from '../../core/events.js';
import { runRestore } from '../support/child-host.js';
import { fillHistory } from '../support/office-history.js';
import { allowTicketBursts } from '../support/issuance-limits.js';
import { OfficeTraffic } from '../support/office-traffic.js';
import { readEventLog, sequenceFaults, sessionCookie } from '../support/sse.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
const folders: string[] = [];
beforeAll(async () => {
  running = await startTestHost();
});
afterAll(async () => {
  await running.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(name: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), `borgerservice-${name}-`));
  folders.push(folder);
  return folder;
}

async function lastSeq(url: string): Promise<number> {
  return (await new Client(url).get('/api/display')).body.lastSeq;
}

const STATUS_AFTER: Record<string, string> = { 'ticket.issued': 'waiting', 'ticket.called': 'called', 'ticket.finished': 'done' };

describe('POST /api/admin/backup', () => {
  it('is for admins only', async () => {
    expect((await new Client(running.url).post('/api/admin/backup')).status).toBe(401);
    const [clerk] = await clerks(running.url, 1);
    const [manager] = await clerks(running.url, 1, 'manager');
    expect((await clerk!.post('/api/admin/backup')).status).toBe(403);
    expect((await manager!.post('/api/admin/backup')).status).toBe(403);
    expect(existsSync(path.join(running.dataDir, 'backups'))).toBe(false);
  });

  it('backs up a busy office; restored, a host there finds every ticket, call and event from before the backup', async () => {
    const dataDir = tempFolder('busy');
    const restoredDir = tempFolder('restored');
    const office = await startTestHost({}, { DATA_DIR: dataDir });
    let restored: TestHost | undefined;
    try {
      // Weeks of history make the copy take many turns of the event loop, so the office's requests run in between.
      fillHistory(path.join(dataDir, 'office.sqlite'), { days: 25, ticketsPerServicePerDay: 60, now: Date.now() });
      const admin = new Client(office.url);
      await admin.login('admin', ADMIN_PASSWORD);
      await allowTicketBursts(office.url);
      const staff = await clerks(office.url, 3);
      for (const [i, clerk] of staff.entries()) await clerk.post(`/api/counters/${i + 1}/open`);
      const traffic = new OfficeTraffic([new Client(office.url), new Client(office.url)], staff.map((client, i) => ({ client, counterId: i + 1 })));
      await traffic.until(() => traffic.calls.length >= 10);

      // What existed when the backup started: everything acknowledged so far.
      const issuedBefore = new Map(traffic.issued);
      const callsBefore = [...traffic.calls];
      const finishedBefore = new Set(traffic.finished);
      const seqBefore = await lastSeq(office.url);
      const writesBefore = traffic.acknowledgedWrites;
      const backup = await admin.post('/api/admin/backup');
      const writesDuring = traffic.acknowledgedWrites - writesBefore;
      const seqAfter = await lastSeq(office.url);
      await traffic.stop();
      expect(backup.status).toBe(201);
      expect(writesDuring, 'tickets issued and calls made while the backup ran').toBeGreaterThan(0);
      expect(traffic.surprises).toEqual([]);
      expect(path.dirname(backup.body.file)).toBe(path.join(dataDir, 'backups'));
      expect(readdirSync(path.join(dataDir, 'backups')).sort()).toEqual(['document-hash.key', path.basename(backup.body.file)]);
      const cookie = await sessionCookie(office.url, 'admin', ADMIN_PASSWORD);
      const originalLog = await readEventLog(office.url, cookie);

      const restore = await runRestore([backup.body.file, '--data-dir', restoredDir]);
      expect(restore.code, restore.output).toBe(0);
      expect(restore.output).toMatch(/Restored .+ \(schema version \d+\) as /);
      expect(readFileSync(path.join(restoredDir, 'document-hash.key'))).toEqual(readFileSync(path.join(dataDir, 'document-hash.key')));

      restored = await startTestHost({}, { DATA_DIR: restoredDir });
      const seqInBackup = await lastSeq(restored.url);
      expect(seqInBackup).toBeGreaterThanOrEqual(seqBefore);
      expect(seqInBackup).toBeLessThanOrEqual(seqAfter);

      const restoredAdmin = new Client(restored.url);
      await restoredAdmin.login('admin', ADMIN_PASSWORD);
      for (const [id, number] of issuedBefore) expect((await restoredAdmin.get(`/api/tickets/${id}`)).body.number).toBe(number);
      for (const call of callsBefore) {
        const ticket = (await restoredAdmin.get(`/api/tickets/${call.ticketId}`)).body;
        expect(['called', 'serving', 'done']).toContain(ticket.status);
        expect(ticket.counterId).toBe(call.counterId);
        if (finishedBefore.has(call.ticketId)) expect(ticket.status).toBe('done');
      }

      // The restored log is the original's, event for event, up to the backup; then it carries on without a gap.
      const restoredLog = await readEventLog(restored.url, await sessionCookie(restored.url, 'admin', ADMIN_PASSWORD));
      expect(restoredLog.slice(0, seqInBackup)).toEqual(originalLog.slice(0, seqInBackup));
      expect(restoredLog.length).toBeGreaterThan(seqInBackup);
      expect(sequenceFaults(restoredLog.map((e) => e.seq))).toEqual({ missing: [], outOfOrder: [] });

      // One instant for all tables: each ticket is in the state its last event in the backup says.
      const lastEventOf = new Map<number, OfficeEvent['type']>();
      for (const event of restoredLog.slice(0, seqInBackup)) if (event.ticketId !== null) lastEventOf.set(event.ticketId, event.type);
      const db = new Database(path.join(restoredDir, 'office.sqlite'), { readonly: true });
      const tickets = db.prepare<[], { id: number; status: string }>('SELECT id, status FROM tickets').all();
      db.close();
      expect(tickets.length).toBe(lastEventOf.size);
      const mismatched = tickets.filter((t) => STATUS_AFTER[lastEventOf.get(t.id)!] !== t.status);
      expect(mismatched).toEqual([]);
    } finally {
      await restored?.stop();
      await office.stop();
    }
  });
});

describe('npm run restore', () => {
  it('refuses the data folder of a running host and changes nothing there', async () => {
    const admin = new Client(running.url);
    await admin.login('admin', ADMIN_PASSWORD);
    const backup = await admin.post('/api/admin/backup');
    expect(backup.status).toBe(201);
    const before = readdirSync(running.dataDir).sort();

    const restore = await runRestore([backup.body.file, '--data-dir', running.dataDir]);
    expect(restore.code).toBe(3);
    expect(restore.output).toMatch(/Restore refused: .*in use by a running office host/);
    expect(readdirSync(running.dataDir).sort()).toEqual(before);
    expect((await admin.get('/api/health')).status).toBe(200);
  });

  it('puts the backup’s document-hash key in place and keeps the different one it replaces', async () => {
    const admin = new Client(running.url);
    await admin.login('admin', ADMIN_PASSWORD);
    const backup = await admin.post('/api/admin/backup');
    const target = tempFolder('other-key');
    writeFileSync(path.join(target, 'document-hash.key'), 'another office key');

    const restore = await runRestore([backup.body.file, '--data-dir', target]);
    expect(restore.code, restore.output).toBe(0);
    expect(readFileSync(path.join(target, 'document-hash.key'))).toEqual(readFileSync(path.join(running.dataDir, 'document-hash.key')));
    const replaced = readdirSync(target).find((name) => name.startsWith('replaced-'))!;
    expect(readFileSync(path.join(target, replaced, 'document-hash.key'), 'utf8')).toBe('another office key');
    expect(restore.output).toMatch(/different key was moved to/);
  });

  it('explains its arguments when they are wrong', async () => {
    for (const args of [[], ['a.sqlite', 'b.sqlite'], ['a.sqlite', '--data']]) {
      const restore = await runRestore(args);
      expect(restore.code).toBe(2);
      expect(restore.output).toMatch(/Usage: npm run restore -- <backup-file> \[--data-dir DIR\]/);
    }
  });
});
