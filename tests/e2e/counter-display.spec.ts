import type { APIRequestContext, Browser, Page } from '@playwright/test';
import type { CounterView } from '../../contract/counters.js';
import type { TicketView } from '../../contract/tickets.js';
import { nextOfficeDay, officeDayOf, startOfOfficeDay } from '../../core/office-day.js';
import { killHard, spawnHost } from '../support/child-host.js';
import { ADMIN_PASSWORD, expect, expectAccessible, screenshotPath, test } from './fixtures.js';

const CLERK_PASSWORD = 'clerk-e2e-password';
/** The console re-reads the queue on every event; a colleague's call must show within about a second. */
const LIVE_UPDATE_MS = 1500;

/** The host's own PC may issue tickets (it counts as the office's kiosk), so the test issues them as a kiosk would. */
async function issue(hostUrl: string, body: Record<string, unknown>): Promise<TicketView> {
  const response = await fetch(`${hostUrl}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return (await response.json()) as TicketView;
}

/** The admin's own API session, in its own browser context. */
async function adminApi(browser: Browser, hostUrl: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL: hostUrl });
  expect((await context.request.post('/api/auth/login', { data: { username: 'admin', password: ADMIN_PASSWORD } })).status()).toBe(200);
  return context.request;
}

async function createClerk(admin: APIRequestContext, username: string, displayName: string): Promise<void> {
  const response = await admin.post('/api/staff', { data: { username, displayName, password: CLERK_PASSWORD, role: 'clerk' } });
  expect(response.status()).toBe(201);
}

async function counterId(admin: APIRequestContext, name: string): Promise<number> {
  const counters = (await (await admin.get('/api/counters')).json()) as CounterView[];
  return counters.find((c) => c.name === name)!.id;
}

/** A clerk's PC: its own browser context, logged in through the form, with the counter open. */
async function openConsole(browser: Browser, hostUrl: string, username: string, password: string, counterName: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${hostUrl}/counter`);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: `Åbn ${counterName}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(counterName);
  await expect(page.getByRole('button', { name: 'Kald næste' })).toBeEnabled();
  return page;
}

async function openDisplay(browser: Browser, hostUrl: string) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${hostUrl}/display`);
  await expect(page.getByTestId('reconnecting')).toHaveCount(0);
  return { context, page };
}

test('two clerks serve a queue with an urgent ticket; the display shows every call in order', async ({ browser, host }) => {
  const admin = await adminApi(browser, host.url);
  await createClerk(admin, 'anna', 'Anna');
  await createClerk(admin, 'bo', 'Bo');
  const { page: display } = await openDisplay(browser, host.url);

  await issue(host.url, { serviceCode: 'M' });
  await issue(host.url, { serviceCode: 'M' });
  await issue(host.url, { serviceCode: 'M', urgent: { reason: 'hospital_summons' } });
  await issue(host.url, { serviceCode: 'P' });

  const anna = await openConsole(browser, host.url, 'anna', CLERK_PASSWORD, 'Skranke 1');
  const bo = await openConsole(browser, host.url, 'bo', CLERK_PASSWORD, 'Skranke 2');
  await expect(anna.getByTestId('waiting-ticket')).toHaveCount(4);
  await expect(anna.getByTestId('waiting-ticket').filter({ hasText: 'M003' })).toContainText('Hastesag: indkaldelse fra hospital');
  await expect(anna.getByTestId('queue-row-M').getByRole('cell').first()).toHaveText('3');

  // Urgent first, by keyboard.
  await anna.keyboard.press('n');
  await expect(anna.getByTestId('current-number')).toHaveText('M003');
  await expect(anna.getByTestId('urgent-reason')).toHaveText('Hastesag: indkaldelse fra hospital');
  await expect(display.getByTestId('call').first()).toHaveText(/M003\s*Skranke 1/);
  await expect(bo.getByTestId('waiting-ticket')).toHaveCount(3, { timeout: LIVE_UPDATE_MS });

  // A double click calls one citizen, not two.
  await bo.getByRole('button', { name: 'Kald næste' }).dblclick();
  await expect(bo.getByTestId('current-number')).toHaveText('M001');
  await expect(anna.getByTestId('waiting-ticket')).toHaveCount(2, { timeout: LIVE_UPDATE_MS });
  await expect(bo.getByTestId('notice')).toHaveCount(0);

  await anna.keyboard.press('f');
  await expect(anna.getByTestId('current-number')).toHaveCount(0);
  await anna.keyboard.press('n');
  await expect(anna.getByTestId('current-number')).toHaveText('M002');

  // A letter typed while the outcome list has focus chooses an option; it never finishes the ticket.
  await bo.getByLabel('Resultat').selectOption('referred');
  await bo.getByLabel('Resultat').press('f');
  await expect(bo.getByTestId('current-number')).toHaveText('M001');
  await bo.getByRole('button', { name: 'Afslut' }).click();
  await expect(bo.getByRole('button', { name: 'Kald næste' })).toBeEnabled();
  await bo.keyboard.press('n');
  await expect(bo.getByTestId('current-number')).toHaveText('P001');
  await expect(anna.getByTestId('nobody-waiting')).toBeVisible({ timeout: LIVE_UPDATE_MS });

  await expect(display.getByTestId('call')).toHaveText([/P001\s*Skranke 2/, /M002\s*Skranke 1/, /M001\s*Skranke 2/, /M003\s*Skranke 1/]);
  await expect(display.getByTestId('now-calling')).toContainText('P001');
});

test('a display that loses its network shows the calls it missed, in order, once it is back', async ({ browser, host }) => {
  const admin = await adminApi(browser, host.url);
  const counter = await counterId(admin, 'Skranke 3');
  expect((await admin.post(`/api/counters/${counter}/open`, { data: {} })).ok()).toBe(true);
  const tickets = [await issue(host.url, { serviceCode: 'M' }), await issue(host.url, { serviceCode: 'M' }), await issue(host.url, { serviceCode: 'M' })];
  const { context, page: display } = await openDisplay(browser, host.url);

  expect((await admin.post(`/api/counters/${counter}/call-next`, { data: {} })).ok()).toBe(true);
  await expect(display.getByTestId('call').first()).toHaveText(/M001\s*Skranke 3/);

  // Chromium's emulated offline mode leaves an open EventSource connection streaming (tried: the
  // calls kept arriving), but it does fire the window's `offline` event, which a real PC fires
  // when its cable is pulled. The page drops its stream on that event, and new connections fail
  // while offline, so this is the path a real outage takes.
  await context.setOffline(true);
  await expect(display.getByTestId('reconnecting')).toBeVisible();

  await admin.post(`/api/tickets/${tickets[0]!.id}/finish`, { data: { outcome: 'mitid_issued' } });
  expect((await (await admin.post(`/api/counters/${counter}/call-next`, { data: {} })).json()).number).toBe('M002');
  await admin.post(`/api/tickets/${tickets[1]!.id}/finish`, { data: { outcome: 'mitid_issued' } });
  expect((await (await admin.post(`/api/counters/${counter}/call-next`, { data: {} })).json()).number).toBe('M003');
  // Live, these calls show within a few hundred milliseconds; offline they must not.
  await display.waitForTimeout(1000);
  await expect(display.getByTestId('call')).toHaveCount(1);

  await context.setOffline(false);
  await expect(display.getByTestId('reconnecting')).toHaveCount(0);
  await expect(display.getByTestId('call')).toHaveText([/M003\s*Skranke 3/, /M002\s*Skranke 3/, /M001\s*Skranke 3/]);
  await expect(display.getByTestId('now-calling')).toContainText('M003');
});

test('the console says when the host is gone, does not pass the ticket off as live, and recovers', async ({ browser, host }) => {
  await issue(host.url, { serviceCode: 'M', manualIdCheck: true });
  const desk = await openConsole(browser, host.url, 'admin', ADMIN_PASSWORD, 'Skranke 1');
  await desk.keyboard.press('n');
  await expect(desk.getByTestId('current-number')).toHaveText('M001');
  await expect(desk.getByTestId('current-ticket')).toHaveAttribute('data-confirmed', 'true');
  await expect(desk.getByTestId('id-check')).toContainText('ID skal tjekkes manuelt');

  // The restarted host must open the same database on the same port.
  const port = new URL(host.url).port;
  await killHard(host);

  await expect(desk.getByText('Ingen forbindelse til serveren – prøver igen')).toBeVisible();
  await expect(desk.getByTestId('current-ticket')).toHaveAttribute('data-confirmed', 'false');
  await expect(desk.getByTestId('not-confirmed')).toBeVisible();
  await expect(desk.getByRole('button', { name: 'Afslut' })).toBeDisabled();
  await expect(desk.getByRole('button', { name: 'Kald igen' })).toBeDisabled();

  const restarted = await spawnHost({ DATA_DIR: host.dataDir, ADMIN_PASSWORD, PORT: port });
  // The fixture kills `host.process` when the test ends; it must be the running one.
  host.process = restarted.process;
  await expect(desk.getByTestId('connection')).toHaveText('', { timeout: 10_000 });
  await expect(desk.getByTestId('current-ticket')).toHaveAttribute('data-confirmed', 'true');
  await expect(desk.getByTestId('current-number')).toHaveText('M001');
  await expect(desk.getByRole('button', { name: 'Afslut' })).toBeEnabled();
});

test('the login form and the console with a ticket pass axe; a lost session returns to the login form', async ({ browser, host }) => {
  await issue(host.url, { serviceCode: 'M', urgent: { reason: 'hospital_summons' }, supplementDeclared: false, manualIdCheck: true });
  await issue(host.url, { serviceCode: 'M' });
  await issue(host.url, { serviceCode: 'K' });

  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${host.url}/counter`);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill('not-the-password');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Forkert brugernavn eller adgangskode.' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: 'Åbn Skranke 2' }).click();
  await expect(page.getByRole('button', { name: 'Kald næste' })).toBeEnabled();

  // Out of order, with a reason; the letters typed into the reason are text, not shortcuts.
  await page.getByRole('button', { name: 'Kald K001' }).click();
  await page.getByLabel('Begrundelse (gemmes i loggen)').fill('Borger kom tilbage fra parkering');
  await page.getByRole('button', { name: 'Kald K001' }).last().click();
  await expect(page.getByTestId('current-number')).toHaveText('K001');

  await page.getByRole('button', { name: 'Luk skranken' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Skranken kan ikke lukkes, mens der er en borger.' })).toBeVisible();

  await expect(page.getByRole('button', { name: 'Overfør' })).toBeEnabled();
  await page.keyboard.press('t');
  await page.getByRole('dialog').getByLabel('Ydelse').selectOption({ label: 'Pas' });
  await page.getByRole('button', { name: 'Bekræft' }).click();
  await expect(page.getByTestId('current-number')).toHaveCount(0);
  await expect(page.getByTestId('waiting-ticket').filter({ hasText: 'K001' })).toContainText('Pas');
  await expect(page.getByTestId('queue-row-P').getByRole('cell').first()).toHaveText('1');

  await page.keyboard.press('n');
  await expect(page.getByTestId('current-number')).toHaveText('M001');
  await expect(page.getByTestId('id-check')).toContainText('IKKE at have sundhedskort eller bopælsattest med');
  await expect(page.getByTestId('waiting-ticket')).toHaveCount(2);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Kald næste' })).toHaveAttribute('aria-keyshortcuts', 'N');
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('counter') });

  // While a dialog is open its field takes the letters; closing it gives the keys back.
  await page.keyboard.press('t');
  await expect(page.getByRole('dialog', { name: 'Overfør billetten til en anden ydelse' })).toBeVisible();
  await page.keyboard.press('u');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('current-number')).toHaveText('M001');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Call next' })).toBeVisible();
  await expect(page.getByTestId('urgent-reason')).toHaveText('Urgent: hospital summons');

  // A session the host no longer knows (here: its cookie is gone) sends the clerk back to log in, saying why.
  await page.context().clearCookies();
  await page.keyboard.press('r');
  await expect(page.getByText('Your session has expired. Please log in again.')).toBeVisible();
  await expect(page.getByLabel('Username')).toBeVisible();
});

test('the display passes axe with a call on it; screenshot', async ({ browser, host }) => {
  const admin = await adminApi(browser, host.url);
  const counter = await counterId(admin, 'Skranke 2');
  expect((await admin.post(`/api/counters/${counter}/open`, { data: {} })).ok()).toBe(true);
  await issue(host.url, { serviceCode: 'M' });
  await issue(host.url, { serviceCode: 'P' });
  const { page: display } = await openDisplay(browser, host.url);
  await admin.post(`/api/counters/${counter}/call-next`, { data: {} });
  await expect(display.getByTestId('now-calling')).toContainText('M001');
  await expect(display.getByTestId('clock')).toHaveText(/^\s*\S+\s*\d\d:\d\d\s*$/);
  await expectAccessible(display);

  // Chromium keeps audio suspended until someone touches a page it has just loaded.
  await display.getByRole('button', { name: 'Klik for lyd / Click for sound' }).click();
  await expect(display.getByRole('button', { name: 'Klik for lyd / Click for sound' })).toHaveCount(0);
  await display.screenshot({ path: screenshotPath('display'), animations: 'disabled' });
});

test('the display forgets the calls at Copenhagen midnight, without a reload', async ({ browser, host }) => {
  const admin = await adminApi(browser, host.url);
  const counter = await counterId(admin, 'Skranke 1');
  expect((await admin.post(`/api/counters/${counter}/open`, { data: {} })).ok()).toBe(true);
  await issue(host.url, { serviceCode: 'M' });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const display = await context.newPage();
  await display.clock.install();
  await display.goto(`${host.url}/display`);
  await admin.post(`/api/counters/${counter}/call-next`, { data: {} });
  await expect(display.getByTestId('now-calling')).toContainText('M001');

  const pageNow = await display.evaluate(() => Date.now());
  await display.clock.fastForward(startOfOfficeDay(nextOfficeDay(officeDayOf(pageNow))) - pageNow - 2_000);
  await expect(display.getByTestId('now-calling')).toContainText('M001');
  await display.clock.fastForward(3_000);
  await expect(display.getByText('M001')).toHaveCount(0);
  await expect(display.getByRole('heading', { level: 1 })).toBeVisible();
  await context.close();
});
