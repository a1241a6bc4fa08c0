import { describe, expect, it } from 'vitest';
import type { ScannerStatus } from '../../hardware/document-scanner.js';
import { SimulatedScanner } from '../../hardware/simulated-scanner.js';
import { TD1_MRZ, TD3_MRZ } from './hid-pos-fixtures.js';

function setUp(scanner = new SimulatedScanner()) {
  const statuses: ScannerStatus[] = [];
  const documents: string[] = [];
  scanner.on('status', (status) => statuses.push(status));
  scanner.on('document', (mrz) => documents.push(mrz));
  return { scanner, statuses, documents };
}

/** Documents are delivered in a microtask, as from a real reader. */
const delivered = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SimulatedScanner', () => {
  it('is connected once started and emits scanned documents like a HID POS reader', async () => {
    const { scanner, statuses, documents } = setUp();
    expect(scanner.kind).toBe('simulator');
    await scanner.start();
    expect(statuses).toEqual([{ state: 'connected', detail: 'simulated reader' }]);
    expect(scanner.scan(TD3_MRZ)).toBe(true);
    expect(scanner.scan(TD1_MRZ)).toBe(true);
    await delivered();
    expect(documents).toEqual([TD3_MRZ, TD1_MRZ]);
  });

  it('normalises line breaks the way the HID POS path does', async () => {
    const { scanner, documents } = setUp();
    await scanner.start();
    scanner.scan(`${TD1_MRZ}\n`);
    await delivered();
    expect(documents).toEqual([TD1_MRZ]);
  });

  it('reads nothing while unplugged and reports plug changes', async () => {
    const { scanner, statuses, documents } = setUp();
    await scanner.start();
    scanner.unplug();
    expect(scanner.scan(TD3_MRZ)).toBe(false);
    scanner.plugIn();
    expect(scanner.scan(TD1_MRZ)).toBe(true);
    await delivered();
    expect(statuses.map((status) => status.state)).toEqual([
      'connected',
      'disconnected',
      'connected',
    ]);
    expect(documents).toEqual([TD1_MRZ]);
  });

  it('can start unplugged, reads nothing before start or after stop, and stops once', async () => {
    const { scanner, statuses, documents } = setUp(new SimulatedScanner({ pluggedIn: false }));
    expect(scanner.scan(TD3_MRZ)).toBe(false);
    await scanner.start();
    expect(scanner.status()).toEqual({
      state: 'disconnected',
      detail: 'simulated reader unplugged',
    });
    scanner.plugIn();
    await scanner.stop();
    await scanner.stop();
    expect(scanner.scan(TD3_MRZ)).toBe(false);
    await delivered();
    expect(documents).toEqual([]);
    expect(statuses.map((status) => status.detail)).toEqual([
      'simulated reader unplugged',
      'simulated reader',
      'stopped',
    ]);
  });
});
