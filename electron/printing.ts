import { BrowserWindow, type WebContents } from 'electron';
import type { PrintFailureReason, PrintTicketResult, TicketPrintRequest } from '../contract/shell-bridge.js';
import type { ShellLog } from './log.js';
import { parseTicketPrintRequest, ticketHtml } from './ticket-document.js';

/**
 * Some receipt-printer drivers never answer when the paper is out or the cable is loose, and
 * Electron then never calls back; the citizen must not wait for that.
 */
export const PRINT_TIMEOUT_MS = 20_000;

export type PrinterChoice =
  | { ok: true; deviceName: string | undefined }
  | { ok: false; reason: Extract<PrintFailureReason, 'no-printer' | 'printer-not-found'> };

/** `deviceName` undefined lets Electron use the system's default printer. */
export function choosePrinter(printers: readonly { name: string }[], configuredName: string | null): PrinterChoice {
  if (printers.length === 0) return { ok: false, reason: 'no-printer' };
  if (configuredName === null) return { ok: true, deviceName: undefined };
  const found = printers.some((printer) => printer.name === configuredName);
  return found ? { ok: true, deviceName: configuredName } : { ok: false, reason: 'printer-not-found' };
}

/** Electron reports failures as English prose ("Print job canceled", "Print job failed", …). */
export function printFailureReason(electronReason: string): PrintFailureReason {
  return /cancel/i.test(electronReason) ? 'cancelled' : 'print-failed';
}

export interface TicketPrinterOptions {
  printerName: string | null;
  log: ShellLog;
  timeoutMs?: number;
}

/**
 * Prints each ticket silently from a hidden window with JavaScript off. The result goes back to
 * the page, which keeps the ticket on screen when printing failed.
 */
export function createTicketPrinter({ printerName, log, timeoutMs = PRINT_TIMEOUT_MS }: TicketPrinterOptions) {
  return async function printTicket(request: unknown): Promise<PrintTicketResult> {
    const ticket = parseTicketPrintRequest(request);
    if (ticket === null) {
      log.warn('refused print request: not a ticket');
      return { ok: false, reason: 'invalid-ticket' };
    }
    const window = new BrowserWindow({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false },
    });
    try {
      return await printOn(window.webContents, ticket, printerName, timeoutMs, log);
    } catch (error) {
      log.error('ticket not printed', { ticket: ticket.number, reason: 'print-failed', detail: errorName(error) });
      return { ok: false, reason: 'print-failed' };
    } finally {
      window.destroy();
    }
  };
}

async function printOn(
  contents: WebContents,
  ticket: TicketPrintRequest,
  printerName: string | null,
  timeoutMs: number,
  log: ShellLog,
): Promise<PrintTicketResult> {
  const choice = choosePrinter(await contents.getPrintersAsync(), printerName);
  if (!choice.ok) {
    log.error('ticket not printed', { ticket: ticket.number, reason: choice.reason, printer: printerName });
    return { ok: false, reason: choice.reason };
  }
  await contents.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(ticketHtml(ticket))}`);
  const outcome = await printSilently(contents, choice.deviceName, timeoutMs);
  const printer = choice.deviceName ?? '(system default)';
  if (outcome.success) {
    log.info('ticket printed', { ticket: ticket.number, printer });
    return { ok: true };
  }
  const reason = outcome.timedOut ? 'timeout' : printFailureReason(outcome.failureReason);
  log.error('ticket not printed', { ticket: ticket.number, reason, printer, detail: outcome.failureReason });
  return { ok: false, reason };
}

type PrintOutcome = { success: true } | { success: false; timedOut: boolean; failureReason: string };

function printSilently(contents: WebContents, deviceName: string | undefined, timeoutMs: number): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ success: false, timedOut: true, failureReason: 'no answer from the printer' }), timeoutMs);
    contents.print(
      {
        silent: true,
        deviceName,
        printBackground: false,
        margins: { marginType: 'none' },
        // Receipt printers know their roll width; a fixed A4/Letter page would print blank paper.
        usePrinterDefaultPageSize: true,
      },
      (success, failureReason) => {
        clearTimeout(timer);
        resolve(success ? { success: true } : { success: false, timedOut: false, failureReason });
      },
    );
  });
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
