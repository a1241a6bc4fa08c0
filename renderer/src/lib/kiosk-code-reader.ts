import { DEFAULT_MAX_KEY_GAP_MS } from '../../../core/keyboard-wedge.js';
import { BookingCodeKeys, type CodeKeyAction } from './booking-code-keys.js';
import type { KioskVisit } from './kiosk-visit.svelte.js';

/**
 * Booking codes typed into the kiosk page: by a barcode reader in keyboard-wedge mode (on the
 * start screen or the code screen; the code is checked at once) or by a person at a keyboard on
 * the code screen. The page's own keypad calls the visit directly. `visit` is read at each key,
 * since the page replaces the visit for every citizen.
 */
export class KioskCodeReader {
  private readonly keys = new BookingCodeKeys();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly visit: () => KioskVisit) {}

  start(): void {
    window.addEventListener('keydown', this.onKey);
  }

  stop(): void {
    window.removeEventListener('keydown', this.onKey);
    clearTimeout(this.flushTimer);
  }

  /** Drops keys not yet passed on: they belong to the previous citizen. */
  forget(): void {
    this.keys.reset();
    clearTimeout(this.flushTimer);
  }

  private readonly onKey = (event: KeyboardEvent) => {
    this.act(this.keys.push({ key: event.key, at: event.timeStamp }));
    clearTimeout(this.flushTimer);
    // Only a pause ends a burst; the reader's Enter is kept from pressing a button by KioskScans.
    this.flushTimer = setTimeout(() => this.act(this.keys.flush(performance.now())), 2 * DEFAULT_MAX_KEY_GAP_MS);
  };

  private act(actions: readonly CodeKeyAction[]): void {
    const visit = this.visit();
    for (const action of actions) {
      if (action.kind === 'scanned') visit.scannedCode(action.code);
      else if (action.kind === 'not-a-code') visit.notACode();
      else if (visit.step !== 'code') continue;
      else if (action.kind === 'type') visit.typeCode(action.char);
      else if (action.kind === 'erase') visit.eraseCode();
      // Enter on a focused button pressed that button; only Enter elsewhere means "check in".
      else if (!focusOnControl()) void visit.submitCode();
    }
  }
}

function focusOnControl(): boolean {
  return document.activeElement?.closest('button, a[href], select, textarea, input:not([readonly])') != null;
}
