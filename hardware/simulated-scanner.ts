import { encodeHidPosReports, HidPosReassembler } from './hid-pos-reports.js';
import { ScannerBase } from './scanner-base.js';

export interface SimulatedScannerOptions {
  /** Whether the pretend reader is plugged in when the scanner starts (default true). */
  pluggedIn?: boolean;
  /** Clock for the reassembler; defaults to Date.now. */
  now?: () => number;
}

/**
 * A document reader for development and tests. A scan is encoded into the HID POS reports a
 * real reader would send and decoded by the same reassembler, so what comes out is what the
 * HID POS scanner would deliver for the same document.
 */
export class SimulatedScanner extends ScannerBase {
  readonly kind = 'simulator' as const;

  readonly #now: () => number;
  readonly #reassembler = new HidPosReassembler();
  #pluggedIn: boolean;
  #running = false;

  constructor(options: SimulatedScannerOptions = {}) {
    super();
    this.#pluggedIn = options.pluggedIn ?? true;
    this.#now = options.now ?? Date.now;
  }

  async start(): Promise<void> {
    this.#running = true;
    this.#reportPlug();
  }

  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#reassembler.reset();
    this.setStatus({ state: 'disconnected', detail: 'stopped' });
  }

  /**
   * Reads a document whose MRZ lines are separated by '\n'. Returns false (and emits nothing)
   * when a real reader could not have read it: not started or unplugged.
   */
  scan(mrz: string): boolean {
    if (!this.#running || !this.#pluggedIn) return false;
    // Readers end each MRZ line with CR.
    const wire = `${mrz.split('\n').join('\r')}\r`;
    const now = this.#now();
    for (const report of encodeHidPosReports(wire)) this.feedReport(this.#reassembler, report, now);
    return true;
  }

  unplug(): void {
    this.#pluggedIn = false;
    this.#reassembler.reset();
    if (this.#running) this.#reportPlug();
  }

  plugIn(): void {
    this.#pluggedIn = true;
    if (this.#running) this.#reportPlug();
  }

  #reportPlug(): void {
    this.setStatus(
      this.#pluggedIn
        ? { state: 'connected', detail: 'simulated reader' }
        : { state: 'disconnected', detail: 'simulated reader unplugged' },
    );
  }
}
