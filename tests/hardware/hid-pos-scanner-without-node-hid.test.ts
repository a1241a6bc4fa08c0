import { describe, expect, it, vi } from 'vitest';
import { HidPosScanner } from '../../hardware/hid-pos-scanner.js';

// A PC where node-hid is missing or its native binding does not load.
vi.mock('node-hid', () => {
  throw new Error('Cannot find module node-hid');
});

describe('HidPosScanner without node-hid', () => {
  it('still starts, and reports the reader as unusable instead of crashing', async () => {
    const scanner = new HidPosScanner();
    await expect(scanner.start()).resolves.toBeUndefined();
    expect(scanner.status()).toEqual({
      state: 'error',
      detail: 'node-hid could not be loaded: HID POS readers cannot be used on this PC',
    });
    await scanner.stop();
  });
});
