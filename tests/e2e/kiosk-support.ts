import type { Page } from '@playwright/test';
import type { TicketView } from '../../contract/tickets.js';
import type { KioskShellBridge, PrintTicketResult, ScanEvent, TicketPrintRequest } from '../../contract/shell-bridge.js';
import { shiftIsoDate } from '../support/mrz-generator.js';
import { expect } from './fixtures.js';

/** What the kiosk specs share: documents, the host reader, a fake shell, and ways to drive the page. */

export const today = new Date().toISOString().slice(0, 10);
export const adult = shiftIsoDate(today, { years: -35 });
export const validUntil = shiftIsoDate(today, { years: 3 });
export const danishPassport = { issuingState: 'DNK', surname: 'MADSEN', birthDate: adult, expiryDate: validUntil } as const;
export const swedishIdCard = { kind: 'id_card', issuingState: 'SWE', surname: 'LINDQVIST', birthDate: adult, expiryDate: validUntil } as const;

/** Scans sent before the page listens to the host reader would be lost. */
export async function readerReady(page: Page): Promise<void> {
  await expect(page.locator('[data-scanner]')).toHaveAttribute('data-scanner', 'connected');
}

/** The host's simulated reader reads a document. */
export async function hostScan(url: string, mrz: string): Promise<void> {
  const response = await fetch(`${url}/api/dev/scans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mrz }) });
  expect(response.status).toBe(202);
}

export interface ShellFake {
  printed: TicketPrintRequest[];
  scan: (mrz: string) => void;
}

/** What these tests read in the page; the tests compile without the DOM library, so they say it here. */
export interface PageGlobals {
  shellFake: ShellFake;
  localStorage: { length: number };
  sessionStorage: { length: number };
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}

/**
 * Stands in for the Electron preload (same `KioskShellBridge` interface). Like the real bridge it
 * copies what the page hands it, so a ticket the shell could not copy fails here too.
 */
export async function installShell(page: Page, printResult: PrintTicketResult): Promise<void> {
  await page.addInitScript((result) => {
    const printed: TicketPrintRequest[] = [];
    let listener: ((event: ScanEvent) => void) | undefined;
    const bridge: KioskShellBridge = {
      role: 'kiosk',
      printTicket: async (ticket) => {
        printed.push(structuredClone(ticket));
        return result;
      },
      onScan: (callback) => {
        listener = callback;
        return () => (listener = undefined);
      },
    };
    const fake: ShellFake = { printed, scan: (mrz) => listener?.({ kind: 'document', mrz }) };
    Object.assign(globalThis, { kioskShell: bridge, shellFake: fake });
  }, printResult);
}

export const shellFake = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).shellFake.printed);
export const shellScan = (page: Page, mrz: string) => page.evaluate((text) => (globalThis as unknown as PageGlobals).shellFake.scan(text), mrz);

/** The ticket as the host issued it (what the clerk will see), from the kiosk's own request. */
export function nextIssuedTicket(page: Page): Promise<TicketView> {
  return page
    .waitForResponse((response) => response.url().endsWith('/api/tickets') && response.request().method() === 'POST')
    .then((response) => response.json() as Promise<TicketView>);
}

export async function switchTo(page: Page, language: 'Dansk' | 'English'): Promise<void> {
  await page.getByRole('button', { name: language }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language === 'Dansk' ? 'da' : 'en');
}

export async function expectWayToStaff(page: Page, name = 'Spørg personalet'): Promise<void> {
  await expect(page.getByRole('button', { name })).toBeVisible();
}

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Types `text` as a keyboard-wedge burst at the focused element; returns, per Enter, whether the page swallowed it. */
export async function burst(page: Page, text: string): Promise<boolean[]> {
  return page.evaluate((keys) => {
    // The page's DOM, typed by hand: the tests compile without the DOM library.
    interface Target { dispatchEvent(event: unknown): boolean }
    const { document, KeyboardEvent } = globalThis as unknown as {
      document: { activeElement: Target | null; body: Target };
      KeyboardEvent: new (type: string, init: { key: string; bubbles: boolean; cancelable: boolean }) => unknown;
    };
    const target = document.activeElement ?? document.body;
    const swallowed: boolean[] = [];
    for (const ch of keys) {
      const key = ch === '\n' ? 'Enter' : ch;
      const notPrevented = target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      if (key === 'Enter') swallowed.push(!notPrevented);
    }
    return swallowed;
  }, text);
}
