/**
 * The audit trail as a hash chain (core/audit-chain.ts), and retention of ticket detail.
 *
 * - `events.hash`: rows written before this version, or by tools writing straight into the file,
 *   start without one; the host seals them, oldest first, when it opens the database
 *   (db/audit-chain.ts). SQL has no SHA-256, so sealing cannot happen in this migration.
 * - The update trigger now lets exactly one update through: giving an unsealed row its hash, with
 *   nothing else changed. Anything else is still refused.
 * - A hashed row must take the next sequence number SQLite would give (`sqlite_sequence` + 1). The
 *   host reads the head inside each append's transaction (db/events.ts), so it never trips this;
 *   the trigger stays for every other writer of a hashed row (an older host version on a restored
 *   file, a second host process, a tool): reusing a purged or cut-off number, or skipping one, is
 *   refused when written instead of surfacing weeks later as a break in verification. It cannot
 *   check the hash itself (SQL has no SHA-256), which is why the host must not cache the head.
 * - Retention deletes the oldest events. Rather than dropping the delete trigger for a moment, the
 *   trigger allows deleting exactly the events at or below `audit_anchor.seq`: the retention job
 *   records the last event it deletes (its sequence number and hash) there first, in the same
 *   transaction, and the chain then starts from that anchor. An event above the anchor still
 *   cannot be deleted, and moving the anchor by hand is found by verification, because every
 *   purge also appends a `retention.purged` event naming the anchor it set.
 * - `daily_summaries`: the figures of each purged day and service (seconds), kept after the
 *   tickets are gone.
 * - `retention_runs`: when the daily retention job last ran, so it runs once a day and catches up
 *   after a night the PC was off.
 * - Retention deletes ID checks no remaining ticket refers to; this index answers that question
 *   per check instead of scanning all tickets. It holds only tickets with a check.
 */
export const migration005 = `
ALTER TABLE events ADD COLUMN hash TEXT;
CREATE INDEX events_unsealed ON events(seq) WHERE hash IS NULL;

CREATE TABLE audit_anchor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  purged_at INTEGER NOT NULL
);

DROP TRIGGER IF EXISTS events_are_append_only_update;
CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
  WHEN OLD.hash IS NOT NULL OR NEW.hash IS NULL
    OR NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at OR NEW.type IS NOT OLD.type
    OR NEW.ticket_id IS NOT OLD.ticket_id OR NEW.counter_id IS NOT OLD.counter_id
    OR NEW.staff_id IS NOT OLD.staff_id OR NEW.data IS NOT OLD.data
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

DROP TRIGGER IF EXISTS events_are_append_only_delete;
CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
  WHEN OLD.seq > coalesce((SELECT seq FROM audit_anchor WHERE id = 1), 0)
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TRIGGER events_follow_the_chain BEFORE INSERT ON events
  WHEN NEW.hash IS NOT NULL AND NEW.seq IS NOT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) + 1
  BEGIN SELECT RAISE(ABORT, 'event does not follow the chain'); END;

CREATE TABLE daily_summaries (
  office_day TEXT NOT NULL,
  service_code TEXT NOT NULL,
  issued INTEGER NOT NULL,
  served INTEGER NOT NULL,
  no_show INTEGER NOT NULL,
  cancelled INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  wait_count INTEGER NOT NULL,
  wait_avg_s REAL,
  wait_median_s REAL,
  wait_p90_s REAL,
  wait_max_s REAL,
  service_count INTEGER NOT NULL,
  service_avg_s REAL,
  PRIMARY KEY (office_day, service_code)
);

CREATE TABLE retention_runs (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_run_at INTEGER NOT NULL
);

CREATE INDEX tickets_by_id_check ON tickets(id_check_id) WHERE id_check_id IS NOT NULL;
`;
