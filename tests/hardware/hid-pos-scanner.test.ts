import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScannerStatus } from '../../hardware/document-scanner.js';
import { HidPosScanner, type HidPosScannerOptions } from '../../hardware/hid-pos-scanner.js';
import { FakeNodeHid, hidDevice } from './fake-node-hid.js';
import {
  FOREIGN_REPORT,
  OVERLONG_REPORT,
  TD1_MRZ,
  TD3_MRZ,
  td1Reports,
  td3Reports,
} from './hid-pos-fixtures.js';

const POLL_MS = 10;
const READER_PATH = '/dev/hidraw3';

function setUp(options: HidPosScannerOptions = {}) {
  const hid = new FakeNodeHid();
  const scanner = new HidPosScanner({
    hid,
    pollIntervalMs: POLL_MS,
    platform: 'linux',
    ...options,
  });
  const statuses: ScannerStatus[] = [];
  const documents: string[] = [];
  scanner.on('status', (status) => statuses.push(status));
  scanner.on('document', (mrz) => documents.push(mrz));
  return {
    hid,
    scanner,
    statuses,
    documents,
    states: () => statuses.map((status) => status.state),
  };
}

/** Lets pending promises and microtasks (document delivery) run, without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);
const polls = (count = 1) => vi.advanceTimersByTimeAsync(POLL_MS * count);

function sendAll(device: { send(report: Uint8Array): void }, reports: Uint8Array[]): void {
  for (const report of reports) device.send(report);
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('HidPosScanner: finding the reader', () => {
  it('reports disconnected, naming what it looks for, when no reader is plugged in', async () => {
    const { scanner, statuses } = setUp();
    await scanner.start();
    expect(statuses).toEqual([
      {
        state: 'disconnected',
        detail: 'no HID POS reader found (vendor 0x0db5, 0x0c2e, usage page 0x8c)',
      },
    ]);
    await polls(5);
    expect(statuses).toHaveLength(1);
    await scanner.stop();
  });

  it('opens a plugged-in reader on start and chooses the hidraw driver on Linux', async () => {
    const { hid, scanner } = setUp();
    hid.plug(hidDevice({ path: READER_PATH }));
    await scanner.start();
    expect(scanner.status()).toEqual({ state: 'connected', detail: 'reader 0x0db5:0x013b' });
    expect(hid.current.path).toBe(READER_PATH);
    expect(hid.driverTypes).toEqual(['hidraw']);
    await scanner.stop();
  });

  it('uses the configured Linux driver and leaves other platforms alone', async () => {
    const linux = setUp({ linuxDriver: 'libusb' });
    await linux.scanner.start();
    expect(linux.hid.driverTypes).toEqual(['libusb']);
    const windows = setUp({ platform: 'win32' });
    await windows.scanner.start();
    expect(windows.hid.driverTypes).toEqual([]);
    await linux.scanner.stop();
    await windows.scanner.stop();
  });

  it('opens the HID POS interface, not the keyboard interface of the same reader', async () => {
    const { hid, scanner } = setUp();
    hid.plug(hidDevice({ path: '/dev/hidraw1', usagePage: 0x01, usage: 0x06 }));
    hid.plug(hidDevice({ path: '/dev/hidraw2', usagePage: 0x8c }));
    await scanner.start();
    expect(hid.opened.map((device) => device.path)).toEqual(['/dev/hidraw2']);
    await scanner.stop();
  });

  it('ignores other vendors and, when asked, matches by product id', async () => {
    const { hid, scanner } = setUp({ readers: [{ vendorId: 0x0c2e, productId: 0x0b6a }] });
    hid.plug(hidDevice({ path: '/dev/hidraw1' })); // Access-IS: not configured here
    hid.plug(hidDevice({ path: '/dev/hidraw2', vendorId: 0x0c2e, productId: 0x0b61 }));
    hid.plug(hidDevice({ path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b6a }));
    await scanner.start();
    expect(hid.opened.map((device) => device.path)).toEqual(['/dev/hidraw3']);
    await scanner.stop();
  });

  it('can drop the usage-page filter for a backend that reports none', async () => {
    const { hid, scanner } = setUp({ usagePage: null });
    hid.plug(hidDevice({ path: READER_PATH, usagePage: undefined }));
    await scanner.start();
    expect(scanner.status().state).toBe('connected');
    await scanner.stop();
  });

  it('reports a reader it may not open, with a udev hint, and opens it once it may', async () => {
    const { hid, scanner, statuses } = setUp();
    hid.plug(hidDevice({ path: READER_PATH }));
    hid.refuseOpen = true;
    await scanner.start();
    expect(statuses).toEqual([
      {
        state: 'error',
        detail:
          'reader 0x0db5:0x013b could not be opened (check the udev rule and the kiosk user’s group)',
      },
    ]);
    hid.refuseOpen = false;
    await polls();
    expect(scanner.status().state).toBe('connected');
    await scanner.stop();
  });

  it('reports a failing device list and carries on polling', async () => {
    const { hid, scanner, states } = setUp();
    const listing = vi
      .spyOn(hid, 'devicesAsync')
      .mockRejectedValueOnce(new Error('enumeration failed'));
    hid.plug(hidDevice({ path: READER_PATH }));
    await scanner.start();
    await polls();
    expect(states()).toEqual(['error', 'connected']);
    expect(listing).toHaveBeenCalledTimes(2);
    await scanner.stop();
  });

  it('keeps an open reader connected when a later device listing fails', async () => {
    const { hid, scanner, states, documents } = setUp();
    hid.plug(hidDevice({ path: READER_PATH }));
    await scanner.start();
    vi.spyOn(hid, 'devicesAsync').mockRejectedValueOnce(new Error('enumeration failed'));
    await polls(2);
    expect(states()).toEqual(['connected']);
    sendAll(hid.current, td3Reports());
    await settle();
    expect(documents).toEqual([TD3_MRZ]);
    await scanner.stop();
  });

  it('rejects configuration it cannot use', () => {
    const hid = new FakeNodeHid();
    expect(() => new HidPosScanner({ hid, readers: [] })).toThrow(RangeError);
    expect(() => new HidPosScanner({ hid, readers: [{ vendorId: 0x10000 }] })).toThrow(RangeError);
    expect(
      () => new HidPosScanner({ hid, readers: [{ vendorId: 1, layout: 'at-63' as 'standard' }] }),
    ).toThrow(/unknown HID POS layout/);
    expect(() => new HidPosScanner({ hid, pollIntervalMs: 0 })).toThrow(RangeError);
  });
});

describe('HidPosScanner: reading documents', () => {
  async function connected(
    options: HidPosScannerOptions = {},
    device = hidDevice({ path: READER_PATH }),
  ) {
    const setup = setUp(options);
    setup.hid.plug(device);
    await setup.scanner.start();
    expect(setup.scanner.status().state).toBe('connected');
    return setup;
  }

  it('emits a TD3 passport sent as two reports, lines separated by \\n', async () => {
    const { hid, scanner, documents } = await connected();
    sendAll(hid.current, td3Reports());
    await settle();
    expect(documents).toEqual([TD3_MRZ]);
    await scanner.stop();
  });

  it('emits a TD1 card sent as three reports, with garbage reports in between', async () => {
    const { hid, scanner, documents } = await connected();
    const [first, second, third] = td1Reports();
    sendAll(hid.current, [
      OVERLONG_REPORT,
      first!,
      FOREIGN_REPORT,
      second!,
      FOREIGN_REPORT,
      third!,
    ]);
    await settle();
    expect(documents).toEqual([TD1_MRZ]);
    await scanner.stop();
  });

  it('drops a message broken by a corrupt report and delivers the next one whole', async () => {
    const { hid, scanner, documents } = await connected();
    const [td3First] = td3Reports();
    sendAll(hid.current, [td3First!, OVERLONG_REPORT, ...td1Reports()]);
    await settle();
    expect(documents).toEqual([TD1_MRZ]);
    await scanner.stop();
  });

  it('reads a reader with the symbology code at byte 62 when its layout is configured', async () => {
    const { hid, scanner, documents } = await connected(
      { readers: [{ vendorId: 0x1234, layout: 'symbology-at-62' }] },
      hidDevice({ path: READER_PATH, vendorId: 0x1234, productId: 0x0001 }),
    );
    sendAll(hid.current, td3Reports(62));
    await settle();
    expect(documents).toEqual([TD3_MRZ]);
    await scanner.stop();
  });

  it('drops a half message that went stale before the next scan', async () => {
    const { hid, scanner, documents } = await connected({ staleMessageMs: 500 });
    const [td3First] = td3Reports();
    hid.current.send(td3First!);
    await vi.advanceTimersByTimeAsync(600);
    sendAll(hid.current, td1Reports());
    await settle();
    expect(documents).toEqual([TD1_MRZ]);
    await scanner.stop();
  });

  it('after a device error mid-message, reconnects and delivers the next document whole', async () => {
    const { hid, scanner, documents, states } = await connected();
    const failing = hid.current;
    const [td3First, td3Second] = td3Reports();
    failing.send(td3First!);
    failing.fail();
    await settle();
    expect(states()).toEqual(['connected', 'error']);
    expect(failing.closed).toBe(true);

    await polls();
    expect(states()).toEqual(['connected', 'error', 'connected']);
    expect(hid.current).not.toBe(failing);
    failing.send(td3Second!); // the old handle is closed: nothing may come of it
    sendAll(hid.current, td1Reports());
    await settle();
    expect(documents).toEqual([TD1_MRZ]);
    await scanner.stop();
  });

  it('does not let a document listener’s exception reach the device as a read error', async () => {
    const { hid, scanner, statuses } = await connected();
    const caught: unknown[] = [];
    scanner.on('document', () => {
      throw new Error('listener bug');
    });
    const original = globalThis.queueMicrotask;
    const spy = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) =>
      original(() => {
        try {
          task();
        } catch (error) {
          caught.push(error);
        }
      }),
    );
    expect(() => sendAll(hid.current, td3Reports())).not.toThrow();
    await settle();
    spy.mockRestore();
    expect(caught).toHaveLength(1);
    expect(statuses.map((status) => status.state)).toEqual(['connected']);
    await scanner.stop();
  });
});

describe('HidPosScanner: hot-plug', () => {
  it('unplug (with the read error Linux gives) → disconnected → replug → connected, no restart', async () => {
    const { hid, scanner, documents, statuses } = setUp();
    hid.plug(hidDevice({ path: READER_PATH }));
    await scanner.start();
    const first = hid.current;

    hid.unplug(READER_PATH);
    first.fail();
    await settle();
    expect(statuses.at(-1)).toEqual({
      state: 'disconnected',
      detail: 'reader 0x0db5:0x013b was unplugged',
    });
    expect(first.closed).toBe(true);

    // Polling on: the explanation changes once, then nothing until the reader is back.
    await polls(5);
    expect(statuses.slice(2)).toEqual([
      {
        state: 'disconnected',
        detail: 'no HID POS reader found (vendor 0x0db5, 0x0c2e, usage page 0x8c)',
      },
    ]);

    hid.plug(hidDevice({ path: '/dev/hidraw7' }));
    await polls();
    expect(statuses.map((status) => status.state)).toEqual([
      'connected',
      'disconnected',
      'disconnected',
      'connected',
    ]);
    sendAll(hid.current, td3Reports());
    await settle();
    expect(documents).toEqual([TD3_MRZ]);
    await scanner.stop();
  });

  it('notices an unplug that only shows in the device list', async () => {
    const { hid, scanner, states } = setUp();
    hid.plug(hidDevice({ path: READER_PATH }));
    await scanner.start();
    const first = hid.current;
    hid.unplug(READER_PATH);
    await polls();
    expect(states()).toEqual(['connected', 'disconnected']);
    expect(first.closed).toBe(true);
    await scanner.stop();
  });

  it('picks up a reader plugged in after start', async () => {
    const { hid, scanner, states } = setUp();
    await scanner.start();
    await polls(3);
    hid.plug(hidDevice({ path: READER_PATH }));
    await polls();
    expect(states()).toEqual(['disconnected', 'connected']);
    await scanner.stop();
  });
});

describe('HidPosScanner: stop', () => {
  it('closes the device, reports stopped, stops polling and may be called twice', async () => {
    const { hid, scanner, statuses } = setUp();
    hid.plug(hidDevice({ path: READER_PATH }));
    await scanner.start();
    const listing = vi.spyOn(hid, 'devicesAsync');
    await scanner.stop();
    await scanner.stop();
    expect(hid.current.closed).toBe(true);
    expect(statuses.at(-1)).toEqual({ state: 'disconnected', detail: 'stopped' });
    await polls(10);
    expect(listing).not.toHaveBeenCalled();
    expect(statuses.filter((status) => status.detail === 'stopped')).toHaveLength(1);
  });

  it('can be started again after a stop', async () => {
    const { hid, scanner } = setUp();
    hid.plug(hidDevice({ path: READER_PATH }));
    await scanner.start();
    await scanner.stop();
    await scanner.start();
    expect(scanner.status().state).toBe('connected');
    expect(hid.opened).toHaveLength(2);
    await scanner.stop();
  });
});
