import { EventEmitter } from 'node:events';
import type { Device } from 'node-hid';
import type { HidDriverType, NodeHidApi } from '../../hardware/hid-pos-scanner.js';

/**
 * A stand-in for node-hid 3.x at the hardware edge, behaving like `HIDAsync` where the scanner
 * can tell: `close()` is async and removes every listener (so a closed device is silent), data
 * arrives as Buffers including the report ID, read failures arrive as `error` events.
 */
export class FakeHidDevice extends EventEmitter {
  closed = false;

  constructor(readonly path: string) {
    super();
  }

  /** The reader sends one input report. */
  send(report: Uint8Array): void {
    if (!this.closed) this.emit('data', Buffer.from(report));
  }

  /** A read fails, as hidapi reports an I/O error or (on Linux) an unplug. */
  fail(): void {
    if (!this.closed) this.emit('error', new Error('could not read from HID device'));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.removeAllListeners();
  }
}

export class FakeNodeHid implements NodeHidApi {
  readonly driverTypes: HidDriverType[] = [];
  readonly opened: FakeHidDevice[] = [];
  devices: Device[] = [];
  refuseOpen = false;

  readonly HIDAsync = {
    open: async (path: string): Promise<FakeHidDevice> => {
      if (this.refuseOpen || !this.devices.some((device) => device.path === path)) {
        throw new Error(`cannot open device with path ${path}`);
      }
      const device = new FakeHidDevice(path);
      this.opened.push(device);
      return device;
    },
  };

  async devicesAsync(): Promise<Device[]> {
    return this.devices.map((device) => ({ ...device }));
  }

  setDriverType(type: HidDriverType): void {
    this.driverTypes.push(type);
  }

  plug(device: Device): void {
    this.devices.push(device);
  }

  unplug(path: string): void {
    this.devices = this.devices.filter((device) => device.path !== path);
  }

  /** The most recently opened device, which the scanner should be reading. */
  get current(): FakeHidDevice {
    const device = this.opened.at(-1);
    if (!device) throw new Error('no device has been opened');
    return device;
  }
}

export function hidDevice(overrides: Partial<Device> & { path: string }): Device {
  return {
    vendorId: 0x0db5,
    productId: 0x013b,
    release: 0x0100,
    interface: 0,
    usagePage: 0x8c,
    usage: 0x02,
    manufacturer: 'Access IS',
    product: 'Document reader',
    ...overrides,
  };
}
