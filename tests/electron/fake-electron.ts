/**
 * A recording stand-in for the `electron` module, for tests of main-process and preload code
 * (the real module needs Electron's binary, which cannot be downloaded here). Each test file says
 *
 *   vi.mock('electron', () => import('./fake-electron.js'));
 *
 * and imports `fakeElectron` from this file to steer it and read what the code under test did.
 * Objects keep Electron's method names and argument order, so code typed against Electron's own
 * declarations runs unchanged; `fakeElectron.reset()` between tests.
 */
import { EventEmitter } from 'node:events';
import type { WebContentsPrintOptions } from 'electron';

/** Electron passes an event whose preventDefault() is the "no" answer; this one remembers it. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type PrintCallback = (success: boolean, failureReason: string) => void;
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  url = '';
  destroyed = false;
  crashed = false;
  crashCount = 0;
  readonly loadedUrls: string[] = [];
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly printCalls: WebContentsPrintOptions[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.url = url;
    await fakeElectron.loadResult(url);
  }
  getURL(): string {
    return this.url;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isCrashed(): boolean {
    return this.crashed;
  }
  forcefullyCrashRenderer(): void {
    this.crashCount += 1;
  }
  async getPrintersAsync(): Promise<{ name: string; displayName: string; description: string; options: object }[]> {
    return fakeElectron.printers.map((name) => ({ name, displayName: name, description: '', options: {} }));
  }
  print(options: WebContentsPrintOptions, callback: PrintCallback): void {
    this.printCalls.push(options);
    fakeElectron.printResponse(options, callback);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  focusCount = 0;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    fakeElectron.windows.push(this);
    // As in Electron: the app hears about every new web contents.
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focusCount += 1;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  singleInstanceLock = true;
  userDataDir = '/nonexistent/user-data';
  quitCount = 0;
  exitCodes: number[] = [];
  /** True once a quit was not held back by a will-quit listener. */
  quitted = false;

  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  async whenReady(): Promise<void> {
    fakeElectron.calls.push('app.whenReady');
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake app.getPath knows only userData, not ${name}`);
    return this.userDataDir;
  }
  quit(): void {
    this.quitCount += 1;
    const event = new FakeEvent();
    this.emit('will-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, IpcHandler>();
  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  /** What `ipcRenderer.invoke` from a frame at `senderUrl` would get back. */
  async invoke(channel: string, sender: { url: string; parent: unknown } | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: sender }, ...args);
  }
}

type Listener = (...args: never[]) => unknown;

class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  readonly webRequest = {
    headersReceived: null as Listener | null,
    beforeSendHeaders: null as Listener | null,
    onHeadersReceived: (listener: Listener) => {
      this.webRequest.headersReceived = listener;
    },
    onBeforeSendHeaders: (listener: Listener) => {
      this.webRequest.beforeSendHeaders = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  invokeAnswer: unknown = { ok: true };
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return this.invokeAnswer;
  }
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;
export const ipcMain = new FakeIpcMain();
export const session = { defaultSession: new FakeSession() };
export const Menu = {
  setApplicationMenu(menu: unknown): void {
    fakeElectron.calls.push('Menu.setApplicationMenu');
    fakeElectron.applicationMenu = menu;
  },
};
export const powerSaveBlocker = {
  start(type: string): number {
    fakeElectron.powerSaveBlocks.push(type);
    return fakeElectron.powerSaveBlocks.length;
  },
};
export const dialog = {
  showErrorBox(title: string, content: string): void {
    fakeElectron.errorBoxes.push({ title, content });
  },
};
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    fakeElectron.exposed.set(key, api);
  },
};
export const ipcRenderer = new FakeIpcRenderer();

function freshState() {
  return {
    windows: [] as FakeBrowserWindow[],
    /** Order of notable calls, for "before ready" checks. */
    calls: [] as string[],
    applicationMenu: undefined as unknown,
    powerSaveBlocks: [] as string[],
    errorBoxes: [] as { title: string; content: string }[],
    exposed: new Map<string, unknown>(),
    /** Printer names the operating system reports. */
    printers: ['Receipt_Printer'],
    /** How the printer driver answers a print job; default: printed. */
    printResponse: (_options: WebContentsPrintOptions, callback: PrintCallback): void => callback(true, ''),
    /** How a page load ends; default: loaded. */
    loadResult: async (_url: string): Promise<void> => {},
  };
}

export const fakeElectron = {
  ...freshState(),
  reset(): void {
    Object.assign(fakeElectron, freshState());
    app.removeAllListeners();
    Object.assign(app, { isPackaged: false, singleInstanceLock: true, userDataDir: '/nonexistent/user-data', quitCount: 0, exitCodes: [], quitted: false });
    ipcMain.handlers.clear();
    session.defaultSession = new FakeSession();
    ipcRenderer.removeAllListeners();
    ipcRenderer.invocations.length = 0;
    ipcRenderer.invokeAnswer = { ok: true };
  },
};
