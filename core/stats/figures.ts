import type { AppointmentStatus, Arrival } from '../appointments/types.js';
import { ID_REJECT_REASONS, ID_VERDICTS, type IdRejectReason, type IdVerdict } from '../idcheck/types.js';
import { OUTCOMES, URGENT_REASONS, type Outcome, type Ticket, type UrgentReason } from '../types.js';
import { toMinutes, toShare, type DurationFigures, type DurationMetric } from './durations.js';
import type { TicketMeasures } from './ticket-measures.js';

/** A promise within this many minutes of the real wait counts as kept. */
const ESTIMATE_TOLERANCE_MINUTES = 5;

/** How well the kiosk's promised wait matched the real one (real − promised: positive = waited longer). */
export interface EstimateFigures {
  count: number;
  meanSignedErrorMinutes: number | null;
  meanAbsoluteErrorMinutes: number | null;
  withinToleranceShare: number | null;
}

/** Called within the service's SLA minutes, of all tickets with a wait. */
export interface SlaFigures {
  count: number;
  withinSla: number;
  share: number | null;
}

export interface UrgentFigures {
  issued: number;
  byReason: Record<UrgentReason, number>;
  waitMinutes: DurationFigures;
}

/** Counter time: open (from counter.opened/closed), serving (start → finish) and the rest. */
export interface CapacityFigures {
  openMinutes: number;
  servingMinutes: number;
  idleMinutes: number;
  /** serving / open. */
  utilisation: number | null;
}

export interface IdCheckFigures {
  total: number;
  byVerdict: Record<IdVerdict, number>;
  /** A rejected check may carry several reasons; each is counted. */
  rejectReasons: Record<IdRejectReason, number>;
}

/** Booked citizens against walk-ins (docs/statistics.md, "Appointments"). */
export interface AppointmentFigures {
  /** Tickets of booked citizens (priority `appointment`): from the slot time, or arrival if later. */
  waitMinutes: DurationFigures;
  /** Walk-in tickets (priority `normal`, late check-ins included), from arrival. */
  walkInWaitMinutes: DurationFigures;
  /** The bookings of the group's slots by what became of them; null where bookings cannot be split that way. */
  bookings: BookingFigures | null;
}

export interface BookingFigures {
  /** Every booking, cancelled ones included. */
  total: number;
  checkedIn: number;
  /** Of the check-ins: before the early window, within it or the grace period, after the grace period. */
  early: number;
  onTime: number;
  late: number;
  /** Never checked in: marked when the day ended. */
  noShow: number;
  cancelled: number;
  /** Still open: a day not over yet. */
  stillBooked: number;
}

/** A booking as the statistics count it: no code, no name. */
export interface BookingFact {
  officeDay: string;
  slotStart: number;
  serviceCode: string;
  status: AppointmentStatus;
  arrival: Arrival | null;
}

/** Every figure of a group of tickets; docs/statistics.md defines each. */
export interface Figures {
  issued: number;
  served: number;
  walkUps: number;
  noShow: number;
  cancelled: number;
  transferred: number;
  /** Waiting, called or being served right now. */
  open: number;
  carriedOver: number;
  waitMinutes: DurationFigures;
  walkMinutes: DurationFigures;
  serviceMinutes: DurationFigures;
  estimate: EstimateFigures;
  sla: SlaFigures;
  urgent: UrgentFigures;
  outcomes: Record<Outcome, number>;
  /** Null where counter time cannot be split that way (by service, by priority). */
  capacity: CapacityFigures | null;
  /** Null where ID checks cannot be split that way (they belong to no counter, clerk or service). */
  idChecks: IdCheckFigures | null;
  appointments: AppointmentFigures;
}

export interface IdCheckFact {
  at: number;
  verdict: IdVerdict;
  reasons: readonly IdRejectReason[];
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The running totals of one group; `figures()` turns them into the reported numbers. Durations
 * are not kept here (percentiles need every value; `DurationStore` holds them for all groups).
 */
export class FigureTally {
  private issued = 0;
  private served = 0;
  private walkUps = 0;
  private noShow = 0;
  private cancelled = 0;
  private transferred = 0;
  private open = 0;
  private carriedOver = 0;
  private estimateCount = 0;
  private estimateSignedMs = 0;
  private estimateAbsoluteMs = 0;
  private estimateWithin = 0;
  private slaCount = 0;
  private slaWithin = 0;
  private urgentIssued = 0;
  private readonly urgentByReason = zeroes(URGENT_REASONS);
  private readonly outcomes = zeroes(OUTCOMES);
  private openMs = 0;
  private servingMs = 0;
  private idChecks = 0;
  private readonly verdicts = zeroes(ID_VERDICTS);
  private readonly rejectReasons = zeroes(ID_REJECT_REASONS);
  private readonly bookings: BookingFigures = { total: 0, checkedIn: 0, early: 0, onTime: 0, late: 0, noShow: 0, cancelled: 0, stillBooked: 0 };

  /** `slaMinutes` of the ticket's service (null: unknown service, left out of the SLA share). */
  addTicket(t: Ticket, m: TicketMeasures, slaMinutes: number | null, carriedOver: boolean): void {
    const isIssue = t.transferredFromId === null;
    if (isIssue) this.issued++;
    if (isIssue && t.walkUp) this.walkUps++;
    if (carriedOver) this.carriedOver++;
    switch (t.status) {
      case 'done':
        this.served++;
        if (t.outcome) this.outcomes[t.outcome]++;
        break;
      case 'no_show':
        this.noShow++;
        break;
      case 'cancelled':
        this.cancelled++;
        break;
      case 'transferred':
        this.transferred++;
        break;
      default:
        this.open++;
    }
    if (m.waitMs !== null) {
      if (t.estimatedWaitMinutes !== null) {
        const errorMs = m.waitMs - t.estimatedWaitMinutes * 60_000;
        this.estimateCount++;
        this.estimateSignedMs += errorMs;
        this.estimateAbsoluteMs += Math.abs(errorMs);
        if (Math.abs(errorMs) <= ESTIMATE_TOLERANCE_MINUTES * 60_000) this.estimateWithin++;
      }
      if (slaMinutes !== null) {
        this.slaCount++;
        if (m.waitMs <= slaMinutes * 60_000) this.slaWithin++;
      }
    }
    if (t.priority === 'urgent' && isIssue) {
      this.urgentIssued++;
      this.urgentByReason[t.urgentReason ?? 'other']++;
    }
  }

  addOpenTime(ms: number): void {
    this.openMs += ms;
  }

  addServingTime(ms: number): void {
    this.servingMs += ms;
  }

  addIdCheck(check: IdCheckFact): void {
    this.idChecks++;
    this.verdicts[check.verdict]++;
    for (const reason of check.reasons) this.rejectReasons[reason]++;
  }

  addBooking(booking: BookingFact): void {
    const b = this.bookings;
    b.total++;
    switch (booking.status) {
      case 'checked_in':
        b.checkedIn++;
        if (booking.arrival === 'early') b.early++;
        else if (booking.arrival === 'on_time') b.onTime++;
        else if (booking.arrival === 'late') b.late++;
        break;
      case 'no_show':
        b.noShow++;
        break;
      case 'cancelled':
        b.cancelled++;
        break;
      case 'booked':
        b.stillBooked++;
    }
  }

  figures(durations: Record<DurationMetric, DurationFigures>, options: { capacity: boolean; idChecks: boolean; bookings: boolean }): Figures {
    return {
      issued: this.issued,
      served: this.served,
      walkUps: this.walkUps,
      noShow: this.noShow,
      cancelled: this.cancelled,
      transferred: this.transferred,
      open: this.open,
      carriedOver: this.carriedOver,
      waitMinutes: durations.wait,
      walkMinutes: durations.walk,
      serviceMinutes: durations.service,
      estimate: {
        count: this.estimateCount,
        meanSignedErrorMinutes: this.estimateCount === 0 ? null : toMinutes(this.estimateSignedMs / this.estimateCount),
        meanAbsoluteErrorMinutes: this.estimateCount === 0 ? null : toMinutes(this.estimateAbsoluteMs / this.estimateCount),
        withinToleranceShare: toShare(this.estimateWithin, this.estimateCount),
      },
      sla: { count: this.slaCount, withinSla: this.slaWithin, share: toShare(this.slaWithin, this.slaCount) },
      urgent: { issued: this.urgentIssued, byReason: { ...this.urgentByReason }, waitMinutes: durations.urgentWait },
      outcomes: { ...this.outcomes },
      capacity: options.capacity ? this.capacity() : null,
      idChecks: options.idChecks ? { total: this.idChecks, byVerdict: { ...this.verdicts }, rejectReasons: { ...this.rejectReasons } } : null,
      appointments: {
        waitMinutes: durations.appointmentWait,
        walkInWaitMinutes: durations.walkInWait,
        bookings: options.bookings ? { ...this.bookings } : null,
      },
    };
  }

  private capacity(): CapacityFigures {
    return {
      openMinutes: toMinutes(this.openMs),
      servingMinutes: toMinutes(this.servingMs),
      idleMinutes: toMinutes(Math.max(0, this.openMs - this.servingMs)),
      utilisation: toShare(this.servingMs, this.openMs),
    };
  }
}
