import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../electron/ipc.js';
import { ShellConfigError, SHELL_CONFIG_ENV } from '../../electron/shell-config.js';
import { startShell } from '../../electron/shell.js';
import { pageUrl, windowOptions } from '../../electron/window-policy.js';
import type { HostConfig } from '../../server/config.js';
import { createScanner } from '../../hardware/create-scanner.js';
import type { SimulatedScanner } from '../../hardware/simulated-scanner.js';
import { startHost } from '../../server/host.js';
import { app, fakeElectron, FakeEvent, ipcMain, session } from './fake-electron.js';
import { recordingLog } from './recording-log.js';

vi.mock('electron', () => import('./fake-electron.js'));
vi.mock('../../server/host.js', () => ({ startHost: vi.fn() }));
// The real factory, watched, so a test can reach the simulated reader the shell created.
vi.mock('../../hardware/create-scanner.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../hardware/create-scanner.js')>();
  return { createScanner: vi.fn(real.createScanner) };
});

const ELECTRON_DIR = fileURLToPath(new URL('../../electron/', import.meta.url));
const EMBEDDED_ORIGIN = 'http://127.0.0.1:8080';
const REMOTE_ORIGIN = 'https://office-pc.local:8443';
const MRZ = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

const started = vi.mocked(startHost);
const closeHost = vi.fn(async () => {});
const dir = mkdtempSync(path.join(tmpdir(), 'shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function envWithConfig(config: object): NodeJS.ProcessEnv {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(config));
  return { [SHELL_CONFIG_ENV]: file };
}

function mainWindow() {
  const window = fakeElectron.windows[0];
  if (!window) throw new Error('no window was created');
  return window;
}

beforeEach(() => {
  fakeElectron.reset();
  app.userDataDir = dir;
  started.mockReset();
  closeHost.mockClear();
  started.mockImplementation(async (config: HostConfig) => ({ url: `http://${config.host}:${config.port}`, app: {} as never, passwords: {} as never, close: closeHost }));
});

describe('startShell as a one-PC-office kiosk', () => {
  const kioskConfig = { role: 'kiosk', printerName: 'Receipt_Printer', scanner: { kind: 'simulator' } };

  it("starts the embedded host and opens the kiosk page in a window made with the policy's options", async () => {
    await startShell(envWithConfig(kioskConfig), recordingLog());
    expect(started).toHaveBeenCalledTimes(1);
    expect(started.mock.calls[0]?.[0]).toMatchObject({ host: '127.0.0.1', dataDir: path.join(dir, 'data') });
    expect(fakeElectron.windows).toHaveLength(1);
    expect(mainWindow().options).toEqual(
      windowOptions({ role: 'kiosk', preloadPath: path.join(ELECTRON_DIR, 'preload.cjs'), allowDevTools: true }),
    );
    expect(mainWindow().webContents.loadedUrls).toEqual([pageUrl('kiosk', EMBEDDED_ORIGIN)]);
  });

  it('removes the application menu before the app is ready', async () => {
    await startShell(envWithConfig(kioskConfig), recordingLog());
    expect(fakeElectron.applicationMenu).toBeNull();
    expect(fakeElectron.calls.indexOf('Menu.setApplicationMenu')).toBeLessThan(fakeElectron.calls.indexOf('app.whenReady'));
  });

  it('registers every guard on the window', async () => {
    await startShell(envWithConfig(kioskConfig), recordingLog());
    const contents = mainWindow().webContents;
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview', 'before-input-event']) {
      expect(contents.listenerCount(event), event).toBe(1);
    }
    expect(contents.windowOpenHandler?.({ url: `${EMBEDDED_ORIGIN}/x` })).toEqual({ action: 'deny' });
    const away = new FakeEvent('https://evil.example/');
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const devtools = new FakeEvent();
    contents.emit('before-input-event', devtools, { type: 'keyDown', key: 'F12', control: false, meta: false, alt: false, shift: false });
    expect(devtools.defaultPrevented).toBe(true);
  });

  it('installs the session policy: permissions denied, CSP added, no token for an embedded host', async () => {
    await startShell(envWithConfig(kioskConfig), recordingLog());
    const defaultSession = session.defaultSession;
    expect(defaultSession.permissionRequestHandler).not.toBeNull();
    expect((defaultSession.permissionCheckHandler as unknown as () => boolean)()).toBe(false);
    expect((defaultSession.devicePermissionHandler as unknown as () => boolean)()).toBe(false);
    const sent: unknown[] = [];
    (defaultSession.webRequest.beforeSendHeaders as unknown as (d: object, cb: (r: unknown) => void) => void)(
      { url: `${EMBEDDED_ORIGIN}/api/tickets`, requestHeaders: {} },
      (response) => sent.push(response),
    );
    expect(sent).toEqual([{ requestHeaders: {} }]);
    expect(defaultSession.webRequest.headersReceived).not.toBeNull();
  });

  it('keeps the screen awake and supervises the renderer', async () => {
    await startShell(envWithConfig(kioskConfig), recordingLog());
    expect(fakeElectron.powerSaveBlocks).toEqual(['prevent-display-sleep']);
    expect(mainWindow().webContents.listenerCount('render-process-gone')).toBe(1);
    expect(mainWindow().listenerCount('unresponsive')).toBe(1);
  });

  it('prints a ticket the page asks for on the configured printer', async () => {
    await startShell(envWithConfig(kioskConfig), recordingLog());
    const ticket = { number: 'M001', serviceName: { da: 'Pas', en: 'Passport' }, issuedAt: '2025-11-25T09:00:00Z', estimatedWaitMinutes: 5 };
    const answer = await ipcMain.invoke(IPC_CHANNELS.printTicket, { url: `${EMBEDDED_ORIGIN}/kiosk`, parent: null }, ticket);
    expect(answer).toEqual({ ok: true });
    const printWindow = fakeElectron.windows[1];
    expect(printWindow?.webContents.printCalls[0]).toMatchObject({ silent: true, deviceName: 'Receipt_Printer' });
    // The print window is guarded like every web contents.
    expect(printWindow?.webContents.listenerCount('will-navigate')).toBe(1);
  });

  it('passes scans from the local reader to the page, and its status after each load', async () => {
    await startShell(envWithConfig(kioskConfig), recordingLog());
    const contents = mainWindow().webContents;
    contents.sent.length = 0;
    contents.emit('did-finish-load');
    expect(contents.sent).toEqual([
      { channel: IPC_CHANNELS.scan, args: [{ kind: 'status', status: { state: 'connected', detail: 'simulated reader' } }] },
    ]);
  });

  it('closes the embedded host and the reader on quit', async () => {
    await startShell(envWithConfig(kioskConfig), recordingLog());
    app.quit();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    expect(closeHost).toHaveBeenCalledTimes(1);
  });

  it('quits when the last window closes', async () => {
    await startShell(envWithConfig(kioskConfig), recordingLog());
    app.emit('window-all-closed');
    expect(app.quitCount).toBe(1);
  });

  it('brings its window forward when started a second time', async () => {
    await startShell(envWithConfig(kioskConfig), recordingLog());
    mainWindow().minimized = true;
    app.emit('second-instance');
    expect(mainWindow().minimized).toBe(false);
    expect(mainWindow().focusCount).toBe(1);
  });

  it('offers no devtools and runs the host in production once packaged', async () => {
    app.isPackaged = true;
    await startShell(envWithConfig(kioskConfig), recordingLog());
    expect(mainWindow().options).toMatchObject({ webPreferences: { devTools: false } });
    expect(started.mock.calls[0]?.[0]).toMatchObject({ production: true });
  });
});

describe('startShell for other set-ups', () => {
  it('shows a counter page from a remote host in an ordinary window, without kiosk locks', async () => {
    await startShell(envWithConfig({ role: 'counter', hostUrl: REMOTE_ORIGIN }), recordingLog());
    expect(started).not.toHaveBeenCalled();
    expect(mainWindow().options).toMatchObject({ kiosk: false });
    expect(mainWindow().webContents.loadedUrls).toEqual([`${REMOTE_ORIGIN}/counter`]);
    expect(mainWindow().webContents.listenerCount('before-input-event')).toBe(0);
    expect(fakeElectron.powerSaveBlocks).toEqual([]);
    expect(mainWindow().webContents.listenerCount('did-finish-load')).toBe(0);
  });

  it('keeps the waiting-room display full screen and awake', async () => {
    await startShell(envWithConfig({ role: 'display', hostUrl: REMOTE_ORIGIN }), recordingLog());
    expect(mainWindow().options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(mainWindow().webContents.loadedUrls).toEqual([`${REMOTE_ORIGIN}/display`]);
    expect(fakeElectron.powerSaveBlocks).toEqual(['prevent-display-sleep']);
  });

  it("sends a remote kiosk's device token to its host only", async () => {
    await startShell(envWithConfig({ role: 'kiosk', hostUrl: REMOTE_ORIGIN, deviceToken: 'tok-123' }), recordingLog());
    const sent: unknown[] = [];
    const onSend = session.defaultSession.webRequest.beforeSendHeaders as unknown as (d: object, cb: (r: unknown) => void) => void;
    onSend({ url: `${REMOTE_ORIGIN}/api/events`, requestHeaders: {} }, (response) => sent.push(response));
    onSend({ url: 'https://example.org/', requestHeaders: {} }, (response) => sent.push(response));
    expect(sent).toEqual([{ requestHeaders: { Authorization: 'Bearer tok-123' } }, { requestHeaders: {} }]);
  });

  it('keeps running when the remote host cannot be reached yet (the supervisor retries)', async () => {
    fakeElectron.loadResult = async () => {
      throw new Error('ERR_CONNECTION_REFUSED');
    };
    await expect(startShell(envWithConfig({ role: 'display', hostUrl: REMOTE_ORIGIN }), recordingLog())).resolves.toBeUndefined();
    expect(fakeElectron.windows).toHaveLength(1);
  });

  it('quits at once, touching nothing, when another shell already runs', async () => {
    app.singleInstanceLock = false;
    await startShell(envWithConfig({ role: 'kiosk' }), recordingLog());
    expect(app.quitCount).toBe(1);
    expect(fakeElectron.windows).toEqual([]);
    expect(started).not.toHaveBeenCalled();
  });

  it('fails with the config error, and opens no window, when the config is wrong', async () => {
    await expect(startShell(envWithConfig({ role: 'counter' }), recordingLog())).rejects.toBeInstanceOf(ShellConfigError);
    expect(fakeElectron.windows).toEqual([]);
    expect(started).not.toHaveBeenCalled();
  });

  it('reads shell.json from the userData folder when no path is given', async () => {
    writeFileSync(path.join(dir, 'shell.json'), JSON.stringify({ role: 'display', hostUrl: REMOTE_ORIGIN }));
    await startShell({}, recordingLog());
    expect(mainWindow().webContents.loadedUrls).toEqual([`${REMOTE_ORIGIN}/display`]);
  });
});

describe('the scanner in a running shell', () => {
  it('hands a scan to the page, and never puts the MRZ in the log', async () => {
    const log = recordingLog();
    await startShell(envWithConfig({ role: 'kiosk', scanner: { kind: 'simulator' } }), log);
    const scanner = vi.mocked(createScanner).mock.results.at(-1)?.value as SimulatedScanner;
    const contents = mainWindow().webContents;
    contents.sent.length = 0;
    expect(scanner.scan(MRZ)).toBe(true);
    await vi.waitFor(() => expect(contents.sent).toEqual([{ channel: IPC_CHANNELS.scan, args: [{ kind: 'document', mrz: MRZ }] }]));
    expect(log.text()).not.toContain('ERIKSSON');
    expect(log.text()).not.toContain('L898902C3');
  });

  it('starts no reader when the config has none', async () => {
    await startShell(envWithConfig({ role: 'kiosk' }), recordingLog());
    expect(vi.mocked(createScanner).mock.results.at(-1)?.value).toBeNull();
    expect(mainWindow().webContents.listenerCount('did-finish-load')).toBe(0);
  });
});
