import { ADMIN_PASSWORD, expect, expectAccessible, test } from './fixtures.js';

test('a citizen takes a ticket at the kiosk, a clerk calls it, the waiting room sees it', async ({ browser, host }) => {
  // Each terminal is its own browser context: its own cookies, like separate PCs.
  const display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await display.goto(`${host.url}/display`);
  await expect(display.getByRole('heading', { level: 1 })).toHaveText('Borgerservice');

  const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
  await kiosk.goto(`${host.url}/kiosk`);
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'da');
  await expectAccessible(kiosk);
  await kiosk.getByRole('button', { name: 'MitID' }).click();
  await kiosk.getByRole('button', { name: 'Jeg har ikke et dokument, der kan scannes' }).click();
  await kiosk.getByRole('button', { name: 'Nej', exact: true }).click();
  await expect(kiosk.getByTestId('ticket-number')).toHaveText('M001');
  await expectAccessible(kiosk);

  const counter = await (await browser.newContext()).newPage();
  await counter.goto(`${host.url}/counter`);
  await counter.getByLabel('Brugernavn').fill('admin');
  await counter.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await counter.getByRole('button', { name: 'Log ind' }).click();
  await counter.getByRole('button', { name: 'Åbn Skranke 2' }).click();
  await expectAccessible(counter);
  await counter.getByRole('button', { name: 'Kald næste' }).click();
  await expect(counter.getByTestId('current-number')).toHaveText('M001');

  await expect(display.getByTestId('call').first()).toContainText('M001');
  await expect(display.getByTestId('call').first()).toContainText('Skranke 2');
  await expectAccessible(display);

  await counter.getByRole('button', { name: 'Afslut' }).click();
  await expect(counter.getByRole('button', { name: 'Kald næste' })).toBeVisible();
});

test('the kiosk speaks English when asked', async ({ page, host }) => {
  await page.goto(`${host.url}/kiosk`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Citizen Service');
  await expect(page.getByRole('button', { name: 'Passport' })).toBeVisible();
  await expectAccessible(page);
});
