/**
 * Released migrations are never edited: a change is a new numbered file. Times are epoch
 * milliseconds; booleans are 0/1; JSON columns hold small structured values.
 */
export const migration001 = `
CREATE TABLE services (
  code TEXT PRIMARY KEY CHECK (length(code) = 1 AND code BETWEEN 'A' AND 'Z'),
  name_da TEXT NOT NULL,
  name_en TEXT NOT NULL,
  needs_id_check INTEGER NOT NULL DEFAULT 0,
  sla_minutes INTEGER NOT NULL DEFAULT 20,
  active INTEGER NOT NULL DEFAULT 1,
  sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('clerk', 'manager', 'admin')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

-- held_by is UNIQUE: one person holds at most one counter (a bug peers' users suffered).
CREATE TABLE counters (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  ordering TEXT NOT NULL DEFAULT 'arrival' CHECK (ordering IN ('arrival', 'preference')),
  held_by INTEGER UNIQUE REFERENCES staff(id),
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE counter_services (
  counter_id INTEGER NOT NULL REFERENCES counters(id),
  service_code TEXT NOT NULL REFERENCES services(code),
  rank INTEGER NOT NULL,
  PRIMARY KEY (counter_id, service_code)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);

CREATE TABLE kiosk_devices (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

-- Only the outcome of a check, never the document: no name, number, birth date or MRZ text.
CREATE TABLE id_checks (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'supplement_required', 'rejected')),
  reasons TEXT NOT NULL DEFAULT '[]',
  format TEXT,
  document_type TEXT,
  issuing_state TEXT,
  expires_on TEXT,
  age_bracket TEXT,
  document_hash TEXT,
  source TEXT NOT NULL DEFAULT 'kiosk'
);

CREATE TABLE day_sequences (
  office_day TEXT NOT NULL,
  service_code TEXT NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (office_day, service_code)
);

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL,
  office_day TEXT NOT NULL,
  service_code TEXT NOT NULL REFERENCES services(code),
  priority TEXT NOT NULL CHECK (priority IN ('urgent', 'appointment', 'normal')),
  urgent_reason TEXT CHECK (urgent_reason IN ('hospital_summons', 'other')),
  status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'transferred')),
  arrived_at INTEGER NOT NULL,
  callable_at INTEGER NOT NULL,
  called_at INTEGER,
  started_at INTEGER,
  finished_at INTEGER,
  call_count INTEGER NOT NULL DEFAULT 0,
  counter_id INTEGER REFERENCES counters(id),
  staff_id INTEGER REFERENCES staff(id),
  outcome TEXT CHECK (outcome IN ('mitid_issued', 'refused_no_valid_id', 'referred', 'other')),
  id_check_id INTEGER REFERENCES id_checks(id),
  supplement_declared INTEGER,
  manual_id_check INTEGER NOT NULL DEFAULT 0,
  estimated_wait_minutes INTEGER,
  transferred_from_id INTEGER REFERENCES tickets(id),
  walk_up INTEGER NOT NULL DEFAULT 0
);
-- A number is given once a day; the ticket continuing a transfer keeps its number.
CREATE UNIQUE INDEX tickets_number_once_a_day ON tickets(office_day, number) WHERE transferred_from_id IS NULL;
-- A counter holds at most one current ticket, whatever the code above the database does.
CREATE UNIQUE INDEX tickets_one_current_per_counter ON tickets(counter_id) WHERE status IN ('called', 'serving');
-- The head of each line (service × priority) is one index step away, however long the queue.
CREATE INDEX tickets_waiting ON tickets(service_code, priority, callable_at, id) WHERE status = 'waiting';
CREATE INDEX tickets_by_day ON tickets(office_day);

CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  ticket_id INTEGER,
  counter_id INTEGER,
  staff_id INTEGER,
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_by_time ON events(at);
CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Office configuration as JSON values (queue policy, ID rules, opening hours, office name …).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
