import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketPrintRequest } from '../../contract/shell-bridge.js';
import { choosePrinter, createTicketPrinter, printFailureReason } from '../../electron/printing.js';
import { fakeElectron } from './fake-electron.js';
import { recordingLog } from './recording-log.js';

vi.mock('electron', () => import('./fake-electron.js'));

const ticket: TicketPrintRequest = {
  number: 'M014',
  serviceName: { da: 'MitID <ny>', en: 'MitID <new>' },
  issuedAt: '2025-11-25T09:05:00.000Z',
  estimatedWaitMinutes: 12,
};

beforeEach(() => fakeElectron.reset());
afterEach(() => vi.useRealTimers());

describe('choosePrinter', () => {
  const printers = [{ name: 'Office_Laser' }, { name: 'TM_T20III' }];
  it.each([
    [printers, 'TM_T20III', { ok: true, deviceName: 'TM_T20III' }],
    [printers, null, { ok: true, deviceName: undefined }],
    [printers, 'TM-T20III', { ok: false, reason: 'printer-not-found' }],
    [[], null, { ok: false, reason: 'no-printer' }],
    [[], 'TM_T20III', { ok: false, reason: 'no-printer' }],
  ])('among %j, configured %s → %j', (list, configured, expected) => {
    expect(choosePrinter(list, configured)).toEqual(expected);
  });
});

describe('printFailureReason', () => {
  it("maps Electron's prose to the page's reasons", () => {
    expect(printFailureReason('Print job canceled')).toBe('cancelled');
    expect(printFailureReason('Print job failed')).toBe('print-failed');
    expect(printFailureReason('Invalid printer settings')).toBe('print-failed');
  });
});

describe('createTicketPrinter', () => {
  it('prints silently on the configured printer from a hidden window without JavaScript, then closes it', async () => {
    fakeElectron.printers = ['Office_Laser', 'TM_T20III'];
    const log = recordingLog();
    const result = await createTicketPrinter({ printerName: 'TM_T20III', log })(ticket);

    expect(result).toEqual({ ok: true });
    expect(fakeElectron.windows).toHaveLength(1);
    const [window] = fakeElectron.windows;
    expect(window?.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true } });
    expect(window?.webContents.printCalls).toEqual([
      expect.objectContaining({ silent: true, deviceName: 'TM_T20III', usePrinterDefaultPageSize: true }),
    ]);
    const loaded = decodeURIComponent(window?.webContents.loadedUrls[0] ?? '');
    expect(loaded.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(loaded).toContain('<p class="number">M014</p>');
    expect(loaded).toContain('MitID &lt;ny&gt;');
    expect(window?.destroyed).toBe(true);
    expect(log.entries).toEqual([{ level: 'info', message: 'ticket printed', fields: { ticket: 'M014', printer: 'TM_T20III' } }]);
  });

  it("uses the system's default printer when none is configured", async () => {
    await createTicketPrinter({ printerName: null, log: recordingLog() })(ticket);
    expect(fakeElectron.windows[0]?.webContents.printCalls[0]?.deviceName).toBeUndefined();
  });

  it('reports a failed job to the page and logs why', async () => {
    fakeElectron.printResponse = (_options, callback) => callback(false, 'Print job failed');
    const log = recordingLog();
    const result = await createTicketPrinter({ printerName: null, log })(ticket);
    expect(result).toEqual({ ok: false, reason: 'print-failed' });
    expect(log.entries).toEqual([
      {
        level: 'error',
        message: 'ticket not printed',
        fields: { ticket: 'M014', reason: 'print-failed', printer: '(system default)', detail: 'Print job failed' },
      },
    ]);
    expect(fakeElectron.windows[0]?.destroyed).toBe(true);
  });

  it('reports a cancelled job as cancelled', async () => {
    fakeElectron.printResponse = (_options, callback) => callback(false, 'Print job canceled');
    await expect(createTicketPrinter({ printerName: null, log: recordingLog() })(ticket)).resolves.toEqual({ ok: false, reason: 'cancelled' });
  });

  it('does not print when the configured printer is not installed', async () => {
    fakeElectron.printers = ['Office_Laser'];
    const log = recordingLog();
    const result = await createTicketPrinter({ printerName: 'TM_T20III', log })(ticket);
    expect(result).toEqual({ ok: false, reason: 'printer-not-found' });
    expect(fakeElectron.windows[0]?.webContents.printCalls).toEqual([]);
    expect(fakeElectron.windows[0]?.destroyed).toBe(true);
    expect(log.entries[0]).toMatchObject({ level: 'error', fields: { reason: 'printer-not-found', printer: 'TM_T20III' } });
  });

  it('does not print when the PC has no printer at all', async () => {
    fakeElectron.printers = [];
    await expect(createTicketPrinter({ printerName: null, log: recordingLog() })(ticket)).resolves.toEqual({ ok: false, reason: 'no-printer' });
  });

  it('gives up on a driver that never answers', async () => {
    vi.useFakeTimers();
    fakeElectron.printResponse = () => {};
    const pending = createTicketPrinter({ printerName: null, log: recordingLog(), timeoutMs: 5_000 })(ticket);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fakeElectron.windows[0]?.destroyed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toEqual({ ok: false, reason: 'timeout' });
    expect(fakeElectron.windows[0]?.destroyed).toBe(true);
  });

  it('answers print-failed when the ticket page cannot even load', async () => {
    fakeElectron.loadResult = async () => {
      throw new Error('ERR_FAILED');
    };
    const log = recordingLog();
    await expect(createTicketPrinter({ printerName: null, log })(ticket)).resolves.toEqual({ ok: false, reason: 'print-failed' });
    expect(fakeElectron.windows[0]?.destroyed).toBe(true);
    expect(log.entries[0]).toMatchObject({ level: 'error', message: 'ticket not printed' });
  });

  it('refuses something that is not a ticket without opening a window', async () => {
    const log = recordingLog();
    await expect(createTicketPrinter({ printerName: null, log })({ number: '<script>' })).resolves.toEqual({
      ok: false,
      reason: 'invalid-ticket',
    });
    expect(fakeElectron.windows).toEqual([]);
    expect(log.entries).toEqual([{ level: 'warn', message: 'refused print request: not a ticket' }]);
  });
});
