import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOfOfficeDay } from '../../core/office-day.js';
import { AuditLogRepository, type AuditFilter } from '../../db/audit-log.js';
import { openStore, type Store } from '../../db/store.js';
import { fixtureWriter } from '../support/store-writer.js';

let dir: string;
let store: Store;
let log: AuditLogRepository;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'audit-log-'));
  store = openStore(path.join(dir, 'office.sqlite'));
  log = new AuditLogRepository(store.db);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const local = (iso: string) => Date.parse(iso);
const ALL: AuditFilter = { start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER, type: null, staffId: null, before: Number.MAX_SAFE_INTEGER, limit: 100 };
const day = (d: string): Pick<AuditFilter, 'start' | 'end'> => ({ start: startOfOfficeDay(d), end: startOfOfficeDay(d) + 24 * 3_600_000 });

function append(iso: string, type: 'staff.login' | 'config.changed' = 'staff.login', staffId: number | null = null): number {
  return fixtureWriter(store).write(() => fixtureWriter(store).events.append({ at: local(iso), type, ticketId: null, counterId: null, staffId, data: {} })).seq;
}

describe('the audit log page query', () => {
  it('lists a period newest first, by type, and pages backwards', () => {
    append('2026-11-23T09:00:00+01:00');
    const tuesday = [append('2026-11-24T08:00:00+01:00'), append('2026-11-24T12:00:00+01:00', 'config.changed'), append('2026-11-24T23:59:59+01:00')];
    append('2026-11-25T00:00:00+01:00');
    expect(log.entries({ ...ALL, ...day('2026-11-24') }).map((r) => r.seq)).toEqual([...tuesday].reverse());
    expect(log.entries({ ...ALL, ...day('2026-11-24'), type: 'config.changed' }).map((r) => r.seq)).toEqual([tuesday[1]]);
    expect(log.entries({ ...ALL, ...day('2026-11-24'), before: tuesday[2]!, limit: 1 }).map((r) => r.seq)).toEqual([tuesday[1]]);
    expect(log.entries({ ...ALL, ...day('2026-11-26') })).toEqual([]);
    expect(log.entries(ALL)).toHaveLength(5);
  });

  it('lists an event stamped by a clock set back with its neighbours in the sequence', () => {
    const first = append('2026-11-24T09:00:00+01:00');
    const stray = append('2026-11-23T22:00:00+01:00'); // the PC's clock was corrected backwards
    const last = append('2026-11-24T09:05:00+01:00');
    expect(log.entries({ ...ALL, ...day('2026-11-24') }).map((r) => r.seq)).toEqual([last, stray, first]);
  });
});
