import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, session } from 'electron';
import { createScanner } from '../hardware/create-scanner.js';
import { registerIpcHandlers, sendScanEvent } from './ipc.js';
import { quitGracefully, superviseRenderer } from './lifecycle.js';
import type { ShellLog } from './log.js';
import { blockPublicScreenShortcuts, guardWebContents } from './navigation-guard.js';
import { connectOfficeHost } from './office-host.js';
import { createTicketPrinter } from './printing.js';
import { startScannerAgent, type ScannerAgent } from './scanner-agent.js';
import { installSessionPolicy } from './session-policy.js';
import { readShellConfig, shellConfigPath } from './shell-config.js';
import { isPublicScreen, pageUrl, windowOptions } from './window-policy.js';

/**
 * Wires the shell together; every decision it applies is made by the modules it imports. Throws
 * when the shell cannot start (bad config, host cannot listen); main.ts shows that to the user.
 */
export async function startShell(env: NodeJS.ProcessEnv, log: ShellLog): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    // Two shells would fight over the window, the reader and (for a kiosk) the office database.
    log.info('the shell is already running on this PC; this second start quits');
    app.quit();
    return;
  }
  // Before 'ready', so Electron never builds its default menu with reload and devtools accelerators.
  Menu.setApplicationMenu(null);
  app.on('window-all-closed', () => app.quit());
  await app.whenReady();

  const config = await readShellConfig(shellConfigPath(env, app.getPath('userData')));
  const host = await connectOfficeHost(config.host, {
    env,
    userDataDir: app.getPath('userData'),
    isPackaged: app.isPackaged,
    rendererDir: path.join(import.meta.dirname, '..', 'renderer'),
  });
  let scannerAgent: ScannerAgent | null = null;
  quitGracefully(
    app,
    async () => {
      await scannerAgent?.stop();
      await host.close();
    },
    log,
  );

  installSessionPolicy(session.defaultSession, { hostOrigin: host.origin, deviceToken: config.deviceToken, log });
  // Every web contents, the hidden print windows included, is held to the host's origin.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, host.origin, log));
  registerIpcHandlers(ipcMain, {
    hostOrigin: host.origin,
    printTicket: createTicketPrinter({ printerName: config.printerName, log }),
    log,
  });

  const window = new BrowserWindow(
    windowOptions({
      role: config.role,
      preloadPath: path.join(import.meta.dirname, 'preload.cjs'),
      allowDevTools: !app.isPackaged,
    }),
  );
  const url = pageUrl(config.role, host.origin);
  superviseRenderer(window, { pageUrl: url, log });
  if (isPublicScreen(config.role)) {
    blockPublicScreenShortcuts(window.webContents, log);
    powerSaveBlocker.start('prevent-display-sleep');
  }
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  const scanner = createScanner(config.scanner);
  if (scanner !== null) {
    const agent = await startScannerAgent(scanner, (event) => sendScanEvent(window.webContents, event, host.origin), log);
    scannerAgent = agent;
    window.webContents.on('did-finish-load', () => agent.announceStatus());
  }

  log.info('shell started', { role: config.role, host: host.origin, embedded: config.host.kind === 'embedded' });
  // A failed first load (host not reachable yet) is retried by superviseRenderer.
  await window.loadURL(url).catch(() => {});
}
