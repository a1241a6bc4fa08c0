import type { KioskShellBridge } from '../../../electron/bridge-types.js';

/** The Electron shell's bridge when the page runs inside it; undefined in a plain browser. */
export function kioskShell(): KioskShellBridge | undefined {
  return (window as Window & { kioskShell?: KioskShellBridge }).kioskShell;
}
