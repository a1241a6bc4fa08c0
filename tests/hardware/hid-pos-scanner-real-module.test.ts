import { describe, expect, it } from 'vitest';
import { HidPosScanner } from '../../hardware/hid-pos-scanner.js';

// Loads the real node-hid (no fake): proves the lazy import finds the module's named exports
// and that its native binding loads with the hidraw driver. Assumes no document reader is
// plugged into the machine running the tests (true for CI).
describe('HidPosScanner with the installed node-hid', () => {
  it('loads node-hid lazily, enumerates, and reports that no reader is plugged in', async () => {
    const scanner = new HidPosScanner({ pollIntervalMs: 60_000 });
    await scanner.start();
    expect(scanner.status()).toEqual({
      state: 'disconnected',
      detail: 'no HID POS reader found (vendor 0x0db5, 0x0c2e, usage page 0x8c)',
    });
    await scanner.stop();
    expect(scanner.status()).toEqual({ state: 'disconnected', detail: 'stopped' });
  });
});
