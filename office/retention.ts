import { setImmediate as nextTurn } from 'node:timers/promises';
import type { NewOfficeEvent } from '../core/events.js';
import { compareOfficeDays, nextOfficeDay, startOfOfficeDay } from '../core/office-day.js';
import { lastExpiredDay, nextRetentionDue, retryAfterFailure } from '../core/retention.js';
import { summariseDay } from '../core/stats/daily-summary.js';
import { deletedNothing, type PurgedDetail } from '../db/retention.js';
import { StatsReader } from '../db/stats.js';
import type { Store } from '../db/store.js';

export interface RetentionDeps {
  store: Store;
  clock: () => number;
}

export interface RetentionRun {
  /** The days whose detail was deleted, oldest first (a day that had only undeletable leftovers is not one). */
  days: string[];
  tickets: number;
  events: number;
}

/**
 * Deletes the detail of every Copenhagen day past the retention, oldest first, one day per
 * transaction: each day's figures go into `daily_summaries`, its tickets, bookings, ID checks and
 * events are deleted, and a `retention.purged` event records what went and where the audit chain
 * now starts. A day at a time keeps the write lock short when a long-unused setting catches up
 * years at once; the job gives way to other requests between days. Safe to run any number of times.
 */
export async function runRetention(deps: RetentionDeps, stopped?: AbortSignal): Promise<RetentionRun> {
  const { store, clock } = deps;
  const repository = store.retention;
  const lastDay = lastExpiredDay(clock(), store.settings.get('retention').ticketDetailDays);
  const run: RetentionRun = { days: [], tickets: 0, events: 0 };
  // The day's tickets are read as the statistics read them, so the kept figures are theirs.
  const reader = new StatsReader(store.db.name);
  try {
    // A day's detail can outlast its purge: an event dated years early by a PC with a dead clock
    // battery waits for the events logged before it, a booking or ID check for the ticket that
    // points at it. A later day's purge takes such leftovers too (it deletes everything older
    // still allowed to go), so the walk jumps to the next day with detail instead of visiting
    // every empty day in between, and never visits a day twice.
    for (let day = repository.oldestDetailDay(); day !== null && compareOfficeDays(day, lastDay) <= 0; day = repository.oldestDetailDay(day)) {
      // Stopping between days leaves a consistent database; the next start catches up the rest.
      stopped?.throwIfAborted();
      const purged = purgeDay(deps, reader, day);
      if (purged !== null) {
        run.days.push(day);
        run.tickets += purged.tickets;
        run.events += purged.events;
      }
      await nextTurn();
    }
  } finally {
    reader.close();
  }
  store.change((tx) => ({ result: tx.retention.recordRun(clock()), events: [] }));
  return run;
}

/** Null when the day had only leftovers that cannot go yet: nothing is stored and no event logged for it. */
function purgeDay({ store, clock }: RetentionDeps, reader: StatsReader, day: string): PurgedDetail | null {
  return store.change<PurgedDetail | null>((tx) => {
    const now = clock();
    // Read inside the write transaction: nobody can change the day between reading and deleting.
    const summaries = summariseDay(day, [...reader.tickets(day, day)], tx.services.list(), now);
    const detail = tx.retention.purgeDay(day, startOfOfficeDay(nextOfficeDay(day)), summaries, now);
    if (summaries.length === 0 && deletedNothing(detail)) return { result: null, events: [] };
    const { anchor, ...counts } = detail;
    const event: NewOfficeEvent = {
      at: now,
      type: 'retention.purged',
      ticketId: null,
      counterId: null,
      staffId: null,
      // Verification checks the newest of these against the anchor (core/audit-chain.ts).
      data: { day, ...counts, ...(anchor ? { anchorSeq: anchor.seq, anchorHash: anchor.hash } : {}) },
    };
    return { result: detail, events: [event] };
  });
}

/**
 * Timers can fire a few milliseconds before the wall clock reaches their time; a second's slack
 * keeps a run from counting as the day before its own time and running again at once.
 */
const TIMER_SLACK_MS = 1000;

export interface DailyRetention {
  /** Cancels the next run and waits for one that is running, so the database can be closed. */
  stop(): Promise<void>;
}

/**
 * Runs `runRetention` every night at 02:30 Copenhagen time, and at once on start when a night
 * was missed (or it never ran), as the nightly backup does (server/backups.ts). When it last ran
 * is kept in the database, so restarting the host does not run it twice a day. A failed run is
 * tried again ten minutes later. The timer does not keep the process alive.
 */
export function scheduleDailyRetention(
  deps: RetentionDeps,
  report: { done: (run: RetentionRun) => void; failed: (error: unknown) => void },
): DailyRetention {
  const repository = deps.store.retention;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const stopping = new AbortController();

  const planAt = (due: number) => {
    if (stopping.signal.aborted) return;
    timer = setTimeout(runNow, Math.max(0, due - deps.clock()) + TIMER_SLACK_MS).unref();
  };
  const runNow = () => {
    running = runRetention(deps, stopping.signal).then(
      (run) => {
        report.done(run);
        planAt(nextRetentionDue({ now: deps.clock(), lastRunAt: repository.lastRunAt() }));
      },
      (error: unknown) => {
        if (stopping.signal.aborted) return;
        report.failed(error);
        planAt(retryAfterFailure(deps.clock()));
      },
    );
  };

  planAt(nextRetentionDue({ now: deps.clock(), lastRunAt: repository.lastRunAt() }));
  return {
    stop: async () => {
      stopping.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
