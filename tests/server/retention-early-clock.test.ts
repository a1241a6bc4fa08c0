import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officeDayOf } from '../../core/office-day.js';
import { newTicket } from '../../core/ticket-lifecycle.js';
import { openStore, type Store } from '../../db/store.js';
import { fixtureWriter } from '../support/store-writer.js';
import { verifyAuditChain } from '../../office/audit-verification.js';
import { runRetention, type RetentionRun } from '../../office/retention.js';

const at = (iso: string) => Date.parse(iso);

let dir: string;
let file: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'retention-early-clock-'));
  file = path.join(dir, 'office.sqlite');
  store = openStore(file);
  store.db.prepare("INSERT INTO services (code, name_da, name_en) VALUES ('M', 'MitID', 'MitID')").run();
  fixtureWriter(store).settings.set('retention', { ticketDetailDays: 30 });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A ticket of the Copenhagen day of `arrivedAt`, with its event. */
function ticketAt(arrivedAt: number): void {
  fixtureWriter(store).write(() => {
    const t = fixtureWriter(store).tickets.create(newTicket({ number: 'M001', officeDay: officeDayOf(arrivedAt), serviceCode: 'M', arrivedAt }));
    fixtureWriter(store).events.append({ at: arrivedAt, type: 'ticket.issued', ticketId: t.id, counterId: null, staffId: null, data: { number: t.number } });
  });
}

function nightAt(now: number): Promise<RetentionRun> {
  return runRetention({ store, clock: () => now });
}

const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
const purgeEvents = () => count("SELECT count(*) AS n FROM events WHERE type = 'retention.purged'");

describe('retention with an event stamped by a wrong, early clock', () => {
  it('purges only the days that have detail, logs no empty purges, and lets the early event go with a later day', async () => {
    ticketAt(at('2026-05-01T10:00:00+02:00'));
    ticketAt(at('2026-05-20T10:00:00+02:00'));
    // Logged after the kept ticket by a PC whose clock battery died: it cannot go before that ticket's event does.
    fixtureWriter(store).write(() => fixtureWriter(store).events.append({ at: at('2000-01-01T10:00:00+01:00'), type: 'config.changed', ticketId: null, counterId: null, staffId: null, data: { key: 'retention' } }));

    const first = await nightAt(at('2026-06-05T02:30:00+02:00'));
    expect(first.days).toEqual(['2026-05-01']);
    expect(purgeEvents()).toBe(1);
    expect(count('SELECT count(*) AS n FROM events')).toBe(3);

    const second = await nightAt(at('2026-06-06T02:30:00+02:00'));
    expect(second).toEqual({ days: [], tickets: 0, events: 0 });
    expect(purgeEvents()).toBe(1);
    expect(count('SELECT count(*) AS n FROM events')).toBe(3);
    expect(count('SELECT count(*) AS n FROM daily_summaries')).toBe(1);

    const later = await nightAt(at('2026-06-25T02:30:00+02:00'));
    expect(later.days).toEqual(['2026-05-20']);
    expect(count(`SELECT count(*) AS n FROM events WHERE at < ${at('2026-01-01T00:00:00+01:00')}`)).toBe(0);
    expect(purgeEvents()).toBe(2);
    expect(await verifyAuditChain(file)).toMatchObject({ ok: true });
  });
});
