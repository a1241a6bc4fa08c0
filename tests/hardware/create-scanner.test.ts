import { describe, expect, it } from 'vitest';
import { createScanner, type ScannerConfig } from '../../hardware/create-scanner.js';
import { HidPosScanner } from '../../hardware/hid-pos-scanner.js';
import { SimulatedScanner } from '../../hardware/simulated-scanner.js';
import { FakeNodeHid, hidDevice } from './fake-node-hid.js';

describe('createScanner', () => {
  it('returns no scanner for kind none', () => {
    expect(createScanner({ kind: 'none' })).toBeNull();
  });

  it('builds a simulator with its options', () => {
    const scanner = createScanner({ kind: 'simulator', pluggedIn: false });
    expect(scanner).toBeInstanceOf(SimulatedScanner);
    expect(scanner?.kind).toBe('simulator');
  });

  it('builds a HID POS scanner that uses the given options', async () => {
    const hid = new FakeNodeHid();
    hid.plug(hidDevice({ path: '/dev/hidraw0', vendorId: 0x0ed1, productId: 0x7634 }));
    const scanner = createScanner({ kind: 'hid-pos', hid, readers: [{ vendorId: 0x0ed1 }] });
    expect(scanner).toBeInstanceOf(HidPosScanner);
    await scanner?.start();
    expect(scanner?.status()).toEqual({ state: 'connected', detail: 'reader 0x0ed1:0x7634' });
    await scanner?.stop();
  });

  it('refuses an unknown kind from a settings file', () => {
    expect(() => createScanner({ kind: 'serial' } as unknown as ScannerConfig)).toThrow(
      /unknown scanner kind/,
    );
  });
});
