/**
 * Booked citizens. A booking's code is unique only while it is open (`booked`), so codes can be
 * given again later. `tickets.appointment_id` links the ticket made at check-in to its booking, so
 * statistics can measure a booked citizen's wait from the slot rather than from the door.
 */
export const migration003 = `
CREATE TABLE appointments (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  service_code TEXT NOT NULL REFERENCES services(code),
  office_day TEXT NOT NULL,
  slot_start INTEGER NOT NULL,
  slot_end INTEGER NOT NULL CHECK (slot_end > slot_start),
  -- Personal data: staff-only, erased after the day plus the office's retention days.
  name TEXT CHECK (name IS NULL OR length(name) <= 40),
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'cancelled', 'no_show')),
  source TEXT NOT NULL CHECK (source IN ('staff', 'import')),
  external_uid TEXT,
  created_at INTEGER NOT NULL,
  checked_in_at INTEGER,
  arrival TEXT CHECK (arrival IN ('early', 'on_time', 'late'))
);
CREATE UNIQUE INDEX appointments_open_code ON appointments(code) WHERE status = 'booked';
CREATE UNIQUE INDEX appointments_external_uid ON appointments(external_uid) WHERE external_uid IS NOT NULL;
-- Capacity checks look for overlapping slots of one service.
CREATE INDEX appointments_by_service_slot ON appointments(service_code, slot_start) WHERE status IN ('booked', 'checked_in');
CREATE INDEX appointments_by_day ON appointments(office_day, slot_start);
CREATE INDEX appointments_open ON appointments(slot_start) WHERE status = 'booked';

ALTER TABLE tickets ADD COLUMN appointment_id INTEGER REFERENCES appointments(id);
CREATE INDEX tickets_by_appointment ON tickets(appointment_id) WHERE appointment_id IS NOT NULL;
`;
