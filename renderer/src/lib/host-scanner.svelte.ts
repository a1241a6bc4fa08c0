import type { HostScannerStatusView, IdCheckView } from '../../../contract/id-checks.js';

/**
 * Verdicts from a document reader attached to the host PC. Only a kiosk page opened on that PC
 * may listen (the host refuses others), so elsewhere `status` stays null and the page relies on
 * a keyboard-wedge reader or the shell instead.
 */
export class HostScannerFeed {
  status = $state<HostScannerStatusView | null>(null);
  private source: EventSource | null = null;

  constructor(private readonly onVerdict: (verdict: IdCheckView) => void) {}

  start(): void {
    const source = new EventSource('/api/scanner/events');
    source.addEventListener('status', (event) => (this.status = JSON.parse((event as MessageEvent<string>).data) as HostScannerStatusView));
    source.addEventListener('verdict', (event) => this.onVerdict(JSON.parse((event as MessageEvent<string>).data) as IdCheckView));
    this.source = source;
  }

  stop(): void {
    this.source?.close();
    this.source = null;
  }
}
