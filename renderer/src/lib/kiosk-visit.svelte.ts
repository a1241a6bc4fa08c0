import type { IdCheckView } from '../../../contract/id-checks.js';
import type { ServiceView } from '../../../contract/services.js';
import type { TicketView } from '../../../contract/tickets.js';
import { BOOKING_CODE_LENGTH } from '../../../core/appointments/booking-code.js';
import type { CheckInIdCheck, CheckInPreview, CheckInView } from '../../../contract/appointments.js';
import type { LocalizedText } from '../../../core/types.js';
import { api } from './api.js';
import { checkInApi, checkInRefusalOf, type CheckInRefusal } from './kiosk-check-in-api.js';
import { checkInText } from './kiosk-check-in-texts.js';
import { kioskShell } from './kiosk-shell.js';
import { kioskText } from './kiosk-texts.js';
import { isMisread } from './kiosk-verdict-actions.js';

/** `code`: a booked citizen types or scans the booking code (then the ID step if the service needs it). */
export type KioskStep = 'start' | 'code' | 'id' | 'urgent' | 'ticket';

/** What the ID step puts on the ticket for the clerk: a walk-in's or a booked citizen's. */
export type IdCheckDetails = CheckInIdCheck;

/** `none` in a plain browser, where nothing is printed. */
export type PrintState = 'none' | 'printing' | 'printed' | 'failed';

/**
 * One citizen's walk from the door to a ticket. The page throws the whole object away when the
 * citizen is done or walks off, so nothing of theirs can linger for the next one.
 */
export class KioskVisit {
  step = $state<KioskStep>('start');
  service = $state<ServiceView | null>(null);
  verdict = $state<IdCheckView | null>(null);
  /** Misreads so far at this ID step: after `MAX_READ_TRIES` the clerk checks by hand. */
  failedReads = $state(0);
  ticket = $state<TicketView | null>(null);
  print = $state<PrintState>('none');
  busy = $state(false);
  problem = $state<LocalizedText | null>(null);
  /** The booking code as typed so far. */
  code = $state('');
  /** Why the host would not take the code; the code screen explains it and offers a way on. */
  refusal = $state<CheckInRefusal | null>(null);
  /** The booking the code belongs to, once the host has found it. */
  booking = $state<CheckInPreview | null>(null);
  /** How the check-in went (early, on time, late), for the ticket screen. */
  checkIn = $state<CheckInView | null>(null);
  private idCheck: IdCheckDetails = {};

  choose(service: ServiceView): void {
    this.service = service;
    this.problem = null;
    this.step = service.needsIdCheck ? 'id' : 'urgent';
  }

  /** A verdict from any reader; only the ID step listens, and a new scan replaces the last. */
  scanned(check: IdCheckView): void {
    if (this.step !== 'id' || this.busy) return;
    this.problem = null;
    this.verdict = check;
    if (isMisread(check)) this.failedReads++;
  }

  checkFailed(): void {
    if (this.step === 'id') this.problem = kioskText.scanNotChecked;
  }

  /** Back to the instructions to place the document again. */
  scanAgain(): void {
    this.verdict = null;
    this.problem = null;
  }

  /**
   * The ID step is settled. A walk-in is asked about a hospital letter next; a booked citizen is
   * checked in (the booking is their reason to come, so the urgent lane does not apply).
   */
  settleIdCheck(details: IdCheckDetails): void {
    this.idCheck = details;
    this.problem = null;
    if (this.booking) void this.finishCheckIn();
    else this.step = 'urgent';
  }

  back(): void {
    this.problem = null;
    if (this.step === 'urgent' && this.service?.needsIdCheck) {
      this.step = 'id';
      return;
    }
    if (this.step === 'id' && this.booking) {
      this.booking = null;
      this.service = null;
      this.verdict = null;
      this.failedReads = 0;
      this.step = 'code';
      return;
    }
    this.step = 'start';
    this.service = null;
    this.verdict = null;
    this.failedReads = 0;
    this.idCheck = {};
    this.code = '';
    this.refusal = null;
  }

  /** "I have an appointment" on the start screen. */
  startCheckIn(): void {
    this.step = 'code';
  }

  typeCode(char: string): void {
    if (this.busy || this.refusal || this.code.length >= BOOKING_CODE_LENGTH) return;
    this.problem = null;
    this.code += char;
  }

  eraseCode(): void {
    if (this.busy || this.refusal) return;
    this.problem = null;
    this.code = this.code.slice(0, -1);
  }

  /** A code from the barcode reader, on the start screen or the code screen: it is checked at once. */
  scannedCode(code: string): void {
    if (this.busy || (this.step !== 'start' && this.step !== 'code')) return;
    this.step = 'code';
    this.refusal = null;
    this.code = code;
    void this.submitCode();
  }

  /** A code the reader typed that was no booking code (a document at the wrong moment). */
  notACode(): void {
    if (this.step === 'code' && !this.busy && !this.refusal) this.problem = checkInText.notACode;
  }

  /** Back to the keypad after a refusal, with the code to correct or a clean field. */
  retryCode(keepCode: boolean): void {
    this.refusal = null;
    this.problem = null;
    if (!keepCode) this.code = '';
  }

  /** Looks the code up; a service that needs an ID check gets the walk-ins' ID step first. */
  async submitCode(): Promise<void> {
    if (this.busy || this.code.length !== BOOKING_CODE_LENGTH) return;
    this.busy = true;
    this.problem = null;
    let booking: CheckInPreview;
    try {
      booking = await checkInApi.lookup(this.code);
    } catch (error) {
      this.refused(error);
      return;
    } finally {
      this.busy = false;
    }
    this.booking = booking;
    this.service = booking.service;
    this.idCheck = {};
    this.verdict = null;
    this.failedReads = 0;
    if (booking.service.needsIdCheck) this.step = 'id';
    else await this.finishCheckIn();
  }

  private async finishCheckIn(): Promise<void> {
    const service = this.service;
    if (!service || this.busy) return;
    this.busy = true;
    let checkIn: CheckInView;
    try {
      checkIn = await checkInApi.checkIn(this.code, this.idCheck);
    } catch (error) {
      // Refused after the ID step (another kiosk used the code meanwhile): back to the code screen to say so.
      if (checkInRefusalOf(error) !== null) this.step = 'code';
      this.refused(error);
      return;
    } finally {
      this.busy = false;
    }
    this.checkIn = checkIn;
    this.ticket = checkIn.ticket;
    this.step = 'ticket';
    await this.printTicket(checkIn.ticket, service.names);
  }

  private refused(error: unknown): void {
    this.refusal = checkInRefusalOf(error);
    if (this.refusal === null) this.problem = checkInText.checkInFailed;
  }

  async takeTicket(urgent: boolean): Promise<void> {
    const service = this.service;
    if (!service || this.busy) return;
    this.busy = true;
    this.problem = null;
    let ticket: TicketView;
    try {
      ticket = await api.issueTicket({
        serviceCode: service.code,
        ...this.idCheck,
        ...(urgent ? { urgent: { reason: 'hospital_summons' as const } } : {}),
      });
    } catch {
      this.problem = kioskText.ticketFailed;
      return;
    } finally {
      this.busy = false;
    }
    this.ticket = ticket;
    this.step = 'ticket';
    await this.printTicket(ticket, service.names);
  }

  private async printTicket(ticket: TicketView, serviceName: LocalizedText): Promise<void> {
    const shell = kioskShell();
    if (!shell) return;
    this.print = 'printing';
    try {
      const result = await shell.printTicket({
        number: ticket.number,
        // Plain data: the shell's bridge cannot copy the page's reactive proxies.
        serviceName: $state.snapshot(serviceName),
        issuedAt: ticket.arrivedAt,
        estimatedWaitMinutes: ticket.estimatedWaitMinutes,
      });
      this.print = result.ok ? 'printed' : 'failed';
    } catch {
      this.print = 'failed';
    }
  }
}
