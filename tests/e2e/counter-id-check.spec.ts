import { makeMrz, shiftIsoDate } from '../support/mrz-generator.js';
import { ADMIN_PASSWORD, expect, expectAccessible, test } from './fixtures.js';

const today = new Date().toISOString().slice(0, 10);
const post = async (url: string, body: unknown): Promise<{ id: number }> =>
  (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: number };

test('the clerk sees the kiosk verdict on the called ticket, and checks another document at the desk', async ({ page, host }) => {
  // A citizen checked a Swedish ID card at the kiosk and said they have their health card with them.
  const check = await post(`${host.url}/api/id-checks`, {
    mrz: makeMrz({ kind: 'id_card', issuingState: 'SWE', birthDate: '1990-02-02', expiryDate: shiftIsoDate(today, { years: 2 }) }),
  });
  await post(`${host.url}/api/tickets`, { serviceCode: 'M', idCheckId: check.id, supplementDeclared: true });

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${host.url}/counter`);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: 'Åbn Skranke 1' }).click();
  await page.getByRole('button', { name: 'Kald næste' }).click();
  const verdict = page.getByTestId('id-check-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'supplement_required');
  await expect(page.getByTestId('id-check')).toContainText('SWE');

  // At the desk the citizen shows a Danish passport that expired last month; the reader types it in.
  const field = page.getByLabel('Scan dokumentet med læseren her');
  await field.click();
  const [line1, line2] = makeMrz({ issuingState: 'DNK', surname: 'MADSEN', birthDate: '1970-03-03', expiryDate: shiftIsoDate(today, { days: -30 }) }).split('\n');
  await page.keyboard.type(line1!, { delay: 2 });
  await page.keyboard.press('Enter');
  await page.keyboard.type(line2!, { delay: 2 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'rejected');
  // The scanned text is gone from the screen once checked.
  await expect(field).toHaveValue('');
  await expect(page.locator('body')).not.toContainText('MADSEN');
  // Typing a scan into the field did not trigger the console's one-key shortcuts.
  await expect(page.getByTestId('current-number')).toHaveText('M001');
  await expectAccessible(page);
});
