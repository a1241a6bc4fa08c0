import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { officeDayOf } from '../../core/office-day.js';
import { newTicket } from '../../core/ticket-lifecycle.js';
import { openStore, type Store } from '../../db/store.js';
import { fixtureWriter } from '../support/store-writer.js';
import { scheduleDailyRetention, type DailyRetention, type RetentionRun } from '../../office/retention.js';

const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

let dir: string;
let store: Store;
let job: DailyRetention | undefined;
const done: RetentionRun[] = [];
const failed: unknown[] = [];

beforeEach(() => {
  // Only the schedule's timer and the clock are faked; the database work is real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  dir = mkdtempSync(path.join(os.tmpdir(), 'retention-schedule-'));
  store = openStore(path.join(dir, 'office.sqlite'));
  store.db.prepare("INSERT INTO services (code, name_da, name_en) VALUES ('M', 'MitID', 'MitID')").run();
  fixtureWriter(store).settings.set('retention', { ticketDetailDays: 30 });
  done.length = 0;
  failed.length = 0;
});
afterEach(async () => {
  await job?.stop();
  job = undefined;
  vi.useRealTimers();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(): void {
  job = scheduleDailyRetention({ store, clock: () => Date.now() }, { done: (run) => done.push(run), failed: (error) => failed.push(error) });
}

/** Lets the job's real database work run until `count` results are in. */
async function settle(count: number): Promise<void> {
  for (let turns = 0; done.length + failed.length < count; turns++) {
    if (turns > 100_000) throw new Error('the retention run did not finish');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Gives a run that should not happen the chance to show up. */
async function idle(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A served ticket of the Copenhagen day of `arrivedAt`, with its event. */
function ticketAt(arrivedAt: number): void {
  fixtureWriter(store).write(() => {
    const t = fixtureWriter(store).tickets.create(newTicket({ number: 'M001', officeDay: officeDayOf(arrivedAt), serviceCode: 'M', arrivedAt }));
    fixtureWriter(store).events.append({ at: arrivedAt, type: 'ticket.issued', ticketId: t.id, counterId: null, staffId: null, data: { number: t.number } });
  });
}

const ticketDays = () => (store.db.prepare('SELECT office_day AS day FROM tickets ORDER BY office_day').all() as { day: string }[]).map((r) => r.day);

describe('the daily retention job', () => {
  it('runs at once the first time, then at 02:30 every night and not before', async () => {
    ticketAt(at('2026-10-01T10:00:00+02:00'));
    ticketAt(at('2026-10-26T10:00:00+01:00'));
    ticketAt(at('2026-10-27T10:00:00+01:00'));
    vi.setSystemTime(at('2026-11-25T15:00:00+01:00'));
    start();

    await vi.advanceTimersByTimeAsync(2000);
    await settle(1);
    expect(failed).toEqual([]);
    expect(done[0]!.days).toEqual(['2026-10-01']);
    expect(ticketDays()).toEqual(['2026-10-26', '2026-10-27']);

    // 02:29 the next night: nothing yet.
    await vi.advanceTimersByTimeAsync(11 * 60 * MINUTE + 29 * MINUTE);
    await idle();
    expect(done).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    await settle(2);
    expect(done[1]!.days).toEqual(['2026-10-26']);
    expect(ticketDays()).toEqual(['2026-10-27']);

    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    await settle(3);
    expect(done[2]!.days).toEqual(['2026-10-27']);
    expect(ticketDays()).toEqual([]);
  });

  it('does not run again when the host restarts after that night’s run', async () => {
    vi.setSystemTime(at('2026-11-25T02:29:00+01:00'));
    start();
    await vi.advanceTimersByTimeAsync(2000);
    await settle(1);
    await job!.stop();

    vi.setSystemTime(at('2026-11-25T09:00:00+01:00'));
    start();
    await vi.advanceTimersByTimeAsync(17 * 60 * MINUTE);
    await idle();
    expect(done).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(31 * MINUTE + 2000);
    await settle(2);
    expect(done).toHaveLength(2);
  });

  it('catches up at start when the PC was off at night', async () => {
    vi.setSystemTime(at('2026-11-22T02:30:00+01:00'));
    start();
    await vi.advanceTimersByTimeAsync(2000);
    await settle(1);
    await job!.stop();

    // Off for three nights; the ticket of 20 October has expired meanwhile.
    ticketAt(at('2026-10-20T10:00:00+02:00'));
    vi.setSystemTime(at('2026-11-25T08:00:00+01:00'));
    start();
    await vi.advanceTimersByTimeAsync(2000);
    await settle(2);
    expect(done[1]!.days).toEqual(['2026-10-20']);
    expect(ticketDays()).toEqual([]);
  });

  it('reports a failure and tries again ten minutes later', async () => {
    store.db.exec("CREATE TRIGGER disk_trouble BEFORE INSERT ON retention_runs BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    vi.setSystemTime(at('2026-11-25T10:00:00+01:00'));
    start();
    await vi.advanceTimersByTimeAsync(2000);
    await settle(1);
    expect(failed).toHaveLength(1);
    expect(String(failed[0])).toMatch(/disk I\/O error/);
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    await idle();
    expect(failed).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(MINUTE + 2000);
    await settle(2);
    expect(failed).toHaveLength(2);
  });
});
