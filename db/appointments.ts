import type { Slot } from '../core/appointments/capacity.js';
import type { Appointment, AppointmentSource, AppointmentStatus, Arrival } from '../core/appointments/types.js';
import type { Db } from './database.js';
import { FOUR_DIGIT_OFFICE_DAY } from './office-day-sql.js';

interface AppointmentRow {
  id: number;
  code: string;
  service_code: string;
  office_day: string;
  slot_start: number;
  slot_end: number;
  name: string | null;
  status: string;
  source: string;
  external_uid: string | null;
  created_at: number;
  checked_in_at: number | null;
  arrival: string | null;
}

function toAppointment(r: AppointmentRow): Appointment {
  return {
    id: r.id,
    code: r.code,
    serviceCode: r.service_code,
    officeDay: r.office_day,
    slotStart: r.slot_start,
    slotEnd: r.slot_end,
    name: r.name,
    status: r.status as AppointmentStatus,
    source: r.source as AppointmentSource,
    externalUid: r.external_uid,
    createdAt: r.created_at,
    checkedInAt: r.checked_in_at,
    arrival: r.arrival as Arrival | null,
  };
}

/** Bookings and their link to the ticket made at check-in (`tickets.appointment_id`, added by the appointments migration). */
export class AppointmentRepository {
  private readonly insert;
  private readonly byId;
  private readonly byCode;
  private readonly activeCode;
  private readonly byExternalUid;
  private readonly slotsOverlapping;
  private readonly onDay;
  private readonly stillBooked;
  private readonly setStatus;
  private readonly setSlot;
  private readonly setCheckedIn;
  private readonly linkTicket;
  private readonly ticketOf;
  private readonly eraseNames;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO appointments (code, service_code, office_day, slot_start, slot_end, name, status, source, external_uid, created_at)
       VALUES (@code, @serviceCode, @officeDay, @slotStart, @slotEnd, @name, @status, @source, @externalUid, @createdAt)`,
    );
    this.byId = db.prepare<[number], AppointmentRow>('SELECT * FROM appointments WHERE id = ?');
    // A code is unique only among bookings still open, so an old one may share it: the open one wins, then the newest.
    this.byCode = db.prepare<[string], AppointmentRow>(
      "SELECT * FROM appointments WHERE code = ? ORDER BY status = 'booked' DESC, id DESC LIMIT 1",
    );
    this.activeCode = db.prepare<[string], { id: number }>("SELECT id FROM appointments WHERE code = ? AND status = 'booked'");
    this.byExternalUid = db.prepare<[string], { id: number }>('SELECT id FROM appointments WHERE external_uid = ?');
    this.slotsOverlapping = db.prepare<[string, number, number, number], Slot>(
      `SELECT slot_start AS start, slot_end AS end FROM appointments
       WHERE service_code = ? AND status IN ('booked', 'checked_in') AND slot_start < ? AND slot_end > ? AND id != ?`,
    );
    this.onDay = db.prepare<[string], AppointmentRow>('SELECT * FROM appointments WHERE office_day = ? ORDER BY slot_start, id');
    this.stillBooked = db.prepare<[], AppointmentRow>("SELECT * FROM appointments WHERE status = 'booked' ORDER BY slot_start, id");
    this.setStatus = db.prepare<[string, number]>('UPDATE appointments SET status = ? WHERE id = ?');
    this.setSlot = db.prepare<[string, number, number, number]>(
      'UPDATE appointments SET office_day = ?, slot_start = ?, slot_end = ? WHERE id = ?',
    );
    this.setCheckedIn = db.prepare<[number, string, number]>(
      "UPDATE appointments SET status = 'checked_in', checked_in_at = ?, arrival = ? WHERE id = ?",
    );
    this.linkTicket = db.prepare<[number, number]>('UPDATE tickets SET appointment_id = ? WHERE id = ?');
    this.ticketOf = db.prepare<[number], { id: number }>('SELECT min(id) AS id FROM tickets WHERE appointment_id = ?');
    this.eraseNames = db.prepare<[string]>(`UPDATE appointments SET name = NULL WHERE office_day < ? AND ${FOUR_DIGIT_OFFICE_DAY} AND name IS NOT NULL`);
  }

  create(appointment: Omit<Appointment, 'id'>): Appointment {
    const result = this.insert.run({ ...appointment });
    return { ...appointment, id: Number(result.lastInsertRowid) };
  }

  get(id: number): Appointment | undefined {
    const row = this.byId.get(id);
    return row ? toAppointment(row) : undefined;
  }

  findByCode(code: string): Appointment | undefined {
    const row = this.byCode.get(code);
    return row ? toAppointment(row) : undefined;
  }

  isCodeActive(code: string): boolean {
    return this.activeCode.get(code) !== undefined;
  }

  hasExternalUid(uid: string): boolean {
    return this.byExternalUid.get(uid) !== undefined;
  }

  /** Slots of the service's open and checked-in bookings that overlap `slot`, leaving out booking `exceptId`. */
  overlapping(serviceCode: string, slot: Slot, exceptId = 0): Slot[] {
    return this.slotsOverlapping.all(serviceCode, slot.end, slot.start, exceptId);
  }

  ofDay(officeDay: string): Appointment[] {
    return this.onDay.all(officeDay).map(toAppointment);
  }

  /** Every booking nobody has checked in for or cancelled yet. */
  booked(): Appointment[] {
    return this.stillBooked.all().map(toAppointment);
  }

  setStatusOf(id: number, status: AppointmentStatus): void {
    this.setStatus.run(status, id);
  }

  moveTo(id: number, officeDay: string, slot: Slot): void {
    this.setSlot.run(officeDay, slot.start, slot.end, id);
  }

  checkIn(id: number, at: number, arrival: Arrival, ticketId: number): void {
    this.setCheckedIn.run(at, arrival, id);
    this.linkTicket.run(id, ticketId);
  }

  ticketIdOf(id: number): number | null {
    return this.ticketOf.get(id)?.id ?? null;
  }

  /** Erases the names of bookings on days before `firstDayKept`; returns how many. */
  eraseNamesBefore(firstDayKept: string): number {
    return this.eraseNames.run(firstDayKept).changes;
  }
}
