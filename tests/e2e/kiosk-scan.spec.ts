import { makeMrz, shiftIsoDate } from '../support/mrz-generator.js';
import { expect, expectAccessible, test } from './fixtures.js';
import { adult, hostScan, readerReady, today } from './kiosk-support.js';

test.use({ hostEnv: { SCANNER: 'simulator' } });

test('a simulated scan at the host reader turns into a verdict on /kiosk, then a ticket', async ({ page, host }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(`${host.url}/kiosk`);
  await page.getByRole('button', { name: 'MitID' }).click();
  await expect(page.getByText('Læg dit pas eller ID-kort på scanneren')).toBeVisible();
  await readerReady(page);
  await expectAccessible(page);

  await hostScan(host.url, makeMrz({ kind: 'id_card', issuingState: 'SWE', surname: 'LINDQVIST', birthDate: adult, expiryDate: shiftIsoDate(today, { years: 2 }) }));
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'supplement_required');
  await expect(verdict).toContainText(/sundhedskort/i);
  await expect(page.locator('body')).not.toContainText('LINDQVIST');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Jeg har det med' }).click();
  await page.getByRole('button', { name: 'Nej', exact: true }).click();
  await expect(page.getByTestId('ticket-number')).toHaveText('M001');
});

test('an expired passport is rejected with the date, in English too', async ({ page, host }) => {
  await page.goto(`${host.url}/kiosk`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'MitID' }).click();
  await readerReady(page);
  await hostScan(host.url, makeMrz({ issuingState: 'DNK', birthDate: adult, expiryDate: '2025-03-03' }));
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'rejected');
  await expect(verdict).toContainText('3 March 2025');
  await expectAccessible(page);
});

test('an unplugged reader is shown to the citizen: ask the staff', async ({ page, host }) => {
  await page.goto(`${host.url}/kiosk`);
  await page.getByRole('button', { name: 'MitID' }).click();
  await readerReady(page);
  await fetch(`${host.url}/api/dev/scanner`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ connected: false }) });
  await expect(page.getByRole('alert')).toContainText('Scanneren er ikke tilsluttet');
  await fetch(`${host.url}/api/dev/scanner`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ connected: true }) });
  await expect(page.getByRole('alert')).toHaveCount(0);
});
