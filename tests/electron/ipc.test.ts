import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { IPC_CHANNELS, isTrustedSender, registerIpcHandlers, sendScanEvent } from '../../electron/ipc.js';
import { fakeElectron, FakeWebContents, ipcMain } from './fake-electron.js';
import { recordingLog } from './recording-log.js';

const HOST = 'http://127.0.0.1:8080';
const topFrame = (url: string) => ({ url, parent: null });
const ticket = { number: 'M001', serviceName: { da: 'Pas', en: 'Passport' }, issuedAt: '2025-11-25T09:00:00Z', estimatedWaitMinutes: 5 };

beforeEach(() => fakeElectron.reset());

describe('IPC_CHANNELS', () => {
  it('names each channel once, under the shell prefix', () => {
    const names = Object.values(IPC_CHANNELS);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^kiosk-shell:[a-z-]+$/);
  });
});

describe('isTrustedSender', () => {
  it.each([
    ['the host page', topFrame(`${HOST}/kiosk`), true],
    ['a page elsewhere', topFrame('https://evil.example/'), false],
    ['the host on another port', topFrame('http://127.0.0.1:9090/kiosk'), false],
    ['a frame inside the host page', { url: `${HOST}/kiosk`, parent: topFrame(`${HOST}/kiosk`) }, false],
    ['a frame that is gone', null, false],
  ])('%s → %s', (_name, frame, trusted) => {
    expect(isTrustedSender(frame, HOST)).toBe(trusted);
  });
});

describe('registerIpcHandlers', () => {
  function registered() {
    const printTicket = vi.fn(async () => ({ ok: true }) as const);
    const log = recordingLog();
    registerIpcHandlers(ipcMain as unknown as IpcMain, { hostOrigin: HOST, printTicket, log });
    return { printTicket, log };
  }

  it('handles exactly the allowlisted page-to-shell channel', () => {
    registered();
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CHANNELS.printTicket]);
  });

  it('prints for the host page and answers with the result', async () => {
    const { printTicket } = registered();
    await expect(ipcMain.invoke(IPC_CHANNELS.printTicket, topFrame(`${HOST}/kiosk`), ticket)).resolves.toEqual({ ok: true });
    expect(printTicket).toHaveBeenCalledWith(ticket);
  });

  it('ignores a request from any other frame, logging only channel and origin', async () => {
    const { printTicket, log } = registered();
    await expect(ipcMain.invoke(IPC_CHANNELS.printTicket, topFrame('https://evil.example/x?y'), ticket)).rejects.toThrow('Refused.');
    await expect(ipcMain.invoke(IPC_CHANNELS.printTicket, null, ticket)).rejects.toThrow('Refused.');
    expect(printTicket).not.toHaveBeenCalled();
    expect(log.entries).toEqual([
      { level: 'warn', message: 'ignored IPC from an untrusted frame', fields: { channel: IPC_CHANNELS.printTicket, origin: 'https://evil.example' } },
      { level: 'warn', message: 'ignored IPC from an untrusted frame', fields: { channel: IPC_CHANNELS.printTicket, origin: null } },
    ]);
  });
});

describe('sendScanEvent', () => {
  const scan = { kind: 'document', mrz: 'P<DNKHANSEN<<JENS<<<<' } as const;
  const contentsAt = (url: string) => {
    const contents = new FakeWebContents();
    contents.url = url;
    return contents;
  };

  it('hands the scan to the host page on the scan channel', () => {
    const contents = contentsAt(`${HOST}/kiosk`);
    expect(sendScanEvent(contents as unknown as WebContents, scan, HOST)).toBe(true);
    expect(contents.sent).toEqual([{ channel: IPC_CHANNELS.scan, args: [scan] }]);
  });

  it.each([
    ['a page elsewhere', () => contentsAt('https://evil.example/')],
    ['a page still blank', () => contentsAt('')],
    ['a crashed page', () => Object.assign(contentsAt(`${HOST}/kiosk`), { crashed: true })],
    ['a closed window', () => Object.assign(contentsAt(`${HOST}/kiosk`), { destroyed: true })],
  ])('keeps it from %s', (_name, make) => {
    const contents = make();
    expect(sendScanEvent(contents as unknown as WebContents, scan, HOST)).toBe(false);
    expect(contents.sent).toEqual([]);
  });
});
