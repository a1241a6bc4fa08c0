import type { KioskShellBridge } from '../../../contract/shell-bridge.js';

/** The Electron shell's bridge when the page runs inside it; undefined in a plain browser. */
export function kioskShell(): KioskShellBridge | undefined {
  return (window as Window & { kioskShell?: KioskShellBridge }).kioskShell;
}
