/**
 * Booked citizens. A booking reserves a time with a service; at the kiosk the citizen types the
 * booking code and gets a ticket that the queue calls around the slot time (docs/appointments.md).
 */

export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Where a booking came from: a clerk's screen or a file from the external booking system. */
export const APPOINTMENT_SOURCES = ['staff', 'import'] as const;
export type AppointmentSource = (typeof APPOINTMENT_SOURCES)[number];

/** When the citizen checked in, measured against the slot (see `decideCheckIn`). */
export const ARRIVALS = ['early', 'on_time', 'late'] as const;
export type Arrival = (typeof ARRIVALS)[number];

export interface Appointment {
  id: number;
  /** What the citizen types at the kiosk; unique among bookings still `booked`. */
  code: string;
  serviceCode: string;
  /** Copenhagen calendar day of the slot, `YYYY-MM-DD`. */
  officeDay: string;
  /** The slot, epoch ms. `slotEnd` is fixed at booking time, so changing the slot length later moves no one. */
  slotStart: number;
  slotEnd: number;
  /**
   * Optional short name or initials so a clerk recognises the citizen. Personal data: shown to
   * staff only, never in events or logs, erased after the day (see `nameErasureDay`).
   */
  name: string | null;
  status: AppointmentStatus;
  source: AppointmentSource;
  /** The external booking system's id (iCalendar UID or CSV `uid` column), so a re-import adds nothing twice. */
  externalUid: string | null;
  createdAt: number;
  checkedInAt: number | null;
  arrival: Arrival | null;
}

/**
 * The office's booking rules, stored in the settings as `appointmentRules` (docs/appointments.md).
 * Everything is the office's choice; no law sets these numbers.
 */
export interface AppointmentRules {
  /** Length of a slot, and so of each booking, in minutes. */
  slotMinutes: number;
  /** Bookings that may overlap at any moment per service; null = the counters that serve the service. */
  capacityPerSlot: number | null;
  /** A citizen may check in this long before the slot and be callable at once. */
  earlyWindowMinutes: number;
  /** A citizen checking in up to this long after the slot start still counts as booked. */
  lateGraceMinutes: number;
  /** Whole days after the appointment day that the name is kept (0: erased when the day ends). */
  nameRetentionDays: number;
  /** Per service code, a different slot length or capacity. */
  perService: Record<string, ServiceSlotRules>;
}

export interface ServiceSlotRules {
  slotMinutes?: number;
  capacityPerSlot?: number | null;
}

export const DEFAULT_APPOINTMENT_RULES: AppointmentRules = {
  slotMinutes: 15,
  capacityPerSlot: null,
  earlyWindowMinutes: 10,
  lateGraceMinutes: 10,
  nameRetentionDays: 0,
  perService: {},
};

/** The slot length and capacity that apply to one service, overrides first. */
export function slotRulesFor(rules: AppointmentRules, serviceCode: string): { slotMinutes: number; capacityPerSlot: number | null } {
  const own = rules.perService[serviceCode] ?? {};
  return {
    slotMinutes: own.slotMinutes ?? rules.slotMinutes,
    capacityPerSlot: own.capacityPerSlot !== undefined ? own.capacityPerSlot : rules.capacityPerSlot,
  };
}

/** Why an imported row was skipped; docs/appointments.md explains each in Danish and English. */
export interface SkippedRow {
  /** 1-based line in the file where the row (or VEVENT) begins. */
  line: number;
  reason: string;
}
