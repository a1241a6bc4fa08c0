import type { IdCheckView } from '../../../contract/id-checks.js';
import { DEFAULT_MAX_KEY_GAP_MS, KeyboardWedgeDecoder, type WedgeResult } from '../../../core/keyboard-wedge.js';
import type { ShellScannerStatus } from '../../../contract/shell-bridge.js';
import { api } from './api.js';
import { HostScannerFeed } from './host-scanner.svelte.js';
import { kioskShell } from './kiosk-shell.js';

/** What the page knows about a document reader: `unknown` for a keyboard wedge, which reports nothing. */
export type ReaderState = 'connected' | 'disconnected' | 'unknown';

/**
 * Every way a scan reaches the kiosk, as one stream of verdicts:
 * - a reader on the host PC (the host checks it and sends the verdict);
 * - a reader on this PC attached to the Electron shell (it sends the zone; the host checks it);
 * - a reader in keyboard-wedge mode typing into the page.
 */
export class KioskScans {
  private readonly host = new HostScannerFeed((check) => this.onVerdict(check));
  private shellStatus = $state<ShellScannerStatus | null>(null);
  private readonly decoder = new KeyboardWedgeDecoder();
  private lastKeyAt = -Infinity;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private stopShell: (() => void) | undefined;
  /** Bumped by `forget()`: a check still on its way belongs to the previous citizen. */
  private generation = 0;

  constructor(
    private readonly onVerdict: (check: IdCheckView) => void,
    private readonly onCheckFailed: () => void,
  ) {}

  get readerState(): ReaderState {
    const states = [this.host.status?.state, this.shellStatus?.state];
    if (states.includes('connected')) return 'connected';
    if (states.includes('disconnected') || states.includes('error')) return 'disconnected';
    return 'unknown';
  }

  start(): void {
    this.host.start();
    this.stopShell = kioskShell()?.onScan((event) => {
      if (event.kind === 'document') void this.check(event.mrz);
      else this.shellStatus = event.status;
    });
    window.addEventListener('keydown', this.onKey);
  }

  stop(): void {
    this.host.stop();
    this.stopShell?.();
    window.removeEventListener('keydown', this.onKey);
    clearTimeout(this.flushTimer);
  }

  /** Drops a half-typed scan and any check still on its way, so nothing reaches the next citizen. */
  forget(): void {
    this.decoder.reset();
    this.generation++;
  }

  private async check(mrz: string): Promise<void> {
    const generation = this.generation;
    try {
      const verdict = await api.checkId(mrz);
      if (generation === this.generation) this.onVerdict(verdict);
    } catch {
      if (generation === this.generation) this.onCheckFailed();
    }
  }

  private readonly onKey = (event: KeyboardEvent) => {
    // The reader ends each line with Enter; it must not press whatever button has focus.
    if (event.key === 'Enter' && event.timeStamp - this.lastKeyAt <= DEFAULT_MAX_KEY_GAP_MS) event.preventDefault();
    this.lastKeyAt = event.timeStamp;
    this.onWedge(this.decoder.push({ key: event.key, at: event.timeStamp, repeat: event.repeat }));
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => this.onWedge(this.decoder.flush(performance.now())), 2 * DEFAULT_MAX_KEY_GAP_MS);
  };

  private onWedge(result: WedgeResult | null): void {
    if (result === null) return;
    // A garbled burst is sent as an empty zone, never as what was typed (it may hold part of a
    // name): the host records an unreadable check, like a misread at any other reader, and the
    // citizen's three tries are counted the same way.
    void this.check(result.kind === 'mrz' ? result.mrz : '');
  }
}
