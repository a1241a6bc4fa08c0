import type { Device } from 'node-hid';
import type { ScannerStatus } from './document-scanner.js';
import {
  DEFAULT_STALE_AFTER_MS,
  HID_POS_LAYOUTS,
  HID_POS_USAGE_PAGE,
  HidPosReassembler,
  type HidPosLayoutName,
} from './hid-pos-reports.js';
import { ScannerBase } from './scanner-base.js';

export type HidDriverType = 'hidraw' | 'libusb';

/** The part of an open node-hid `HIDAsync` device that the scanner uses. */
export interface HidDeviceHandle {
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void>;
}

/**
 * The part of the node-hid 3.x module that the scanner uses (`devicesAsync`, `HIDAsync.open`,
 * `setDriverType`). The real module satisfies it; tests inject a fake of the same shape.
 */
export interface NodeHidApi {
  devicesAsync(): Promise<Device[]>;
  HIDAsync: { open(path: string): Promise<HidDeviceHandle> };
  setDriverType?(type: HidDriverType): void;
}

export interface HidPosReaderMatch {
  vendorId: number;
  /** Omit to accept any product of the vendor (the usage-page filter still applies). */
  productId?: number;
  /** Where this reader puts its vendor symbology code; `standard` when omitted. */
  layout?: HidPosLayoutName;
}

/**
 * Vendor ids checked against the USB ID repository (usb.ids): 0x0db5 "Access IS",
 * 0x0c2e "Metrologic Instruments" (Honeywell's scanner line). Product ids differ per model and
 * per interface mode, so they are left open and the HID POS usage page picks the right
 * interface of a reader that also offers a keyboard or serial one.
 */
export const DEFAULT_HID_POS_READERS: readonly HidPosReaderMatch[] = [
  { vendorId: 0x0db5, layout: 'standard' },
  { vendorId: 0x0c2e, layout: 'standard' },
];

export const DEFAULT_POLL_INTERVAL_MS = 1000;

export interface HidPosScannerOptions {
  readers?: readonly HidPosReaderMatch[];
  /**
   * Only devices whose top-level collection has this usage page are opened (0x8C, HID POS bar
   * code scanner). `null` turns the filter off, for a backend that reports no usage page.
   */
  usagePage?: number | null;
  /** How often the device list is checked for a (re)plugged or vanished reader. */
  pollIntervalMs?: number;
  /** See HidPosReassemblerOptions.staleAfterMs. */
  staleMessageMs?: number;
  /** Linux only: which node-hid backend to load; `hidraw` unless set. */
  linuxDriver?: HidDriverType;
  /** node-hid itself, or a fake; loaded lazily with `import('node-hid')` when omitted. */
  hid?: NodeHidApi;
  /** Defaults to process.platform; decides whether the Linux driver choice applies. */
  platform?: NodeJS.Platform;
}

interface Connection {
  handle: HidDeviceHandle;
  path: string;
  label: string;
  reassembler: HidPosReassembler;
}

/**
 * A document reader in HID POS mode, read through node-hid. Keeps polling the device list, so
 * a reader that is unplugged, fails or is plugged in later is picked up without a restart.
 * Assumes one reader per PC: the first matching device is used.
 */
export class HidPosScanner extends ScannerBase {
  readonly kind = 'hid-pos' as const;

  readonly #readers: readonly HidPosReaderMatch[];
  readonly #usagePage: number | null;
  readonly #pollIntervalMs: number;
  readonly #staleMessageMs: number;
  readonly #linuxDriver: HidDriverType;
  readonly #platform: NodeJS.Platform;
  #hid: NodeHidApi | undefined;

  #running = false;
  /** Bumped by start and stop, so a poll loop of an earlier start never reschedules itself. */
  #generation = 0;
  #pollTimer: NodeJS.Timeout | undefined;
  #connection: Connection | null = null;
  /** Polls and error handling run one at a time; both open and close the device. */
  #queue: Promise<void> = Promise.resolve();

  constructor(options: HidPosScannerOptions = {}) {
    super();
    this.#readers = options.readers ?? DEFAULT_HID_POS_READERS;
    this.#usagePage = options.usagePage === undefined ? HID_POS_USAGE_PAGE : options.usagePage;
    this.#pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.#staleMessageMs = options.staleMessageMs ?? DEFAULT_STALE_AFTER_MS;
    this.#linuxDriver = options.linuxDriver ?? 'hidraw';
    this.#platform = options.platform ?? process.platform;
    this.#hid = options.hid;
    validateOptions(this.#readers, this.#pollIntervalMs, this.#staleMessageMs);
  }

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    const generation = ++this.#generation;
    const hid = await this.#loadHid();
    if (!hid || generation !== this.#generation) return;
    await this.#serially(() => this.#poll(hid));
    this.#schedulePoll(hid, generation);
  }

  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#generation++;
    clearTimeout(this.#pollTimer);
    await this.#serially(() => this.#closeConnection());
    this.setStatus({ state: 'disconnected', detail: 'stopped' });
  }

  async #loadHid(): Promise<NodeHidApi | null> {
    try {
      this.#hid ??= await import('node-hid');
    } catch {
      this.setStatus({
        state: 'error',
        detail: 'node-hid could not be loaded: HID POS readers cannot be used on this PC',
      });
      return null;
    }
    // node-hid 3.4 already picks hidraw on Linux when nothing is set; saying so explicitly keeps
    // the choice visible and configurable. It only takes effect before node-hid loads its
    // native binding (first enumeration or open in this process).
    if (this.#platform === 'linux') this.#hid.setDriverType?.(this.#linuxDriver);
    return this.#hid;
  }

  #schedulePoll(hid: NodeHidApi, generation: number): void {
    if (!this.#running || generation !== this.#generation) return;
    this.#pollTimer = setTimeout(() => {
      void this.#serially(() => this.#poll(hid)).then(() => this.#schedulePoll(hid, generation));
    }, this.#pollIntervalMs);
    // A scanner waiting for its reader is no reason to keep the process alive.
    this.#pollTimer.unref();
  }

  #serially(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #poll(hid: NodeHidApi): Promise<void> {
    if (!this.#running) return;
    const devices = await listDevices(hid);
    if (!this.#running) return;

    const open = this.#connection;
    // A failed listing says nothing about an open reader, which may well be reading fine.
    if (!devices) {
      if (!open)
        this.setStatus({ state: 'error', detail: 'the list of HID devices could not be read' });
      return;
    }
    if (open) {
      // Some platforms report an unplugged device only through the device list, not an error.
      if (!devices.some((device) => device.path === open.path)) {
        await this.#closeConnection();
        this.setStatus({ state: 'disconnected', detail: `reader ${open.label} was unplugged` });
      }
      return;
    }

    const found = this.#findReader(devices);
    if (!found) {
      this.setStatus({ state: 'disconnected', detail: this.#notFoundDetail() });
      return;
    }
    await this.#open(hid, found.path, found.device, found.match);
  }

  #findReader(devices: readonly Device[]) {
    for (const device of devices) {
      if (device.path === undefined) continue;
      if (this.#usagePage !== null && device.usagePage !== this.#usagePage) continue;
      const match = this.#readers.find(
        (reader) =>
          reader.vendorId === device.vendorId &&
          (reader.productId === undefined || reader.productId === device.productId),
      );
      if (match) return { device, path: device.path, match };
    }
    return null;
  }

  async #open(
    hid: NodeHidApi,
    path: string,
    device: Device,
    match: HidPosReaderMatch,
  ): Promise<void> {
    const label = `${hex4(device.vendorId)}:${hex4(device.productId)}`;
    let handle: HidDeviceHandle;
    try {
      handle = await hid.HIDAsync.open(path);
    } catch {
      const hint =
        this.#platform === 'linux' ? ' (check the udev rule and the kiosk user’s group)' : '';
      this.setStatus({ state: 'error', detail: `reader ${label} could not be opened${hint}` });
      return;
    }
    if (!this.#running) {
      await closeQuietly(handle);
      return;
    }

    const connection: Connection = {
      handle,
      path,
      label,
      reassembler: new HidPosReassembler({
        layout: HID_POS_LAYOUTS[match.layout ?? 'standard'],
        staleAfterMs: this.#staleMessageMs,
      }),
    };
    this.#connection = connection;
    handle.on('error', () => this.#onDeviceError(hid, connection));
    handle.on('data', (report) => {
      if (this.#connection === connection)
        this.feedReport(connection.reassembler, report, Date.now());
    });
    this.setStatus({ state: 'connected', detail: `reader ${label}` });
  }

  /**
   * The half-read message dies with the connection: the next one starts with a fresh
   * reassembler, so it can never be glued onto the remains. On Linux an unplug shows up as a
   * read error, hence the look at the device list to tell the two apart.
   */
  #onDeviceError(hid: NodeHidApi, connection: Connection): void {
    void this.#serially(async () => {
      if (this.#connection !== connection) return;
      await this.#closeConnection();
      let status: ScannerStatus = {
        state: 'error',
        detail: `reader ${connection.label} failed; reconnecting`,
      };
      const devices = await listDevices(hid);
      if (devices && !devices.some((device) => device.path === connection.path)) {
        status = { state: 'disconnected', detail: `reader ${connection.label} was unplugged` };
      }
      if (this.#running) this.setStatus(status);
    });
  }

  async #closeConnection(): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    this.#connection = null;
    await closeQuietly(connection.handle);
  }

  #notFoundDetail(): string {
    const vendors = [...new Set(this.#readers.map((reader) => hex4(reader.vendorId)))].join(', ');
    const page = this.#usagePage === null ? '' : `, usage page ${hex2(this.#usagePage)}`;
    return `no HID POS reader found (vendor ${vendors}${page})`;
  }
}

async function listDevices(hid: NodeHidApi): Promise<Device[] | null> {
  try {
    return await hid.devicesAsync();
  } catch {
    return null;
  }
}

/** Closing a device that has just vanished can fail; there is nothing left to release then. */
async function closeQuietly(handle: HidDeviceHandle): Promise<void> {
  try {
    await handle.close();
  } catch {
    // already gone
  }
}

function validateOptions(
  readers: readonly HidPosReaderMatch[],
  pollIntervalMs: number,
  staleMessageMs: number,
): void {
  if (readers.length === 0)
    throw new RangeError('HID POS scanner needs at least one reader to look for');
  for (const reader of readers) {
    if (
      !isUsbId(reader.vendorId) ||
      (reader.productId !== undefined && !isUsbId(reader.productId))
    ) {
      throw new RangeError('HID POS reader vendorId/productId must be integers 0x0000–0xffff');
    }
    if (reader.layout !== undefined && !Object.hasOwn(HID_POS_LAYOUTS, reader.layout)) {
      throw new RangeError(`unknown HID POS layout "${String(reader.layout)}"`);
    }
  }
  if (!(pollIntervalMs > 0) || !(staleMessageMs > 0)) {
    throw new RangeError('HID POS pollIntervalMs and staleMessageMs must be positive');
  }
}

function isUsbId(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 0xffff;
}

function hex4(value: number): string {
  return `0x${value.toString(16).padStart(4, '0')}`;
}

function hex2(value: number): string {
  return `0x${value.toString(16).padStart(2, '0')}`;
}
