import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, schemaVersion } from '../../db/database.js';
import { MIGRATIONS } from '../../db/migrations/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening the office database', () => {
  it('creates the schema at the newest version with WAL, full sync and foreign keys', () => {
    const db = openDatabase(path.join(dir, 'office.sqlite'));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    db.close();
  });

  it('runs only the migrations a database lacks, so reopening changes nothing', () => {
    const file = path.join(dir, 'office.sqlite');
    const first = openDatabase(file);
    first.prepare("INSERT INTO settings (key, value) VALUES ('officeName', '\"Borgerservice Aarhus\"')").run();
    first.close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT value FROM settings').get()).toEqual({ value: '"Borgerservice Aarhus"' });
    again.close();
  });

  it('upgrades a database made by an older version step by step', () => {
    const file = path.join(dir, 'office.sqlite');
    const old = new Database(file);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a database from a newer program instead of damaging it', () => {
    const file = path.join(dir, 'office.sqlite');
    const newer = new Database(file);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(/newer than this program/);
  });

  it('keeps the event log append-only', () => {
    const db = openDatabase(path.join(dir, 'office.sqlite'));
    db.prepare("INSERT INTO events (at, type) VALUES (1, 'staff.login')").run();
    expect(() => db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    db.close();
  });

  it('explains a folder it cannot write to, in one sentence', () => {
    // /proc/self is a folder even root cannot create files in.
    expect(() => openDatabase('/proc/self/office.sqlite')).toThrow(/Cannot open the database .* for writing/);
  });
});
