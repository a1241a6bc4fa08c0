import type { IpcMain, WebContents } from 'electron';
import type { PrintTicketResult, ScanEvent } from '../contract/shell-bridge.js';
import type { ShellLog } from './log.js';
import { isAllowedOrigin, originForLog } from './navigation-guard.js';

/**
 * Every IPC channel between the shell and its pages: the allowlist. Only these get a handler or a
 * message, and the page gets no way to name a channel at all (the bridge has one function per
 * channel). The preload keeps a copy (a sandboxed preload cannot import this module) that the
 * compiler holds equal to this one.
 */
export const IPC_CHANNELS = {
  /** page → shell (invoke): print this ticket; answers PrintTicketResult. */
  printTicket: 'kiosk-shell:print-ticket',
  /** shell → page: a ScanEvent from the local document reader. */
  scan: 'kiosk-shell:scan',
} as const;

/**
 * A message counts only if it comes from the top frame of a page on the office host: not from a
 * frame that navigated elsewhere (Electron then gives no frame), and not from an embedded frame.
 */
export function isTrustedSender(frame: { url: string; parent: unknown } | null, hostOrigin: string): boolean {
  return frame !== null && frame.parent === null && isAllowedOrigin(frame.url, hostOrigin);
}

export interface IpcHandlers {
  hostOrigin: string;
  printTicket(request: unknown): Promise<PrintTicketResult>;
  log: ShellLog;
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, { hostOrigin, printTicket, log }: IpcHandlers): void {
  ipcMain.handle(IPC_CHANNELS.printTicket, (event, request: unknown) => {
    if (!isTrustedSender(event.senderFrame, hostOrigin)) {
      log.warn('ignored IPC from an untrusted frame', {
        channel: IPC_CHANNELS.printTicket,
        origin: event.senderFrame ? originForLog(event.senderFrame.url) : null,
      });
      throw new Error('Refused.');
    }
    return printTicket(request);
  });
}

/**
 * Hands a scan to the page if the window shows the office host right now; returns false when it
 * could not (page crashed, loading or elsewhere), and the citizen simply scans again.
 */
export function sendScanEvent(contents: WebContents, event: ScanEvent, hostOrigin: string): boolean {
  if (contents.isDestroyed() || contents.isCrashed() || !isAllowedOrigin(contents.getURL(), hostOrigin)) return false;
  contents.send(IPC_CHANNELS.scan, event);
  return true;
}
