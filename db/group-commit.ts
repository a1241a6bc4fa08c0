import type { OfficeEvent } from '../core/events.js';
import type { Db } from './database.js';
import { ChangeNotSavedError } from './storage-failure.js';
import type { ChangeWithEvents } from './store.js';

interface PendingChange<T> {
  work: ChangeWithEvents<T>;
  resolve(result: T): void;
  reject(error: unknown): void;
}

type Applied = { ok: true; result: unknown; events: OfficeEvent[] } | { ok: false; error: unknown };

type Apply = (work: ChangeWithEvents<unknown>) => { result: unknown; events: OfficeEvent[] };

/**
 * Group commit, the `{ group: true }` option of `store.change`. better-sqlite3 is synchronous and
 * synchronous=FULL makes every COMMIT wait for the disk, so committing each request alone makes the
 * host alternate CPU and disk sync for every ticket, with the event loop blocked during each sync.
 * Instead, the changes handed to `run` within one event-loop turn (requests read from the sockets
 * in the same poll phase, and those that arrived while the previous batch was syncing) are written
 * in ONE transaction, one disk sync.
 *
 * - Each change runs in its own SAVEPOINT: one that throws (a refusal) is rolled back alone,
 *   ticket numbers and event sequence numbers it took included, and only its caller gets the error.
 * - Every caller is answered only after COMMIT returned: an acknowledged change is on disk.
 * - Events are published after COMMIT, in sequence order, like any other change.
 * - When the transaction as a whole fails (COMMIT refused, or SQLite rolled it back itself on a
 *   disk error), every change in the batch is rejected with `ChangeNotSavedError` (503) and none
 *   of them is stored or published.
 *
 * The flush is synchronous, so a change made without the option never interleaves with a batch:
 * it simply commits before or after it, and the event sequence stays in publication order.
 */
export class GroupCommitter {
  private pending: Array<PendingChange<unknown>> = [];
  private flushScheduled = false;
  /** Called inside the batch's transaction, better-sqlite3 runs a transaction function as a SAVEPOINT. */
  private readonly inSavepoint: Apply;

  constructor(
    private readonly db: Db,
    apply: Apply,
    private readonly publish: (events: readonly OfficeEvent[]) => void,
  ) {
    this.inSavepoint = db.transaction(apply);
  }

  /** Resolves with the change's result once it is committed, or rejects with its own error or the batch's. */
  run<T>(work: ChangeWithEvents<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve, reject } as PendingChange<unknown>);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate runs after the poll phase: every request already read in this turn joins.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.flushScheduled = false;
    let applied: Applied[];
    try {
      applied = this.db.transaction(() => batch.map((change) => this.apply(change))).immediate();
    } catch (error) {
      const notSaved = new ChangeNotSavedError(error);
      for (const change of batch) change.reject(notSaved);
      return;
    }
    batch.forEach((change, i) => {
      const outcome = applied[i]!;
      if (outcome.ok) change.resolve(outcome.result);
      else change.reject(outcome.error);
    });
    this.publish(applied.flatMap((outcome) => (outcome.ok ? outcome.events : [])));
  }

  private apply(change: PendingChange<unknown>): Applied {
    try {
      return { ok: true, ...this.inSavepoint(change.work) };
    } catch (error) {
      // Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction: the
      // batch's earlier changes are gone, and later ones must not run outside a transaction.
      if (!this.db.inTransaction) throw error;
      return { ok: false, error };
    }
  }
}
