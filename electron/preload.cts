/**
 * The only code that runs between a page and the shell. A `.cts` file, compiled to `preload.cjs`:
 * sandboxed preloads are CommonJS, and their `require` knows only 'electron' (and a few Node
 * built-ins), so this file imports nothing else at run time. The channel names and role argument
 * are copies; `satisfies` makes the compiler reject any drift from ipc.ts and window-policy.ts.
 */
import electron = require('electron');
import type { KioskShellBridge, PrintTicketResult, ScanEvent, ShellRole, TicketPrintRequest } from '../contract/shell-bridge.js';
import type { IPC_CHANNELS } from './ipc.js';
import type { ROLE_ARGUMENT_PREFIX } from './window-policy.js';

const CHANNELS = {
  printTicket: 'kiosk-shell:print-ticket',
  scan: 'kiosk-shell:scan',
} as const satisfies typeof IPC_CHANNELS;

const ROLE_ARGUMENT = '--kiosk-shell-role=' satisfies typeof ROLE_ARGUMENT_PREFIX;
const KNOWN_ROLES: Record<ShellRole, true> = { kiosk: true, counter: true, display: true };

function roleFromArguments(argv: readonly string[]): ShellRole {
  const value = argv.find((argument) => argument.startsWith(ROLE_ARGUMENT))?.slice(ROLE_ARGUMENT.length);
  if (value === undefined || !Object.hasOwn(KNOWN_ROLES, value)) {
    // No bridge at all: the page then behaves as it would in a plain browser.
    throw new Error('kioskShell: the window was opened without a known role');
  }
  return value as ShellRole;
}

const bridge: KioskShellBridge = {
  role: roleFromArguments(process.argv),
  printTicket: (ticket: TicketPrintRequest) =>
    electron.ipcRenderer.invoke(CHANNELS.printTicket, ticket) as Promise<PrintTicketResult>,
  onScan(callback) {
    if (typeof callback !== 'function') throw new TypeError('kioskShell.onScan needs a function');
    // The IPC event is not passed on: it would hand the page the ipcRenderer itself.
    const listener = (_event: Electron.IpcRendererEvent, scan: ScanEvent) => callback(scan);
    electron.ipcRenderer.on(CHANNELS.scan, listener);
    return () => {
      electron.ipcRenderer.removeListener(CHANNELS.scan, listener);
    };
  },
};

electron.contextBridge.exposeInMainWorld('kioskShell', bridge);
