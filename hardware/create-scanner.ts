import type { DocumentScanner } from './document-scanner.js';
import { HidPosScanner, type HidPosScannerOptions } from './hid-pos-scanner.js';
import { SimulatedScanner, type SimulatedScannerOptions } from './simulated-scanner.js';

/**
 * Which reader this PC has. `none`: no reader wired to the host (a keyboard-wedge reader, which
 * the page decodes itself, or manual ID checks only).
 */
export type ScannerConfig =
  | { kind: 'none' }
  | ({ kind: 'simulator' } & SimulatedScannerOptions)
  | ({ kind: 'hid-pos' } & HidPosScannerOptions);

/** Builds the configured reader without starting it; the caller calls `start()`. */
export function createScanner(config: ScannerConfig): DocumentScanner | null {
  switch (config.kind) {
    case 'none':
      return null;
    case 'simulator':
      return new SimulatedScanner(config);
    case 'hid-pos':
      return new HidPosScanner(config);
    default:
      // Settings come from a file, so a misspelt kind reaches us at run time despite the type.
      throw new RangeError(`unknown scanner kind "${String((config as { kind: unknown }).kind)}"`);
  }
}
