import { randomInt } from 'node:crypto';
import { newBookingCode, normaliseBookingCode } from '../core/appointments/booking-code.js';
import { cleanName, isSlotOver, isWholeMinute, NAME_MAX_LENGTH, slotFrom } from '../core/appointments/booking.js';
import { fitsCapacity, slotCapacity, type Slot } from '../core/appointments/capacity.js';
import { decideCheckIn, type CheckInDecision, type CheckInRefusal } from '../core/appointments/check-in.js';
import { dueNoShows, firstDayKeepingNames, msUntilNextDayEndCheck } from '../core/appointments/day-end.js';
import type { AppointmentDayView, AppointmentView, CheckInIdCheck, ServiceSlotView } from '../contract/appointments.js';
import { APPOINTMENT_STATUSES, slotRulesFor, type Appointment, type AppointmentRules, type AppointmentSource, type AppointmentStatus, type Arrival } from '../core/appointments/types.js';
import type { EventType, NewOfficeEvent } from '../core/events.js';
import { isWithinBookingHorizon, YEARS_AHEAD } from '../core/day-window.js';
import { officeDayOf } from '../core/office-day.js';
import type { Ticket } from '../core/types.js';
import type { Store, StoreWriter } from '../db/store.js';
import { conflict, invalid, notFound, Refusal } from './refusal.js';
import { issue, type Actor } from './issue.js';

export interface BookingRequest {
  serviceCode: string;
  /** Epoch ms, a whole minute. */
  start: number;
  name?: string | null | undefined;
  externalUid?: string | null | undefined;
}

export interface CheckIn {
  ticket: Ticket;
  appointment: Appointment;
  arrival: Arrival;
}

type AllowedCheckIn = { appointment: Appointment; decision: Extract<CheckInDecision, { ok: true }> };

const REFUSAL_MESSAGES: Record<CheckInRefusal | 'no_show', string> = {
  already_checked_in: 'This booking has already been used to check in.',
  appointment_cancelled: 'This booking was cancelled.',
  wrong_day: 'This booking is for another day.',
  no_show: 'This booking was marked as a no-show.',
};

/**
 * Booked citizens: booking, moving, cancelling, check-in at the kiosk and the day-end no-show
 * run. Like `Office`, each operation stores its change and events in one transaction and only
 * then tells the live stream. Events carry no name and no booking code.
 */
export class Appointments {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
  ) {}

  /** The office's rules; stored values may predate a newer option, so the defaults fill what they lack. */
  rules(): AppointmentRules {
    return this.store.settings.get('appointmentRules');
  }

  book(request: BookingRequest, actor: Actor, source: AppointmentSource): Appointment {
    return this.store.change((tx) => {
      const { appointment, event } = this.bookWithinTransaction(tx, request, actor, source, this.clock());
      return { result: appointment, events: [event] };
    });
  }

  /**
   * Books each request on its own: one that breaks a rule is refused with its reason and the
   * others are still booked. One transaction for all (a savepoint each) keeps a big import to
   * one disk sync instead of one per row.
   */
  bookEach(requests: readonly BookingRequest[], actor: Actor, source: AppointmentSource): (Appointment | Refusal)[] {
    return this.store.change((tx) => {
      const now = this.clock();
      const events: NewOfficeEvent[] = [];
      const outcomes = requests.map((request) => {
        try {
          const booked = this.store.db.transaction(() => this.bookWithinTransaction(tx, request, actor, source, now))();
          events.push(booked.event);
          return booked.appointment;
        } catch (error) {
          if (error instanceof Refusal) return error;
          throw error;
        }
      });
      return { result: outcomes, events };
    });
  }

  cancel(id: number, actor: Actor): Appointment {
    return this.store.change((tx) => {
      const appointment = this.requireOpen(id);
      tx.appointments.setStatusOf(id, 'cancelled');
      const cancelled: Appointment = { ...appointment, status: 'cancelled' };
      return { result: cancelled, events: [this.appointmentEvent('appointment.cancelled', cancelled, actor, this.clock())] };
    });
  }

  /** Moves a booking to another time; the new slot must have room, not counting the booking itself. */
  move(id: number, start: number, actor: Actor): Appointment {
    requireWholeMinute(start);
    return this.store.change((tx) => {
      const now = this.clock();
      const appointment = this.requireOpen(id);
      const slot = slotFrom(start, slotRulesFor(this.rules(), appointment.serviceCode).slotMinutes);
      this.requireRoom(appointment.serviceCode, slot, now, id);
      const officeDay = officeDayOf(slot.start);
      tx.appointments.moveTo(id, officeDay, slot);
      const moved: Appointment = { ...appointment, officeDay, slotStart: slot.start, slotEnd: slot.end };
      return { result: moved, events: [this.appointmentEvent('appointment.moved', moved, actor, now, { fromSlotStart: appointment.slotStart })] };
    });
  }

  /** What checking in with this code would give now, refused as the check-in would be; nothing is stored. */
  previewCheckIn(typedCode: string): AllowedCheckIn {
    return this.allowedCheckIn(typedCode, this.clock());
  }

  /**
   * The citizen typed the booking code at the kiosk. The ticket is made and the booking used in
   * one transaction, so two kiosks given the same code cannot both make a ticket.
   */
  checkIn(typedCode: string, actor: Actor, idCheck: CheckInIdCheck = {}): CheckIn {
    if (idCheck.idCheckId !== undefined && !this.store.idChecks.get(idCheck.idCheckId)) {
      throw invalid('unknown_id_check', `There is no ID check ${idCheck.idCheckId}.`);
    }
    return this.store.change((tx) => {
      const now = this.clock();
      const { appointment, decision } = this.allowedCheckIn(typedCode, now);
      const { ticket, event: issued } = issue(
        tx,
        {
          serviceCode: appointment.serviceCode,
          priority: decision.priority,
          callableAt: decision.callableAt,
          idCheckId: idCheck.idCheckId ?? null,
          supplementDeclared: idCheck.supplementDeclared ?? null,
          manualIdCheck: idCheck.manualIdCheck ?? false,
        },
        actor,
        now,
        { eventData: { appointmentId: appointment.id, arrival: decision.arrival }, estimateWait: true },
      );
      tx.appointments.checkIn(appointment.id, now, decision.arrival, ticket.id);
      const checkedIn: Appointment = { ...appointment, status: 'checked_in', checkedInAt: now, arrival: decision.arrival };
      return {
        result: { ticket, appointment: checkedIn, arrival: decision.arrival },
        events: [
          issued,
          this.appointmentEvent('appointment.checked_in', checkedIn, actor, now, { arrival: decision.arrival }, ticket.id),
        ],
      };
    });
  }

  ofDay(day: string): AppointmentDayView {
    const appointments = this.store.appointments.ofDay(day);
    const counts = Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, 0])) as Record<AppointmentStatus, number>;
    for (const a of appointments) counts[a.status]++;
    return { day, appointments: appointments.map((a) => this.view(a)), counts, slotRules: this.slotRules() };
  }

  /** Each active service's slot length and capacity under the current rules and counters. */
  slotRules(): ServiceSlotView[] {
    const rules = this.rules();
    return this.store.services
      .list()
      .filter((s) => s.active)
      .map((s) => ({ serviceCode: s.code, slotMinutes: slotRulesFor(rules, s.code).slotMinutes, capacity: this.capacityOf(s.code) }));
  }

  view(appointment: Appointment): AppointmentView {
    return appointmentView(appointment, this.store.appointments.ticketIdOf(appointment.id));
  }

  /**
   * Ends the days that are over: bookings nobody checked in for become no-shows, and names past
   * their retention are erased. Safe to run any number of times.
   */
  closePastDays(): { noShows: number; namesErased: number } {
    return this.store.change((tx) => {
      const now = this.clock();
      const today = officeDayOf(now);
      const noShows = dueNoShows(this.store.appointments.booked(), today);
      for (const a of noShows) tx.appointments.setStatusOf(a.id, 'no_show');
      const namesErased = tx.appointments.eraseNamesBefore(firstDayKeepingNames(today, this.rules().nameRetentionDays));
      const events = noShows.map((a) => this.appointmentEvent('appointment.no_show', { ...a, status: 'no_show' }, { staffId: null }, now));
      return { result: { noShows: noShows.length, namesErased }, events };
    });
  }

  /**
   * Closes past days now (a host that was off over midnight catches up) and after every
   * Copenhagen midnight. The timer does not keep the process alive.
   */
  startDayEndJob(onError: (error: unknown) => void): { stop(): void } {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const run = () => {
      try {
        this.closePastDays();
      } catch (error) {
        onError(error);
      }
      if (stopped) return;
      timer = setTimeout(run, msUntilNextDayEndCheck(this.clock()));
      timer.unref();
    };
    run();
    return {
      stop: () => {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }

  private bookWithinTransaction(
    tx: StoreWriter,
    request: BookingRequest,
    actor: Actor,
    source: AppointmentSource,
    now: number,
  ): { appointment: Appointment; event: NewOfficeEvent } {
    const service = this.store.services.get(request.serviceCode);
    if (!service || !service.active) throw invalid('unknown_service', `There is no active service with code "${request.serviceCode}".`);
    requireWholeMinute(request.start);
    const name = cleanName(request.name);
    if (name !== null && name.length > NAME_MAX_LENGTH) {
      throw invalid('name_too_long', `A name or initials may have at most ${NAME_MAX_LENGTH} characters.`);
    }
    const externalUid = request.externalUid ?? null;
    if (externalUid !== null && this.store.appointments.hasExternalUid(externalUid)) {
      throw conflict('already_imported', 'A booking with this UID from the booking system already exists.');
    }
    const slot = slotFrom(request.start, slotRulesFor(this.rules(), service.code).slotMinutes);
    this.requireRoom(service.code, slot, now);
    const appointment = tx.appointments.create({
      code: newBookingCode(randomInt, (code) => this.store.appointments.isCodeActive(code)),
      serviceCode: service.code,
      officeDay: officeDayOf(slot.start),
      slotStart: slot.start,
      slotEnd: slot.end,
      name,
      status: 'booked',
      source,
      externalUid,
      createdAt: now,
      checkedInAt: null,
      arrival: null,
    });
    return { appointment, event: this.appointmentEvent('appointment.booked', appointment, actor, now, { source }) };
  }

  private requireRoom(serviceCode: string, slot: Slot, now: number, exceptId?: number): void {
    if (isSlotOver(slot, now)) throw conflict('slot_in_past', 'That slot is already over.');
    if (!isWithinBookingHorizon(slot.start, now)) {
      throw invalid('too_far_ahead', `Bookings can be made up to ${YEARS_AHEAD} years ahead.`);
    }
    const capacity = this.capacityOf(serviceCode);
    if (!fitsCapacity(this.store.appointments.overlapping(serviceCode, slot, exceptId), slot, capacity)) {
      throw conflict('slot_full', `Service ${serviceCode} has no free place at ${new Date(slot.start).toISOString()} (${capacity} at a time).`);
    }
  }

  private capacityOf(serviceCode: string): number {
    const configured = slotRulesFor(this.rules(), serviceCode).capacityPerSlot;
    const countersServing = this.store.counters.list().filter((c) => c.serviceCodes.includes(serviceCode)).length;
    return slotCapacity(configured, countersServing);
  }

  /** The booking behind a typed code and what checking in at `now` gives; throws the refusal. */
  private allowedCheckIn(typedCode: string, now: number): AllowedCheckIn {
    const code = normaliseBookingCode(typedCode);
    const appointment = code === null ? undefined : this.store.appointments.findByCode(code);
    if (!appointment) throw unknownCode();
    const decision = decideCheckIn(appointment, now, this.rules());
    if (!decision.ok) throw conflict(decision.error, REFUSAL_MESSAGES[appointment.status === 'no_show' ? 'no_show' : decision.error]);
    return { appointment, decision };
  }

  /** A booking that can still be cancelled, moved or checked in for. */
  private requireOpen(id: number): Appointment {
    const appointment = this.store.appointments.get(id);
    if (!appointment) throw notFound(`Appointment ${id}`);
    switch (appointment.status) {
      case 'booked':
        return appointment;
      case 'checked_in':
        throw conflict('already_checked_in', REFUSAL_MESSAGES.already_checked_in);
      case 'cancelled':
        throw conflict('appointment_cancelled', REFUSAL_MESSAGES.appointment_cancelled);
      case 'no_show':
        throw conflict('appointment_no_show', REFUSAL_MESSAGES.no_show);
    }
  }

  /** An event about a booking: what statistics and the audit trail need, never the name or the code. */
  private appointmentEvent(
    type: EventType,
    appointment: Appointment,
    actor: Actor,
    at: number,
    extra: Record<string, unknown> = {},
    ticketId: number | null = null,
  ): NewOfficeEvent {
    return {
      at,
      type,
      ticketId,
      counterId: null,
      staffId: actor.staffId,
      data: {
        appointmentId: appointment.id,
        serviceCode: appointment.serviceCode,
        officeDay: appointment.officeDay,
        slotStart: appointment.slotStart,
        status: appointment.status,
        ...extra,
      },
    };
  }
}

export function appointmentView(a: Appointment, ticketId: number | null): AppointmentView {
  return {
    id: a.id,
    code: a.code,
    serviceCode: a.serviceCode,
    start: new Date(a.slotStart).toISOString(),
    end: new Date(a.slotEnd).toISOString(),
    name: a.name,
    status: a.status,
    source: a.source,
    checkedInAt: a.checkedInAt === null ? null : new Date(a.checkedInAt).toISOString(),
    arrival: a.arrival,
    ticketId,
  };
}

function requireWholeMinute(start: number): void {
  if (!isWholeMinute(start)) throw invalid('invalid_time', 'A booking starts on a whole minute (no seconds).');
}

function unknownCode(): Refusal {
  return new Refusal('not_found', 'unknown_code', 'There is no booking with this code. Check the code and try again.');
}
