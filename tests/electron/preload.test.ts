import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KioskShellBridge, ScanEvent } from '../../contract/shell-bridge.js';
import { IPC_CHANNELS } from '../../electron/ipc.js';
import { ROLE_ARGUMENT_PREFIX } from '../../electron/window-policy.js';
import * as electronFake from './fake-electron.js';

const { fakeElectron, ipcRenderer } = electronFake;

/**
 * Runs preload.cts the way Electron runs a sandboxed preload: compiled to CommonJS, wrapped in a
 * function whose `require` knows only 'electron' (anything else throws "module not found").
 */
const compiled = ts.transpileModule(readFileSync(new URL('../../electron/preload.cts', import.meta.url), 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  fileName: 'preload.cts',
}).outputText;

function runPreload(argv: string[]): void {
  const sandboxRequire = (name: string) => {
    if (name === 'electron') return electronFake;
    throw new Error(`module not found: ${name}`);
  };
  const exports = {};
  const preload = new Function('require', 'process', 'exports', 'module', compiled);
  preload(sandboxRequire, { argv }, exports, { exports });
}

function exposedBridge(): KioskShellBridge {
  const bridge = fakeElectron.exposed.get('kioskShell');
  if (!bridge) throw new Error('the preload exposed no kioskShell');
  return bridge as KioskShellBridge;
}

const RENDERER_ARGV = ['/opt/app/borgerservice-kiosk', '--type=renderer', `${ROLE_ARGUMENT_PREFIX}kiosk`];

beforeEach(() => fakeElectron.reset());

describe('preload', () => {
  it('requires nothing but electron, and exposes exactly role, printTicket and onScan', () => {
    runPreload(RENDERER_ARGV);
    expect([...fakeElectron.exposed.keys()]).toEqual(['kioskShell']);
    expect(Object.keys(exposedBridge()).sort()).toEqual(['onScan', 'printTicket', 'role']);
  });

  it.each(['kiosk', 'counter', 'display'])('reports the %s role given by the shell', (role) => {
    runPreload(['/opt/app/borgerservice-kiosk', `${ROLE_ARGUMENT_PREFIX}${role}`]);
    expect(exposedBridge().role).toBe(role);
  });

  it.each([
    ['no role argument', ['/opt/app/borgerservice-kiosk']],
    ['an unknown role', [`${ROLE_ARGUMENT_PREFIX}manager`]],
    ['a role named like an Object property', [`${ROLE_ARGUMENT_PREFIX}constructor`]],
  ])('exposes nothing with %s', (_name, argv) => {
    expect(() => runPreload(argv)).toThrow('without a known role');
    expect(fakeElectron.exposed.size).toBe(0);
  });

  it("sends printTicket on the shell's print channel and returns the shell's answer", async () => {
    runPreload(RENDERER_ARGV);
    ipcRenderer.invokeAnswer = { ok: false, reason: 'no-printer' };
    const ticket = { number: 'M001', serviceName: { da: 'Pas', en: 'Passport' }, issuedAt: '2025-11-25T09:00:00Z', estimatedWaitMinutes: 5 };
    await expect(exposedBridge().printTicket(ticket)).resolves.toEqual({ ok: false, reason: 'no-printer' });
    expect(ipcRenderer.invocations).toEqual([{ channel: IPC_CHANNELS.printTicket, args: [ticket] }]);
  });

  it('passes each scan to the callback without the IPC event, until unsubscribed', () => {
    runPreload(RENDERER_ARGV);
    const received: unknown[][] = [];
    const unsubscribe = exposedBridge().onScan((...args: unknown[]) => received.push(args));
    const scan: ScanEvent = { kind: 'status', status: { state: 'connected' } };
    const ipcEvent = { sender: ipcRenderer };
    ipcRenderer.emit(IPC_CHANNELS.scan, ipcEvent, scan);
    unsubscribe();
    ipcRenderer.emit(IPC_CHANNELS.scan, ipcEvent, scan);
    expect(received).toEqual([[scan]]);
    expect(ipcRenderer.listenerCount(IPC_CHANNELS.scan)).toBe(0);
  });

  it('refuses a callback that is not a function', () => {
    runPreload(RENDERER_ARGV);
    expect(() => exposedBridge().onScan('alert(1)' as unknown as () => void)).toThrow('needs a function');
    expect(ipcRenderer.listenerCount(IPC_CHANNELS.scan)).toBe(0);
  });
});
