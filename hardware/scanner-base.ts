import { EventEmitter } from 'node:events';
import type { DocumentScanner, DocumentScannerEvents, ScannerStatus } from './document-scanner.js';
import { mrzTextFromReader, type HidPosReassembler } from './hid-pos-reports.js';

/**
 * What the HID POS scanner and the simulator share: status bookkeeping and the one path from
 * input reports to a `document` event, so a simulated scan is decoded exactly like a real one.
 */
export abstract class ScannerBase
  extends EventEmitter<DocumentScannerEvents>
  implements DocumentScanner
{
  abstract readonly kind: DocumentScanner['kind'];
  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;

  #status: ScannerStatus = { state: 'disconnected', detail: 'not started' };

  status(): ScannerStatus {
    return { ...this.#status };
  }

  /** Emits `status` only when state or detail changed, so polling does not flood listeners. */
  protected setStatus(next: ScannerStatus): void {
    if (next.state === this.#status.state && next.detail === this.#status.detail) return;
    this.#status = { ...next };
    this.emit('status', { ...next });
  }

  protected feedReport(reassembler: HidPosReassembler, report: Uint8Array, now: number): void {
    const step = reassembler.push(report, now);
    if (step.kind !== 'message') return;
    const mrz = mrzTextFromReader(step.message.text);
    if (mrz === '') return;
    // Emitted outside the device's data callback: node-hid catches whatever a `data` listener
    // throws and re-emits it as a device `error`, which would make a bug in a document
    // listener look like a failing reader (and trigger a reconnect).
    queueMicrotask(() => this.emit('document', mrz));
  }
}
