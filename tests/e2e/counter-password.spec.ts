import { expect, expectAccessible, test } from './fixtures.js';
import { ADMIN_PASSWORD } from './fixtures.js';

const OLD_PASSWORD = 'clerk-e2e-password';
const NEW_PASSWORD = 'a-brand-new-password';

async function status(hostUrl: string, username: string, password: string): Promise<number> {
  const response = await fetch(`${hostUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return response.status;
}

test('a clerk changes their own password from the counter console and stays logged in', async ({ browser, host }) => {
  const adminContext = await browser.newContext({ baseURL: host.url });
  expect((await adminContext.request.post('/api/auth/login', { data: { username: 'admin', password: ADMIN_PASSWORD } })).status()).toBe(200);
  const created = await adminContext.request.post('/api/staff', { data: { username: 'dorte', displayName: 'Dorte', password: OLD_PASSWORD, role: 'clerk' } });
  expect(created.status()).toBe(201);

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${host.url}/counter`);
  await page.getByLabel('Brugernavn').fill('dorte');
  await page.getByLabel('Adgangskode').fill(OLD_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByText('Logget ind som Dorte')).toBeVisible();

  // Reachable from the header by keyboard; Escape closes it and gives focus back.
  const opener = page.getByRole('button', { name: 'Skift adgangskode' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Skift din adgangskode' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Nuværende adgangskode')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await opener.click();
  await expectAccessible(page);

  // A wrong current password: said in the dialog, which stays open, and nothing changes.
  await dialog.getByLabel('Nuværende adgangskode').fill('not-the-password');
  await dialog.getByLabel('Ny adgangskode (mindst 10 tegn)').fill(NEW_PASSWORD);
  await dialog.getByLabel('Gentag den nye adgangskode').fill(NEW_PASSWORD);
  await dialog.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Den nuværende adgangskode er forkert.');
  await expect(dialog.getByLabel('Nuværende adgangskode')).toHaveValue('');
  await expectAccessible(page);

  // Two different new passwords are caught before the host is asked.
  await dialog.getByLabel('Nuværende adgangskode').fill(OLD_PASSWORD);
  await dialog.getByLabel('Gentag den nye adgangskode').fill('something-else-entirely');
  await dialog.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('De to nye adgangskoder er ikke ens.');

  await dialog.getByLabel('Gentag den nye adgangskode').fill(NEW_PASSWORD);
  await dialog.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notice')).toHaveText(/Din adgangskode er skiftet/);

  // This browser stays logged in; the old password is gone, the new one works.
  await page.reload();
  await expect(page.getByText('Logget ind som Dorte')).toBeVisible();
  expect(await status(host.url, 'dorte', OLD_PASSWORD)).toBe(401);
  expect(await status(host.url, 'dorte', NEW_PASSWORD)).toBe(200);
});
