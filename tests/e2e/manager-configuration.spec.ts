import { nextOfficeDay, officeDayOf } from '../../core/office-day.js';
import { ADMIN_PASSWORD, expect, expectAccessible, screenshotPath, test } from './fixtures.js';

test('an admin configures the office: a service name, a clerk, counter order, and hours that close the kiosk', async ({ browser, host }) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${host.url}/manager#configuration`);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Ydelser', level: 2 })).toBeVisible();

  // Rename a service; the kiosk offers it under the new name.
  const passport = page.getByRole('form', { name: 'Ydelse P – Pas' });
  await passport.getByLabel('Navn på dansk').fill('Pas og nødpas');
  await passport.getByRole('button', { name: 'Gem' }).click();
  await expect(passport.getByRole('status')).toHaveText('Gemt.');

  // A new clerk, who can then log in.
  const newMember = page.getByRole('form', { name: 'Ny medarbejder' });
  await newMember.getByLabel('Brugernavn').fill('klara');
  await newMember.getByLabel('Navn', { exact: true }).fill('Klara Jensen');
  await newMember.getByLabel('Adgangskode (mindst 10 tegn)').fill('klaras-password-1');
  await newMember.getByLabel('Rolle').selectOption('clerk');
  await newMember.getByRole('button', { name: 'Opret medarbejder' }).click();
  await expect(newMember.getByRole('status')).toHaveText('Medarbejderen er oprettet.');
  await expect(page.getByRole('article', { name: 'Klara Jensen (klara)' })).toBeVisible();
  // Her own browser: logging in here would replace the admin's session.
  const klarasPc = await browser.newContext();
  expect((await klarasPc.request.post(`${host.url}/api/auth/login`, { data: { username: 'klara', password: 'klaras-password-1' } })).status()).toBe(200);

  // Counter 1 prefers passports: moved up from the keyboard, the focus stays on the moving row.
  const counter = page.getByRole('form', { name: 'Skranke 1', exact: true });
  await counter.getByRole('button', { name: 'Flyt Pas og nødpas op' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', 'Flyt Pas og nødpas ned');
  await expect(counter.getByText('Pas og nødpas er nu nummer 1.')).toBeAttached();
  await counter.getByLabel('Hvem kaldes først').selectOption('preference');
  await counter.getByRole('button', { name: 'Gem' }).click();
  await expect(counter.getByRole('status')).toHaveText('Gemt.');
  const counters = await (await page.request.get(`${host.url}/api/config/counters`)).json();
  expect(counters[0]).toMatchObject({ serviceCodes: ['P', 'M', 'K', 'A'], ordering: 'preference' });

  await expectAccessible(page);
  // The tests compile without the DOM library, so the page's window is typed here.
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('manager-configuration') });

  // Opening hours on, with today (and tomorrow, in case the test runs across midnight) closed.
  const hours = page.getByRole('form', { name: 'Åbningstider' });
  await hours.getByLabel('Brug åbningstider').check();
  const today = officeDayOf(Date.now());
  for (const [n, day] of [[1, today], [2, nextOfficeDay(today)]] as const) {
    await hours.getByRole('button', { name: 'Tilføj lukkedag' }).click();
    await hours.getByLabel(`Dato ${n}`, { exact: true }).fill(day);
  }
  await hours.getByLabel('Note til dato 1 (valgfri)').fill('Personaledag');
  await hours.getByRole('button', { name: 'Gem' }).click();
  await expect(hours.getByRole('status')).toHaveText('Gemt.');

  const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
  await kiosk.goto(`${host.url}/kiosk`);
  await expect(kiosk.getByRole('heading', { name: 'Lukket', level: 2 })).toBeVisible();
  await expect(kiosk.getByTestId('next-opening')).toContainText('Vi åbner igen');
  await expect(kiosk.getByRole('row', { name: /I dag Lukket/ })).toBeVisible();
  await expect(kiosk.getByRole('button', { name: 'Pas og nødpas' })).toHaveCount(0);
  await expectAccessible(kiosk);
  await kiosk.screenshot({ path: screenshotPath('kiosk-closed') });
  await kiosk.getByRole('button', { name: 'English' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Closed', level: 2 })).toBeVisible();

  // Switched off again, the kiosk is open and offers the renamed service.
  await hours.getByLabel('Brug åbningstider').uncheck();
  await hours.getByRole('button', { name: 'Gem' }).click();
  await expect(hours.getByRole('status')).toHaveText('Gemt.');
  await kiosk.reload();
  await expect(kiosk.getByRole('button', { name: 'Pas og nødpas' })).toBeVisible();
});

test('refusals show the host’s reason: nobody demotes the last admin', async ({ page, host }) => {
  await page.goto(`${host.url}/manager#configuration`);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  const me = page.getByRole('form', { name: /Administrator \(admin\): Navn, Rolle/ });
  await me.getByLabel('Rolle').selectOption('manager');
  await me.getByRole('button', { name: 'Gem' }).click();
  await expect(me.getByRole('alert')).toContainText('Ikke gemt: This is the last active admin.');
  await expectAccessible(page);
});

test('changing your own password asks for the current one; a wrong one is refused with the host’s reason', async ({ browser, page, host }) => {
  await page.goto(`${host.url}/manager#configuration`);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Medarbejdere', level: 2 })).toBeVisible();
  expect((await page.request.post(`${host.url}/api/staff`, { data: { username: 'lene', displayName: 'Lene', password: 'lenes-password-1', role: 'clerk' } })).status()).toBe(201);
  await page.reload();

  // Someone else's password is set without theirs; only your own card asks for the current one.
  await expect(page.getByRole('form', { name: 'Lene (lene): Skift adgangskode' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Lene (lene): Skift adgangskode' }).getByLabel('Nuværende adgangskode')).toHaveCount(0);

  const own = page.getByRole('form', { name: 'Administrator (admin): Skift adgangskode' });
  await own.getByLabel('Nuværende adgangskode').fill('not-my-password');
  await own.getByLabel('Ny adgangskode (mindst 10 tegn)').fill('admins-new-password');
  await own.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(own.getByRole('alert')).toContainText('Ikke gemt: The current password is wrong.');

  await own.getByLabel('Nuværende adgangskode').fill(ADMIN_PASSWORD);
  await own.getByLabel('Ny adgangskode (mindst 10 tegn)').fill('admins-new-password');
  await own.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(own.getByRole('status')).toContainText('Adgangskoden er skiftet.');
  await expect(own.getByLabel('Nuværende adgangskode')).toHaveValue('');
  await expectAccessible(page);
  const elsewhere = await browser.newContext();
  expect((await elsewhere.request.post(`${host.url}/api/auth/login`, { data: { username: 'admin', password: 'admins-new-password' } })).status()).toBe(200);
  await elsewhere.close();
});

/** A kiosk PC elsewhere on the network, as far as the host can tell: it sends its key with each request. */
async function issueWithKey(hostUrl: string, token: string): Promise<number> {
  const response = await fetch(`${hostUrl}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ serviceCode: 'P' }),
  });
  return response.status;
}

test('an admin pairs a kiosk, sees it last seen, revokes it after confirming, and sets the ticket limits', async ({ browser, host }) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${host.url}/manager#configuration`);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Kiosker', level: 2, exact: true }) });
  await expect(section.getByText('Ingen kiosk-pc’er er parret endnu.')).toBeVisible();

  // Pairing shows the key once, selected, ready to copy.
  const pair = section.getByRole('form', { name: 'Par en ny kiosk' });
  await pair.getByLabel('Navn på kiosken (fx "Indgang")').fill('Indgang');
  await pair.getByRole('button', { name: 'Par kiosk' }).click();
  const key = section.getByRole('group', { name: 'Nøgle til Indgang' });
  await expect(key).toContainText('Vises kun denne ene gang');
  const token = await key.getByLabel('Nøgle').inputValue();
  expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  await expect(key.getByLabel('Nøgle')).toBeFocused();
  await expectAccessible(page);
  await section.screenshot({ path: screenshotPath('manager-kiosks-paired') });
  await key.getByRole('button', { name: 'Jeg har kopieret nøglen' }).click();
  await expect(key).toHaveCount(0);

  // The kiosk works with its key; the list says when it was last seen.
  expect(await issueWithKey(host.url, token)).toBe(201);
  await page.reload();
  const row = section.getByRole('row', { name: /Indgang/ });
  await expect(row).toContainText('I brug');
  await expect(row.getByRole('cell').nth(1)).not.toHaveText('Aldrig');

  // Revoking asks first; cancelling changes nothing.
  await row.getByRole('button', { name: 'Tilbagekald Indgang' }).click();
  const confirm = section.getByRole('group', { name: 'Tilbagekald Indgang' });
  await expect(confirm).toContainText('Tilbagekald Indgang? Kiosken kan ikke længere udstede billetter');
  await confirm.getByRole('button', { name: 'Fortryd' }).click();
  expect(await issueWithKey(host.url, token)).toBe(201);
  await row.getByRole('button', { name: 'Tilbagekald Indgang' }).click();
  await confirm.getByRole('button', { name: 'Ja, tilbagekald' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'tilbagekaldt' })).toHaveText('Indgang er tilbagekaldt.');
  await expect(row).toContainText('Tilbagekaldt');
  await expect(row.getByRole('button')).toHaveCount(0);
  expect(await issueWithKey(host.url, token)).toBe(401);
  await expectAccessible(page);
  await section.screenshot({ path: screenshotPath('manager-kiosks') });

  // The limits: a manager's setting, saved like the others.
  const limits = page.getByRole('form', { name: 'Grænser for billetter fra kiosker' });
  await expect(limits.getByLabel('Billetter pr. minut pr. kiosk')).toHaveValue('30');
  await expect(limits.getByLabel('Akutte billetter pr. time pr. kiosk')).toHaveValue('6');
  await limits.getByLabel('Billetter pr. minut pr. kiosk').fill('12');
  await limits.getByRole('button', { name: 'Gem' }).click();
  await expect(limits.getByRole('status')).toHaveText('Gemt.');
  expect(await (await page.request.get(`${host.url}/api/config/issuance-limits`)).json()).toEqual({ ticketsPerMinute: 12, urgentPerHour: 6 });

  await page.getByRole('button', { name: 'English' }).click();
  const english = page.locator('section', { has: page.getByRole('heading', { name: 'Kiosks', level: 2, exact: true }) });
  await expect(english.getByRole('row', { name: /Indgang/ })).toContainText('Revoked');
  await expectAccessible(page);
});

test('a manager sets the ticket limits but sees no kiosk keys', async ({ browser, page, host }) => {
  await page.goto(`${host.url}/manager#configuration`);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Kiosker', level: 2, exact: true })).toBeVisible();
  expect((await page.request.post(`${host.url}/api/staff`, { data: { username: 'mona', displayName: 'Mona', password: 'monas-password-1', role: 'manager' } })).status()).toBe(201);

  const managerPage = await (await browser.newContext()).newPage();
  await managerPage.goto(`${host.url}/manager#configuration`);
  await managerPage.getByLabel('Brugernavn').fill('mona');
  await managerPage.getByLabel('Adgangskode').fill('monas-password-1');
  await managerPage.getByRole('button', { name: 'Log ind' }).click();
  await expect(managerPage.getByRole('form', { name: 'Grænser for billetter fra kiosker' })).toBeVisible();
  await expect(managerPage.getByRole('heading', { name: 'Kiosker', level: 2, exact: true })).toHaveCount(0);
  await expect(managerPage.getByRole('link', { name: 'Kiosker', exact: true })).toHaveCount(0);
  await expectAccessible(managerPage);
});
