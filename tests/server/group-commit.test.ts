import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfficeEvent } from '../../core/events.js';
import { officeDayOf } from '../../core/office-day.js';
import { openStore, type Store } from '../../db/store.js';
import { DATABASE_FILE } from '../../server/config.js';
import { conflict } from '../../server/errors.js';
import { EventBus } from '../../server/event-bus.js';
import { Office } from '../../office/queue.js';
import { seedIfEmpty } from '../../server/seed.js';
import { killHard, spawnHost } from '../support/child-host.js';
import { readEventLog, sequenceFaults, sessionCookie } from '../support/sse.js';
import { allowTicketBursts } from '../support/issuance-limits.js';
import { ADMIN_PASSWORD, Client, startTestHost, type JsonResponse } from '../support/test-host.js';

/**
 * A table and trigger a test adds to make COMMIT itself fail: every ticket of service P inserts a
 * row whose foreign key is broken but DEFERRED, so the statement succeeds and SQLite refuses the
 * transaction only at COMMIT — what a failing disk would do to a whole batch.
 */
const POISON_COMMITS_OF_P = `
  CREATE TABLE test_poison (ticket_id INTEGER REFERENCES tickets(id) DEFERRABLE INITIALLY DEFERRED);
  CREATE TRIGGER test_poison_p AFTER INSERT ON tickets WHEN NEW.service_code = 'P'
  BEGIN INSERT INTO test_poison VALUES (-1); END;`;
const CURE = 'DROP TRIGGER test_poison_p; DROP TABLE test_poison;';

const sequenceOf = (number: string) => Number(number.slice(1));

/** Ticket numbers per service, in numeric order. */
function numbersByService(numbers: readonly string[]): Map<string, number[]> {
  const byService = new Map<string, number[]>();
  for (const number of numbers) byService.set(number[0]!, [...(byService.get(number[0]!) ?? []), sequenceOf(number)]);
  for (const list of byService.values()) list.sort((a, b) => a - b);
  return byService;
}

const consecutiveFromOne = (list: readonly number[]) => list.every((n, i) => n === i + 1);

describe('group commit (store.change with { group: true }) with the office on a real SQLite file', () => {
  let dir: string;
  let store: Store;
  let reader: Database.Database;
  let bus: EventBus;
  let office: Office;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-group-commit-'));
    const file = path.join(dir, 'office.sqlite');
    store = openStore(file);
    await seedIfEmpty(store, ADMIN_PASSWORD, 14, Date.now());
    // A second connection sees only what is committed, like the office after a crash.
    reader = new Database(file, { readonly: true });
    bus = new EventBus();
    store.onCommitted((events) => bus.publish(events));
    office = new Office(store, Date.now);
  });
  afterEach(() => {
    reader.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const committedTickets = () => (reader.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

  it('writes the issues asked for in one turn in one transaction, with consecutive numbers', async () => {
    const first = [1, 2, 3].map(() => office.issueTicket({ serviceCode: 'M' }, { staffId: null }));
    const probe = store.change(() => ({
      result: {
        inTransaction: store.db.inTransaction,
        seenInside: (store.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n,
        seenCommitted: committedTickets(),
      },
      events: [],
    }), { group: true });
    const rest = [4, 5, 6].map(() => office.issueTicket({ serviceCode: 'M' }, { staffId: null }));

    const tickets = await Promise.all([...first, ...rest]);
    // Inside the batch the first three are written but not committed: one transaction, not three.
    expect(await probe).toEqual({ inTransaction: true, seenInside: 3, seenCommitted: 0 });
    expect(tickets.map((t) => t.number)).toEqual(['M001', 'M002', 'M003', 'M004', 'M005', 'M006']);
    expect(committedTickets()).toBe(6);
  });

  it('rolls back a change that fails after writing, and only that one; its number is given to the next', async () => {
    const before = office.issueTicket({ serviceCode: 'K' }, { staffId: null });
    const failing = store.change((tx) => {
      tx.tickets.nextSequence(officeDayOf(Date.now()), 'K');
      throw conflict('test_refused', 'refused after taking a number');
    }, { group: true });
    const unknownService = office.issueTicket({ serviceCode: 'Z' }, { staffId: null });
    const after = office.issueTicket({ serviceCode: 'K' }, { staffId: null });

    await expect(failing).rejects.toMatchObject({ status: 409, code: 'test_refused' });
    await expect(unknownService).rejects.toMatchObject({ kind: 'invalid', code: 'unknown_service' });
    expect([(await before).number, (await after).number]).toEqual(['K001', 'K002']);
    expect(reader.prepare("SELECT last_number FROM day_sequences WHERE service_code = 'K'").get()).toEqual({ last_number: 2 });
    expect(committedTickets()).toBe(2);
  });

  it('publishes events only once they are committed, in sequence order, also around a synchronous commit', async () => {
    const published: Array<{ seq: number; committed: boolean }> = [];
    const isCommitted = reader.prepare<[number], { seq: number }>('SELECT seq FROM events WHERE seq = ?');
    bus.subscribe((event) => published.push({ seq: event.seq, committed: isCommitted.get(event.seq) !== undefined }));

    const issues = ['M', 'P', 'K'].map((serviceCode) => office.issueTicket({ serviceCode }, { staffId: null }));
    // Committed at once, before the batch that was asked for first: it must not land between its events.
    store.change(() => ({ result: undefined, events: [{ at: Date.now(), type: 'config.changed', ticketId: null, counterId: null, staffId: 1, data: { key: 'test' } }] }));
    expect(published).toHaveLength(1);
    issues.push(...['A', 'M'].map((serviceCode) => office.issueTicket({ serviceCode }, { staffId: null })));
    expect(published).toHaveLength(1);
    await Promise.all(issues);

    expect(published.every((p) => p.committed)).toBe(true);
    expect(sequenceFaults(published.map((p) => p.seq))).toEqual({ missing: [], outOfOrder: [] });
    expect(published).toHaveLength(6);
  });

  it('rejects every change of a batch whose COMMIT fails with a 503, and stores and publishes none of it', async () => {
    const published: OfficeEvent[] = [];
    bus.subscribe((event) => published.push(event));
    await office.issueTicket({ serviceCode: 'M' }, { staffId: null });
    const sequencesBefore = reader.prepare('SELECT * FROM day_sequences ORDER BY service_code').all();
    const lastSeqBefore = store.events.lastSeq();
    store.db.exec(POISON_COMMITS_OF_P);

    const batch = ['M', 'P', 'K'].map((serviceCode) => office.issueTicket({ serviceCode }, { staffId: null }));
    for (const issue of batch) {
      await expect(issue).rejects.toMatchObject({ name: 'ChangeNotSavedError', code: 'not_saved', cause: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' } });
    }
    expect(store.db.inTransaction).toBe(false);
    expect(committedTickets()).toBe(1);
    expect(reader.prepare('SELECT * FROM day_sequences ORDER BY service_code').all()).toEqual(sequencesBefore);
    expect(store.events.lastSeq()).toBe(lastSeqBefore);
    expect(published.map((e) => e.seq)).toEqual([lastSeqBefore]);

    store.db.exec(CURE);
    const next = await Promise.all(['M', 'P'].map((serviceCode) => office.issueTicket({ serviceCode }, { staffId: null })));
    expect(next.map((t) => t.number)).toEqual(['M002', 'P001']);
  });
});

describe('group-committed issuance through the real host on loopback', () => {
  const issueBurst = (kiosk: Client, bodies: readonly object[]) => Promise.all(bodies.map((body) => kiosk.post('/api/tickets', body)));
  const services = (count: number) => Array.from({ length: count }, (_, i) => ({ serviceCode: 'MPKA'[i % 4]! }));

  it('answers a burst with consecutive numbers, committed before each answer; a bad request in it gets its own 400', async () => {
    const running = await startTestHost();
    const reader = new Database(path.join(running.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const bodies: object[] = services(24);
      bodies.splice(11, 0, { serviceCode: 'M', idCheckId: 999_999 });
      const answers = await issueBurst(new Client(running.url), bodies);

      const bad = answers.splice(11, 1)[0]!;
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('unknown_id_check');
      expect(answers.map((a) => a.status)).toEqual(Array(24).fill(201));
      for (const list of numbersByService(answers.map((a) => a.body.number)).values()) expect(consecutiveFromOne(list)).toBe(true);
      const committed = reader.prepare<[number], { number: string }>('SELECT number FROM tickets WHERE id = ?');
      for (const answer of answers) expect(committed.get(answer.body.id)?.number).toBe(answer.body.number);

      const log = await readEventLog(running.url, await sessionCookie(running.url, 'admin', ADMIN_PASSWORD));
      expect(sequenceFaults(log.map((e) => e.seq))).toEqual({ missing: [], outOfOrder: [] });
      const issuedEvents = log.filter((e) => e.type === 'ticket.issued').map((e) => e.ticketId);
      expect(issuedEvents.sort((a, b) => a! - b!)).toEqual(answers.map((a) => a.body.id).sort((a, b) => a - b));
    } finally {
      reader.close();
      await running.stop();
    }
  });

  it('answers 503 to the requests of a batch whose COMMIT fails, stores none of them, and numbers on without a gap', async () => {
    const running = await startTestHost();
    const file = path.join(running.dataDir, DATABASE_FILE);
    const saboteur = new Database(file);
    try {
      saboteur.exec(POISON_COMMITS_OF_P);
      const kiosk = new Client(running.url);
      const answers = await issueBurst(kiosk, services(16));

      const stored = answers.filter((a) => a.status === 201);
      const refused = answers.filter((a) => a.status !== 201);
      expect(answers.filter((a) => a.body.number?.startsWith('P'))).toEqual([]);
      expect(refused.length).toBeGreaterThanOrEqual(4);
      for (const answer of refused) expect(answer).toMatchObject({ status: 503, body: { error: { code: 'not_saved' } } });
      expect(saboteur.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: stored.length });
      expect(saboteur.prepare('SELECT count(*) AS n FROM test_poison').get()).toEqual({ n: 0 });

      saboteur.exec(CURE);
      const byService = numbersByService(stored.map((a) => a.body.number));
      const next: Array<JsonResponse> = [];
      for (const serviceCode of 'MPKA') next.push(await kiosk.post('/api/tickets', { serviceCode }));
      for (const answer of next) {
        expect(answer.status).toBe(201);
        const previous = byService.get(answer.body.serviceCode) ?? [];
        expect(consecutiveFromOne(previous)).toBe(true);
        expect(sequenceOf(answer.body.number)).toBe(previous.length + 1);
      }
      const log = await readEventLog(running.url, await sessionCookie(running.url, 'admin', ADMIN_PASSWORD));
      expect(sequenceFaults(log.map((e) => e.seq))).toEqual({ missing: [], outOfOrder: [] });
      expect(log.filter((e) => e.type === 'ticket.issued')).toHaveLength(stored.length + next.length);
    } finally {
      saboteur.close();
      await running.stop();
    }
  });

  it('keeps every acknowledged ticket of concurrent bursts when the host is killed with SIGKILL mid-burst', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-group-commit-kill-'));
    try {
      const host = await spawnHost({ DATA_DIR: dataDir, ADMIN_PASSWORD });
      await allowTicketBursts(host.url);
      const acknowledged = new Map<number, string>();
      let stopped = false;
      const kiosks = Array.from({ length: 8 }, () => new Client(host.url));
      const bursts = (async () => {
        for (let round = 0; !stopped; round++) {
          await Promise.all(
            kiosks.map(async (kiosk, i) => {
              const answer = await kiosk.post('/api/tickets', { serviceCode: 'MPKA'[(round + i) % 4] }).catch(() => null);
              if (answer?.status === 201) acknowledged.set(answer.body.id, answer.body.number);
            }),
          );
        }
      })();
      const deadline = Date.now() + 15_000;
      while (acknowledged.size < 60 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
      await killHard(host);
      stopped = true;
      await bursts;
      expect(acknowledged.size).toBeGreaterThanOrEqual(60);

      const db = new Database(path.join(dataDir, DATABASE_FILE));
      try {
        const byId = db.prepare<[number], { number: string }>('SELECT number FROM tickets WHERE id = ?');
        for (const [id, number] of acknowledged) expect(byId.get(id)?.number, `acknowledged ticket ${number}`).toBe(number);
        const numbers = db.prepare('SELECT number FROM tickets').all() as Array<{ number: string }>;
        for (const list of numbersByService(numbers.map((r) => r.number)).values()) expect(consecutiveFromOne(list)).toBe(true);
        const seqs = (db.prepare('SELECT seq FROM events ORDER BY seq').all() as Array<{ seq: number }>).map((r) => r.seq);
        expect(sequenceFaults(seqs)).toEqual({ missing: [], outOfOrder: [] });
      } finally {
        db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
