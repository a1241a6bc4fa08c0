import type { Page } from '@playwright/test';
import type { TicketView } from '../../core/api-types.js';
import type { KioskShellBridge, PrintTicketResult, ScanEvent, TicketPrintRequest } from '../../electron/bridge-types.js';
import { makeMrz, makeMrzLines, shiftIsoDate } from '../support/mrz-generator.js';
import { expect, expectAccessible, screenshotPath, test } from './fixtures.js';

/** A citizen's walk at /kiosk, portrait 1080p, against the real host with the simulated reader. */
test.use({ hostEnv: { SCANNER: 'simulator' }, viewport: { width: 1080, height: 1920 } });

const today = new Date().toISOString().slice(0, 10);
const adult = shiftIsoDate(today, { years: -35 });
const validUntil = shiftIsoDate(today, { years: 3 });
const danishPassport = { issuingState: 'DNK', surname: 'MADSEN', birthDate: adult, expiryDate: validUntil } as const;
const swedishIdCard = { kind: 'id_card', issuingState: 'SWE', surname: 'LINDQVIST', birthDate: adult, expiryDate: validUntil } as const;

/** Scans sent before the page listens to the host reader would be lost. */
async function readerReady(page: Page): Promise<void> {
  await expect(page.locator('[data-scanner]')).toHaveAttribute('data-scanner', 'connected');
}

/** The host's simulated reader reads a document. */
async function hostScan(url: string, mrz: string): Promise<void> {
  const response = await fetch(`${url}/api/dev/scans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mrz }) });
  expect(response.status).toBe(202);
}

interface ShellFake {
  printed: TicketPrintRequest[];
  scan: (mrz: string) => void;
}

/** What these tests read in the page; the tests compile without the DOM library, so they say it here. */
interface PageGlobals {
  shellFake: ShellFake;
  localStorage: { length: number };
  sessionStorage: { length: number };
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}

/**
 * Stands in for the Electron preload (same `KioskShellBridge` interface). Like the real bridge it
 * copies what the page hands it, so a ticket the shell could not copy fails here too.
 */
async function installShell(page: Page, printResult: PrintTicketResult): Promise<void> {
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

const shellFake = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).shellFake.printed);
const shellScan = (page: Page, mrz: string) => page.evaluate((text) => (globalThis as unknown as PageGlobals).shellFake.scan(text), mrz);

/** The ticket as the host issued it (what the clerk will see), from the kiosk's own request. */
function nextIssuedTicket(page: Page): Promise<TicketView> {
  return page
    .waitForResponse((response) => response.url().endsWith('/api/tickets') && response.request().method() === 'POST')
    .then((response) => response.json() as Promise<TicketView>);
}

async function switchTo(page: Page, language: 'Dansk' | 'English'): Promise<void> {
  await page.getByRole('button', { name: language }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language === 'Dansk' ? 'da' : 'en');
}

async function expectWayToStaff(page: Page, name = 'Spørg personalet'): Promise<void> {
  await expect(page.getByRole('button', { name })).toBeVisible();
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

// axe takes seconds per run on the build machines, so each test checks its steps in one language
// and the tests together cover every step in Danish and in English.
test('the start screen and the ID step: big buttons, a picture of how to scan, a way to the staff', async ({ page, host }) => {
  await page.goto(`${host.url}/kiosk`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Velkommen til Borgerservice');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expectWayToStaff(page);
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-start') });

  await button(page, 'MitID').click();
  await expect(page.getByRole('heading', { name: 'Scan dit pas eller ID-kort' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Tegning: et åbent pas ligger med billedsiden nedad/ })).toBeVisible();
  await readerReady(page);
  await expectWayToStaff(page);
  await expect(button(page, 'Tilbage')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-id-step') });

  await page.getByRole('button', { name: 'Spørg personalet' }).click();
  const staffDialog = page.getByRole('dialog', { name: 'Spørg personalet' });
  await expect(staffDialog).toContainText('Gå hen til skranken, så hjælper vi dig.');
  await staffDialog.getByRole('button', { name: 'OK' }).click();
  await expect(staffDialog).toBeHidden();
});

test('an accepted passport and a hospital letter: an urgent ticket, printed by the shell', async ({ page, host }) => {
  await installShell(page, { ok: true });
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'MitID').click();
  await readerReady(page);
  await hostScan(host.url, makeMrz(danishPassport));
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'accepted');
  await expect(verdict).toContainText('Dit pas er nok til MitID.');
  await expect(page.locator('body')).not.toContainText('MADSEN');
  await expectWayToStaff(page);
  await switchTo(page, 'English');
  await expect(verdict).toContainText('Your passport is enough for MitID.');
  await expectAccessible(page);
  await switchTo(page, 'Dansk');
  await page.screenshot({ path: screenshotPath('kiosk-verdict-accepted') });

  await button(page, 'Fortsæt').click();
  await expect(page.getByRole('heading', { name: 'Har du fået et brev fra et sygehus i Digital Post, som du skal læse i dag?' })).toBeVisible();
  await expectWayToStaff(page);
  await expect(button(page, 'Tilbage')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-urgent') });

  const issued = nextIssuedTicket(page);
  await button(page, 'Ja').click();
  const ticket = await issued;
  // The first ID check of a fresh host has id 1.
  expect(ticket).toMatchObject({ number: 'M001', priority: 'urgent', urgentReason: 'hospital_summons', idCheckId: 1, manualIdCheck: false, supplementDeclared: null });
  await expect(page.getByTestId('ticket-number')).toHaveText('M001');
  await expect(page.getByTestId('ticket-urgent')).toContainText('Du bliver hjulpet først');
  await expect(page.getByTestId('ticket-wait')).toHaveText('Du er den næste.');
  await expect(page.getByText('Hold øje med skærmen')).toBeVisible();
  await expect.poll(() => shellFake(page)).toEqual([{ number: 'M001', serviceName: { da: 'MitID', en: 'MitID' }, issuedAt: ticket.arrivedAt, estimatedWaitMinutes: 0 }]);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectWayToStaff(page);
  await switchTo(page, 'English');
  await expect(page.getByRole('heading', { name: 'Your number' })).toBeVisible();
  await expect(page.getByTestId('ticket-wait')).toHaveText('You are next.');
  await expectAccessible(page);
  await switchTo(page, 'Dansk');
  await page.screenshot({ path: screenshotPath('kiosk-ticket') });

  await button(page, 'Færdig').click();
  await expect(page.getByRole('heading', { name: 'Hvad skal du have hjælp til?' })).toBeVisible();
});

test('a foreign ID card needs a supplement: the answer goes on the ticket, and a failed print keeps the number on screen', async ({ page, host }) => {
  await installShell(page, { ok: false, reason: 'no-printer' });
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'MitID').click();
  await readerReady(page);
  await hostScan(host.url, makeMrz(swedishIdCard));
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'supplement_required');
  await expect(verdict).toContainText('sundhedskort');
  await expect(verdict).toContainText('bopælsattest');
  await expect(page.getByText('Har du dit sundhedskort eller en bopælsattest med i dag?')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('LINDQVIST');
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-verdict-supplement') });

  await button(page, 'Jeg har det med').click();
  let issued = nextIssuedTicket(page);
  await button(page, 'Nej').click();
  expect(await issued).toMatchObject({ number: 'M001', priority: 'normal', urgentReason: null, idCheckId: 1, supplementDeclared: true, manualIdCheck: false });
  await expect(page.getByTestId('ticket-number')).toHaveText('M001');
  await expect(page.getByTestId('ticket-urgent')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveText('Billetten kunne ikke printes – husk dit nummer.');
  await button(page, 'Færdig').click();

  // The next citizen, in English, without the card.
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await switchTo(page, 'English');
  await button(page, 'MitID').click();
  await readerReady(page);
  await hostScan(host.url, makeMrz(swedishIdCard));
  await expect(verdict).toContainText('health insurance card');
  await expectAccessible(page);
  await button(page, 'I do not have it with me').click();
  issued = nextIssuedTicket(page);
  await button(page, 'No').click();
  const second = await issued;
  expect(second).toMatchObject({ number: 'M002', idCheckId: 2, supplementDeclared: false, manualIdCheck: false });
  expect(second.estimatedWaitMinutes).toBeGreaterThan(0);
  await expect(page.getByTestId('ticket-wait')).toHaveText(`Estimated wait: about ${second.estimatedWaitMinutes} minutes.`);
  await expect(page.getByRole('alert')).toHaveText('The ticket could not be printed – please remember your number.');
  expect(await shellFake(page)).toHaveLength(2);
});

test('documents that cannot be used, read by the shell’s reader: expired (with the date), a visa, a child', async ({ page, host }) => {
  await installShell(page, { ok: true });
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'MitID').click();
  await expect(page.getByRole('heading', { name: 'Scan dit pas eller ID-kort' })).toBeVisible();

  await shellScan(page, makeMrz({ ...danishPassport, expiryDate: '2025-03-03' }));
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'rejected');
  await expect(verdict).toContainText('Dit pas udløb den 3. marts 2025.');
  await expect(verdict).toContainText('Et dansk kørekort kan også bruges');
  await expect(button(page, 'Jeg har ikke et dokument, der kan scannes')).toBeVisible();
  await expectWayToStaff(page);
  await expectAccessible(page);
  await switchTo(page, 'English');
  await expect(verdict).toContainText('Your passport expired on 3 March 2025.');
  await expectAccessible(page);
  await switchTo(page, 'Dansk');
  await page.screenshot({ path: screenshotPath('kiosk-verdict-rejected') });

  await button(page, 'Scan et andet dokument').click();
  await expect(page.getByText('Læg dit pas eller ID-kort på scanneren')).toBeVisible();
  await shellScan(page, makeMrz({ kind: 'visa', issuingState: 'DNK', birthDate: adult, expiryDate: validUntil }));
  await expect(verdict).toContainText('Et visum kan ikke bruges som legitimation til MitID.');

  // A new scan replaces the verdict on screen without pressing anything.
  await shellScan(page, makeMrz({ ...danishPassport, birthDate: shiftIsoDate(today, { years: -10 }) }));
  await expect(verdict).toContainText('Du skal være fyldt 13 år for at få MitID.');
  await expect(verdict).not.toContainText('visum');
  await expect(button(page, 'Scan et andet dokument')).toHaveCount(0);
  await expectAccessible(page);
});

test('a document that cannot be read three times: try again, then a ticket for the clerk to check by hand', async ({ page, host }) => {
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'MitID').click();
  await readerReady(page);
  const verdict = page.getByTestId('verdict');

  await hostScan(host.url, 'SCANNED THE WRONG SIDE');
  await expect(verdict).toContainText('Vi kunne ikke læse dit dokument.');
  await expect(page.getByTestId('tries')).toHaveText('Du har prøvet 1 af 3 gange.');
  await button(page, 'Prøv igen').click();
  await expect(verdict).toHaveCount(0);

  await hostScan(host.url, makeMrz({ ...danishPassport, corrupt: 'birthDate' }));
  await expect(verdict).toContainText('Nogle tegn blev ikke læst rigtigt.');
  await expect(page.getByTestId('tries')).toHaveText('Du har prøvet 2 af 3 gange.');
  await button(page, 'Prøv igen').click();

  await hostScan(host.url, 'SCANNED THE WRONG SIDE AGAIN');
  await expect(verdict).toHaveAttribute('data-verdict', 'rejected');
  await expect(page.getByText('Scanneren kunne ikke læse dokumentet. Tag et nummer')).toBeVisible();
  await expect(button(page, 'Prøv igen')).toHaveCount(0);
  await expectAccessible(page);

  await button(page, 'Tag et nummer – personalet ser på dokumentet').click();
  const issued = nextIssuedTicket(page);
  await button(page, 'Nej').click();
  expect(await issued).toMatchObject({ number: 'M001', manualIdCheck: true, idCheckId: 3 });
  await expect(page.getByTestId('ticket-number')).toHaveText('M001');
  await expectAccessible(page);
});

test('no document that can be scanned, in English, with the way back from each step', async ({ page, host }) => {
  await page.goto(`${host.url}/kiosk`);
  await switchTo(page, 'English');
  await expectAccessible(page);
  await button(page, 'MitID').click();
  await expectWayToStaff(page, 'Ask the staff');
  await expectAccessible(page);
  await button(page, 'Back').click();
  await expect(page.getByRole('heading', { name: 'What do you need help with?' })).toBeVisible();

  await button(page, 'MitID').click();
  await button(page, 'I have no document that can be scanned').click();
  await expect(page.getByRole('heading', { name: 'Do you have a letter from a hospital in Digital Post that you must read today?' })).toBeVisible();
  await expectAccessible(page);
  await button(page, 'Back').click();
  await expect(page.getByRole('heading', { name: 'Scan your passport or ID card' })).toBeVisible();
  await button(page, 'I have no document that can be scanned').click();

  const issued = nextIssuedTicket(page);
  await button(page, 'No').click();
  expect(await issued).toMatchObject({ number: 'M001', manualIdCheck: true, idCheckId: null, supplementDeclared: null, urgentReason: null });
  await expect(page.getByRole('heading', { name: 'Your number' })).toBeVisible();
  await expect(page.getByText('Watch the screen')).toBeVisible();
  await expectWayToStaff(page, 'Ask the staff');
  await expectAccessible(page);

  // A service without an ID check goes straight to the hospital-letter question.
  await button(page, 'Done').click();
  await button(page, 'Pas').click();
  await expect(page.getByRole('heading', { name: /brev fra et sygehus/ })).toBeVisible();
});

/** Types `text` as a keyboard-wedge burst at the focused element; returns, per Enter, whether the page swallowed it. */
async function burst(page: Page, text: string): Promise<boolean[]> {
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

test('a keyboard-wedge reader typing into the page gives a verdict, and its Enter presses no button', async ({ page, host }) => {
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'MitID').click();
  await expect(page.getByRole('heading', { name: 'Scan dit pas eller ID-kort' })).toBeVisible();
  // Focus on "Back": if the reader's Enter reached it, the citizen would be thrown back to the start.
  await button(page, 'Tilbage').focus();

  const zone = makeMrzLines(danishPassport);
  // A reader types a whole zone within a few milliseconds. Typing through the browser protocol
  // cannot promise that on a loaded machine, so the burst is dispatched inside the page, in one go,
  // at the element that has focus. Each reader Enter must be swallowed (default prevented) so it
  // cannot press the focused button.
  const enterSwallowed = await burst(page, `${zone.join('\n')}\n`);
  expect(enterSwallowed).toEqual([true, true]);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByRole('heading', { name: 'Scan dit pas eller ID-kort' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('MADSEN');
  await expectAccessible(page);

  // A garbled burst (wrong keyboard layout, half a scan) is a misread like any other.
  await burst(page, 'P<DNKMADSEN<<ANNA<<<\n');
  await expect(verdict).toHaveAttribute('data-verdict', 'rejected');
  await expect(verdict).toContainText('Vi kunne ikke læse dit dokument.');
  await expect(page.getByTestId('tries')).toHaveText('Du har prøvet 1 af 3 gange.');
  await expect(page.getByRole('heading', { name: 'Scan dit pas eller ID-kort' })).toBeVisible();
});

test('a citizen who walks away: "are you still there?", then a clean start in Danish; the ticket leaves after 20 s', async ({ page, host }) => {
  await page.clock.install();
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'MitID').click();
  await readerReady(page);
  await hostScan(host.url, makeMrz({ ...danishPassport, expiryDate: '2025-03-03' }));
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText('3. marts 2025');
  // The page's time moves only when the test says so while the countdown is read and photographed.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);

  await page.clock.fastForward(60_000);
  const question = page.getByRole('dialog', { name: 'Er du her stadig?' });
  await expect(question).toBeVisible();
  await expect(page.getByTestId('idle-countdown')).toHaveText(/^Skærmen starter forfra om (20|19) sekunder\.$/);
  await page.screenshot({ path: screenshotPath('kiosk-idle') });
  // axe runs on the page's timers, so the clock runs for the audit: the citizen's 20 seconds
  // (WCAG 2.2.1) are its budget, and the dialog must still be there afterwards, or the audit
  // would have looked at the start screen instead.
  await page.clock.resume();
  await expectAccessible(page);
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Ja, jeg er her' }).click();
  await expect(question).toBeHidden();
  await expect(verdict).toContainText('3. marts 2025');

  await switchTo(page, 'English');
  await page.clock.fastForward(61_000);
  await expect(page.getByRole('dialog', { name: 'Are you still there?' })).toBeVisible();
  await page.clock.fastForward(20_000);
  await expect(page.getByRole('heading', { name: 'Hvad skal du have hjælp til?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('2025');

  // Nothing of the previous citizen comes back: no verdict, no tries, no storage.
  await button(page, 'MitID').click();
  await expect(page.getByText('Læg dit pas eller ID-kort på scanneren')).toBeVisible();
  await expect(verdict).toHaveCount(0);
  expect(await page.evaluate(() => {
    const { localStorage, sessionStorage } = globalThis as unknown as PageGlobals;
    return localStorage.length + sessionStorage.length;
  })).toBe(0);

  await button(page, 'Tilbage').click();
  await button(page, 'Pas').click();
  await button(page, 'Nej').click();
  await expect(page.getByTestId('ticket-number')).toHaveText('P001');
  await page.clock.fastForward(20_000);
  await expect(page.getByRole('heading', { name: 'Hvad skal du have hjælp til?' })).toBeVisible();
  await expect(page.getByTestId('ticket-number')).toHaveCount(0);
});

test('at 200 % zoom (540 × 960 CSS px) nothing important is cut off', async ({ browser, host }) => {
  const context = await browser.newContext({ viewport: { width: 540, height: 960 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const noSidewaysScroll = () =>
    page.evaluate(() => {
      const { documentElement } = (globalThis as unknown as PageGlobals).document;
      return documentElement.scrollWidth <= documentElement.clientWidth;
    });
  async function reachable(name: string) {
    const target = button(page, name);
    await target.scrollIntoViewIfNeeded();
    await expect(target).toBeInViewport({ ratio: 0.99 });
  }

  await page.goto(`${host.url}/kiosk`);
  for (const name of ['Dansk', 'English', 'MitID', 'Pas', 'Kørekort', 'Andet', 'Spørg personalet']) await reachable(name);
  expect(await noSidewaysScroll()).toBe(true);

  await button(page, 'MitID').click();
  await readerReady(page);
  await hostScan(host.url, makeMrz({ ...danishPassport, expiryDate: '2025-03-03' }));
  await expect(page.getByTestId('verdict')).toContainText('3. marts 2025');
  for (const name of ['Scan et andet dokument', 'Jeg har ikke et dokument, der kan scannes', 'Tilbage', 'Spørg personalet']) await reachable(name);
  expect(await noSidewaysScroll()).toBe(true);
  await expectAccessible(page);
  await context.close();
});
