import { Type, type Static } from 'typebox';
import { APPOINTMENT_SOURCES, APPOINTMENT_STATUSES, ARRIVALS } from '../core/appointments/types.js';
import { CountsOf, DayParam, IsoTime, Nullable, OfficeDay, ServiceCode } from './common.js';
import { ServiceView } from './services.js';
import { TicketIdStep, TicketView } from './tickets.js';

const Arrival = Type.Enum(ARRIVALS);

/** A booking as staff see it. The name is staff-only and erased after the day. */
export const AppointmentView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  serviceCode: Type.String(),
  start: IsoTime,
  end: IsoTime,
  name: Nullable(Type.String()),
  status: Type.Enum(APPOINTMENT_STATUSES),
  source: Type.Enum(APPOINTMENT_SOURCES),
  checkedInAt: Nullable(IsoTime),
  arrival: Nullable(Arrival),
  /** The ticket made at check-in, if any. */
  ticketId: Nullable(Type.Integer()),
});
export type AppointmentView = Static<typeof AppointmentView>;

/** A service's slot length and how many of its bookings may overlap (0: no counter serves it). */
export const ServiceSlotView = Type.Object({ serviceCode: Type.String(), slotMinutes: Type.Integer(), capacity: Type.Integer() });
export type ServiceSlotView = Static<typeof ServiceSlotView>;

export const AppointmentDayView = Type.Object({
  day: OfficeDay,
  appointments: Type.Array(AppointmentView),
  counts: CountsOf(APPOINTMENT_STATUSES),
  /** Per active service, how it is booked now, so a booking screen can show free places. */
  slotRules: Type.Array(ServiceSlotView),
});
export type AppointmentDayView = Static<typeof AppointmentDayView>;

/**
 * What the kiosk is told after a check-in. No name: the kiosk stands in the waiting room.
 * - `early`: the ticket waits until `callableAt` (slot − early window), then goes before walk-ins.
 * - `on_time`: callable at once, before walk-ins.
 * - `late`: past the grace period; the ticket is an ordinary walk-in ticket (priority `normal`).
 */
export const CheckInView = Type.Object({ ticket: TicketView, arrival: Arrival, slotStart: IsoTime, callableAt: IsoTime });
export type CheckInView = Static<typeof CheckInView>;

/**
 * What a check-in would give now, with nothing stored: the kiosk asks before it checks in, so a
 * citizen booked for a service that needs an ID check scans the document first, as a walk-in does.
 */
export const CheckInPreview = Type.Object({ service: ServiceView, arrival: Arrival, slotStart: IsoTime, callableAt: IsoTime });
export type CheckInPreview = Static<typeof CheckInPreview>;

export const ImportResult = Type.Object({
  imported: Type.Integer(),
  appointments: Type.Array(AppointmentView),
  /** Why a row was skipped, by the 1-based line where it begins; docs/appointments.md explains each reason. */
  skipped: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() })),
});
export type ImportResult = Static<typeof ImportResult>;

/** ISO 8601 with `Z` or an offset; whole minutes are checked by the booking rules. */
const Instant = Type.String({ minLength: 16, maxLength: 40 });
const Code = Type.String({ minLength: 1, maxLength: 32 });

export const BookRequest = Type.Object(
  {
    serviceCode: ServiceCode,
    start: Instant,
    // The 40-character limit is checked after trimming, with its own error code.
    name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type BookRequest = Static<typeof BookRequest>;

export const MoveRequest = Type.Object({ start: Instant }, { additionalProperties: false });
export type MoveRequest = Static<typeof MoveRequest>;

export const LookupRequest = Type.Object({ code: Code }, { additionalProperties: false });
export type LookupRequest = Static<typeof LookupRequest>;

/** The ID step's result, as on a walk-in ticket (POST /api/tickets), for a booking whose service needs it. */
export const CheckInRequest = Type.Object({ code: Code, ...TicketIdStep }, { additionalProperties: false });
export type CheckInRequest = Static<typeof CheckInRequest>;
/** The kiosk's ID step at a check-in: the check-in request without its code. */
export type CheckInIdCheck = Omit<CheckInRequest, 'code'>;

export const DayQuery = Type.Object({ day: Type.Optional(DayParam) }, { additionalProperties: false });
