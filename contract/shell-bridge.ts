/**
 * The contract between the Electron shell and the pages it shows: what `window.kioskShell` offers.
 * Types and plain data only, no Electron or Node import, so the renderer may import this file as well
 * (the sandboxed preload imports it for types only, which compile away).
 *
 * In a browser (no shell) `window.kioskShell` is undefined; pages must work without it.
 */
import type { LocalizedText } from '../core/types.js';

export const SHELL_ROLES = ['kiosk', 'counter', 'display'] as const;
/** Which page this PC shows; chosen in the shell's config file. */
export type ShellRole = (typeof SHELL_ROLES)[number];

/** What the kiosk page hands the shell to print; a ticket carries nothing personal. */
export interface TicketPrintRequest {
  /** The ticket number as called out, e.g. `M014`. */
  number: string;
  serviceName: LocalizedText;
  /** When the ticket was issued (ISO 8601, from the host); printed in Copenhagen time. */
  issuedAt: string;
  /** The host's estimate; null when it has none (e.g. first ticket of the day). */
  estimatedWaitMinutes: number | null;
}

export type PrintFailureReason =
  /** The page sent something that is not a ticket. */
  | 'invalid-ticket'
  /** The operating system knows no printer at all. */
  | 'no-printer'
  /** The printer named in the shell config is not installed. */
  | 'printer-not-found'
  | 'cancelled'
  | 'print-failed'
  /** The printer driver gave no answer in time (paper out, cable loose). */
  | 'timeout';

/** On failure the page keeps the ticket on screen and tells the citizen to note the number. */
export type PrintTicketResult = { ok: true } | { ok: false; reason: PrintFailureReason };

export interface ShellScannerStatus {
  state: 'connected' | 'disconnected' | 'error';
  /** Short, non-personal explanation for staff. */
  detail?: string;
}

/**
 * What the locally attached document reader reports. `document.mrz` is personal data: the page
 * sends it to the host's ID-check API and forgets it.
 */
export type ScanEvent =
  | { kind: 'document'; mrz: string }
  | { kind: 'status'; status: ShellScannerStatus };

/** `window.kioskShell` in a page shown by the shell. */
export interface KioskShellBridge {
  readonly role: ShellRole;
  printTicket(ticket: TicketPrintRequest): Promise<PrintTicketResult>;
  /** Calls back for every scan and reader status change; returns a function that unsubscribes. */
  onScan(callback: (event: ScanEvent) => void): () => void;
}
