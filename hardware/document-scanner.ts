import type { EventEmitter } from 'node:events';

/**
 * What every document reader looks like to the rest of the product, whatever wire it uses
 * (HID POS over node-hid, a simulator; keyboard-wedge readers are decoded in the page instead,
 * because the operating system owns keyboards).
 *
 * Events:
 * - `document` (mrz: string): the machine-readable zone as the reader sent it. It is personal
 *   data: pass it on to the ID check and drop it; never log it.
 * - `status` (status: ScannerStatus): connected / disconnected / error, on every change.
 */
export type ScannerState = 'connected' | 'disconnected' | 'error';

export interface ScannerStatus {
  state: ScannerState;
  /** A short, non-personal explanation for staff (e.g. "no reader with vendor 0x0ed1 found"). */
  detail?: string;
}

export interface DocumentScannerEvents {
  document: [mrz: string];
  status: [status: ScannerStatus];
}

export interface DocumentScanner extends EventEmitter<DocumentScannerEvents> {
  readonly kind: 'hid-pos' | 'simulator';
  /** Starts looking for the reader; resolves once the first attempt is made (connected or not). */
  start(): Promise<void>;
  /** Stops reading and releases the device; safe to call twice. */
  stop(): Promise<void>;
  status(): ScannerStatus;
}
