import type { IdCheckView, ServiceView, TicketView } from '../../../core/api-types.js';
import type { LocalizedText } from '../../../core/types.js';
import { api } from './api.js';
import { kioskShell } from './kiosk-shell.js';
import { kioskText } from './kiosk-texts.js';
import { isMisread } from './kiosk-verdict-actions.js';

export type KioskStep = 'start' | 'id' | 'urgent' | 'ticket';

/** What the ID step puts on the ticket for the clerk. */
export interface IdCheckDetails {
  idCheckId?: number;
  supplementDeclared?: boolean;
  manualIdCheck?: boolean;
}

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

  /** The ID step is settled; the urgent question comes next. */
  settleIdCheck(details: IdCheckDetails): void {
    this.idCheck = details;
    this.problem = null;
    this.step = 'urgent';
  }

  back(): void {
    this.problem = null;
    if (this.step === 'urgent' && this.service?.needsIdCheck) {
      this.step = 'id';
      return;
    }
    this.step = 'start';
    this.service = null;
    this.verdict = null;
    this.failedReads = 0;
    this.idCheck = {};
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
