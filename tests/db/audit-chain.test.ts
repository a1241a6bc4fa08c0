import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain, type ChainVerification } from '../../core/audit-chain.js';
import type { NewOfficeEvent } from '../../core/events.js';
import { sha256Hex } from '../../db/audit-chain.js';
import { AuditChainReader } from '../../db/audit-log.js';
import { openDatabase } from '../../db/database.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { openStore, type Store } from '../../db/store.js';
import { fixtureWriter } from '../support/store-writer.js';

let dir: string;
let file: string;
const open: Store[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'audit-chain-'));
  file = path.join(dir, 'office.sqlite');
});
afterEach(() => {
  for (const store of open.splice(0)) if (store.db.open) store.close();
  rmSync(dir, { recursive: true, force: true });
});

function store(): Store {
  const s = openStore(file);
  open.push(s);
  return s;
}

const login = (at: number, staffId = 1): NewOfficeEvent => ({ at, type: 'staff.login', ticketId: null, counterId: null, staffId, data: {} });

function verify(): ChainVerification {
  const reader = new AuditChainReader(file);
  try {
    return verifyChain(sha256Hex, reader.rows(), reader.anchor, reader.highestSeq);
  } finally {
    reader.close();
  }
}

function appendMany(s: Store, count: number, from = 1): void {
  fixtureWriter(s).write(() => {
    for (let i = 0; i < count; i++) fixtureWriter(s).events.append(login(from + i));
  });
}

describe('the hash chain as the host writes it', () => {
  it('stores a hash with every event, each chained to the one before', () => {
    const s = store();
    appendMany(s, 5);
    const rows = s.db.prepare('SELECT seq, hash FROM events ORDER BY seq').all() as { seq: number; hash: string }[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
    expect(verify()).toMatchObject({ ok: true, checked: 5, lastSeq: 5, lastHash: rows[4]!.hash });
  });

  it('continues the chain after a restart', () => {
    const first = store();
    appendMany(first, 3);
    first.close();
    const second = store();
    expect(fixtureWriter(second).events.append(login(10)).seq).toBe(4);
    expect(verify()).toMatchObject({ ok: true, checked: 4 });
  });

  it('stays whole when a transaction holding appends is rolled back', () => {
    const s = store();
    appendMany(s, 2);
    expect(() =>
      fixtureWriter(s).write(() => {
        fixtureWriter(s).events.append(login(3));
        fixtureWriter(s).events.append(login(4));
        throw new Error('the change failed after its events were appended');
      }),
    ).toThrow(/the change failed/);
    expect(fixtureWriter(s).events.append(login(5)).seq).toBe(3);
    expect(verify()).toMatchObject({ ok: true, checked: 3 });
  });

  it('stays whole when a rollback is followed by a row from another connection taking the freed number', () => {
    const s = store();
    appendMany(s, 2);
    expect(() =>
      fixtureWriter(s).write(() => {
        fixtureWriter(s).events.append(login(3));
        throw new Error('the change failed after its event was appended');
      }),
    ).toThrow(/the change failed/);
    const tool = new Database(file);
    tool.prepare("INSERT INTO events (at, type, data) VALUES (4, 'staff.logout', '{}')").run();
    tool.close();
    expect(fixtureWriter(s).events.append(login(5)).seq).toBe(4);
    expect(verify()).toMatchObject({ ok: true, checked: 4 });
  });

  it('stays whole when a rolled-back savepoint held an append and another connection appends after the commit', () => {
    const s = store();
    appendMany(s, 1);
    // As server/group-commit.ts runs each change of a batch.
    const inSavepoint = s.db.transaction(() => {
      fixtureWriter(s).events.append(login(2));
      throw new Error('one change of the batch failed');
    });
    fixtureWriter(s).write(() => expect(() => inSavepoint()).toThrow(/one change of the batch failed/));
    appendMany(store(), 1, 3);
    expect(fixtureWriter(s).events.append(login(4)).seq).toBe(3);
    expect(verify()).toMatchObject({ ok: true, checked: 3 });
  });

  it('stays whole when another connection appends meanwhile', () => {
    const host = store();
    appendMany(host, 2);
    const other = store();
    appendMany(other, 2, 100);
    expect(fixtureWriter(host).events.append(login(200)).seq).toBe(5);
    expect(verify()).toMatchObject({ ok: true, checked: 5 });
  });

  it('seals rows a tool wrote without a hash, in order, when it next appends', () => {
    const host = store();
    appendMany(host, 2);
    const tool = new Database(file);
    tool.prepare("INSERT INTO events (at, type, data) VALUES (50, 'counter.opened', '{\"counterName\":\"Skranke 1\"}')").run();
    tool.close();
    expect(fixtureWriter(host).events.append(login(60)).seq).toBe(4);
    expect(verify()).toMatchObject({ ok: true, checked: 4 });
  });
});

describe('the database guards the chain', () => {
  it('refuses edits, deletions and un-sealing of events', () => {
    const s = store();
    appendMany(s, 3);
    expect(() => s.db.prepare("UPDATE events SET data = '{\"x\":1}' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('UPDATE events SET hash = NULL WHERE seq = 2').run()).toThrow(/append-only/);
    expect(() => s.db.prepare("UPDATE events SET hash = 'f' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM events WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('still takes a row written without a hash by a tool, and still refuses changing or deleting it', () => {
    const s = store();
    s.db.prepare("INSERT INTO events (at, type) VALUES (1, 'staff.login')").run();
    expect(() => s.db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });

  it('refuses a hashed row that does not take the next number', () => {
    const s = store();
    appendMany(s, 3);
    const insert = s.db.prepare("INSERT INTO events (seq, at, type, data, hash) VALUES (?, 1, 'staff.login', '{}', 'x')");
    expect(() => insert.run(7)).toThrow(/does not follow the chain/);
    expect(() => insert.run(3)).toThrow();
  });
});

describe('an office database from before the chain', () => {
  /** A version-4 database with events, as the previous release left it. */
  function olderDatabase(events: number): void {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    MIGRATIONS.slice(0, 4).forEach((sql) => db.exec(sql));
    db.pragma('user_version = 4');
    const insert = db.prepare("INSERT INTO events (at, type, staff_id, data) VALUES (?, 'staff.login', 1, '{}')");
    db.transaction(() => {
      for (let i = 1; i <= events; i++) insert.run(i * 1000);
    })();
    db.close();
  }

  it('gets its events sealed into the chain when the host opens it', () => {
    olderDatabase(25_000);
    const s = store();
    expect(s.db.prepare('SELECT count(*) AS n FROM events WHERE hash IS NULL').get()).toEqual({ n: 0 });
    expect(fixtureWriter(s).events.append(login(10_000_000)).seq).toBe(25_001);
    expect(verify()).toMatchObject({ ok: true, checked: 25_001 });
  });

  it('never seals a row whose hash was removed in the middle of the chain: that is an edit', () => {
    const s = store();
    appendMany(s, 4);
    s.close();
    const tamper = new Database(file);
    tamper.exec('DROP TRIGGER events_are_append_only_update');
    tamper.prepare('UPDATE events SET hash = NULL WHERE seq = 2').run();
    tamper.close();
    const reopened = store();
    expect(reopened.db.prepare('SELECT hash FROM events WHERE seq = 2').get()).toEqual({ hash: null });
    expect(verify()).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('leaves a fresh database with a chain that verifies empty', () => {
    openDatabase(file).close();
    expect(verify()).toEqual({ ok: true, checked: 0, lastSeq: null, lastHash: null });
  });
});
