import type { DocumentScanner, ScannerStatus } from '../hardware/document-scanner.js';
import type { ScanEvent } from '../contract/shell-bridge.js';
import type { ShellLog } from './log.js';

/**
 * Runs the document reader attached to this PC and passes what it reads to the page, which sends
 * it to the host's ID-check API. The shell never looks inside a scan and never logs or keeps one:
 * the MRZ is personal data.
 */
export interface ScannerAgent {
  /** Tells the page the reader's current state, e.g. after the page (re)loaded and missed it. */
  announceStatus(): void;
  stop(): Promise<void>;
}

/** Returns false when the page could not take the event right now. */
export type DeliverScanEvent = (event: ScanEvent) => boolean;

export async function startScannerAgent(scanner: DocumentScanner, deliver: DeliverScanEvent, log: ShellLog): Promise<ScannerAgent> {
  const onDocument = (mrz: string) => {
    if (!deliver({ kind: 'document', mrz })) log.warn('scan dropped: the page is not ready', { reader: scanner.kind });
  };
  const onStatus = (status: ScannerStatus) => {
    log.info('document reader status', { reader: scanner.kind, state: status.state, detail: status.detail ?? null });
    deliver(statusEvent(status));
  };
  scanner.on('document', onDocument);
  scanner.on('status', onStatus);
  try {
    await scanner.start();
  } catch (error) {
    // The reader may be plugged in later; the page shows "no reader" meanwhile, the kiosk keeps working.
    log.error('document reader did not start', { reader: scanner.kind, detail: error instanceof Error ? error.message : String(error) });
  }
  return {
    announceStatus: () => {
      deliver(statusEvent(scanner.status()));
    },
    stop: async () => {
      scanner.off('document', onDocument);
      scanner.off('status', onStatus);
      await scanner.stop();
    },
  };
}

function statusEvent({ state, detail }: ScannerStatus): ScanEvent {
  return { kind: 'status', status: detail === undefined ? { state } : { state, detail } };
}
