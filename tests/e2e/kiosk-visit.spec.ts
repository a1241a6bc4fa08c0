import { makeMrz, makeMrzLines } from '../support/mrz-generator.js';
import { expect, expectAccessible, screenshotPath, test } from './fixtures.js';
import { danishPassport, readerReady, hostScan, switchTo, button, burst, type PageGlobals } from './kiosk-support.js';

/** The kiosk around the citizen: a keyboard-wedge reader, a citizen who walks away, 200 % zoom. */
test.use({ hostEnv: { SCANNER: 'simulator' }, viewport: { width: 1080, height: 1920 } });

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
