import { EventEmitter } from 'node:events';
import type { DocumentScanner } from '../hardware/document-scanner.js';
import type { HostScannerStatusView, IdCheckView } from '../contract/id-checks.js';
import { idCheckView, type IdChecker } from '../office/id-checker.js';

export type HostScannerStatus = HostScannerStatusView;

/**
 * A reader attached to the host PC belongs to the host's own kiosk: each scan is checked at once
 * and its verdict goes only to pages on this PC (loopback), never to a public stream. The raw
 * text is handed to the check and dropped.
 */
export class HostScanner {
  private readonly emitter = new EventEmitter<{ verdict: [IdCheckView]; status: [HostScannerStatus] }>();

  constructor(
    readonly scanner: DocumentScanner | null,
    private readonly idChecker: IdChecker,
  ) {
    this.emitter.setMaxListeners(0);
    scanner?.on('document', (mrz) => this.emitter.emit('verdict', idCheckView(this.idChecker.check(mrz, 'host_scanner'), this.idChecker.rules())));
    scanner?.on('status', () => this.emitter.emit('status', this.status()));
  }

  status(): HostScannerStatus {
    if (!this.scanner) return { kind: 'none', state: 'none' };
    const { state, detail } = this.scanner.status();
    return detail === undefined ? { kind: this.scanner.kind, state } : { kind: this.scanner.kind, state, detail };
  }

  onVerdict(listener: (verdict: IdCheckView) => void): () => void {
    this.emitter.on('verdict', listener);
    return () => this.emitter.off('verdict', listener);
  }

  onStatus(listener: (status: HostScannerStatus) => void): () => void {
    this.emitter.on('status', listener);
    return () => this.emitter.off('status', listener);
  }

  async start(): Promise<void> {
    await this.scanner?.start();
  }

  async stop(): Promise<void> {
    await this.scanner?.stop();
  }
}
