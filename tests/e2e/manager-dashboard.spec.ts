import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import type { CounterView } from '../../contract/counters.js';
import type { TicketView } from '../../contract/tickets.js';
import { officeDayOf } from '../../core/office-day.js';
import { makeMrz } from '../support/mrz-generator.js';
import { ADMIN_PASSWORD, expect, expectAccessible, screenshotPath, test } from './fixtures.js';

/** The dashboard re-reads at most every 2 s after an event; a change must show well within this. */
const LIVE_UPDATE_MS = 10_000;

// axe over a page of a dozen tables and two charts takes half a minute on a loaded 2-core machine
// (measured: 26 s at load 20); the time limit, not the assertions, is what such a machine would break.
test.describe.configure({ timeout: 300_000 });

/** The host's own PC counts as the office's kiosk, so tickets and ID checks are posted as a kiosk would. */
async function kioskPost<T>(hostUrl: string, route: string, body: Record<string, unknown>, status: number): Promise<T> {
  const response = await fetch(`${hostUrl}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(status);
  return (await response.json()) as T;
}

const issue = (hostUrl: string, body: Record<string, unknown>) => kioskPost<TicketView>(hostUrl, '/api/tickets', body, 201);

async function adminApi(browser: Browser, hostUrl: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL: hostUrl });
  expect((await context.request.post('/api/auth/login', { data: { username: 'admin', password: ADMIN_PASSWORD } })).status()).toBe(200);
  return context.request;
}

async function ok(response: Promise<{ ok(): boolean; status(): number; text(): Promise<string> }>): Promise<void> {
  const r = await response;
  expect(r.ok(), `${r.status()} ${await r.text()}`).toBe(true);
}

/** A clerk's whole visit at the desk, through the API: call the next citizen, serve, finish. */
async function serveNext(admin: APIRequestContext, counterId: number, expectedNumber: string): Promise<void> {
  const called = await admin.post(`/api/counters/${counterId}/call-next`, { data: {} });
  expect(called.status()).toBe(200);
  const ticket = (await called.json()) as TicketView;
  expect(ticket.number).toBe(expectedNumber);
  await ok(admin.post(`/api/tickets/${ticket.id}/start`, { data: {} }));
  await ok(admin.post(`/api/tickets/${ticket.id}/finish`, { data: { outcome: 'mitid_issued' } }));
}

async function counterNamed(admin: APIRequestContext, name: string): Promise<number> {
  const counters = (await (await admin.get('/api/counters')).json()) as CounterView[];
  return counters.find((c) => c.name === name)!.id;
}

/** The manager's browser, logged in; `watch` sees the page before anything loads. */
async function openManager(browser: Browser, hostUrl: string, hash = '', watch: (page: Page) => void = () => {}): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  watch(page);
  await page.goto(`${hostUrl}/manager${hash}`);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  return page;
}

/** Minutes as the Danish page writes them: one decimal, decimal comma. */
const danishMinutes = (minutes: number) => `${minutes.toFixed(1).replace('.', ',')} min`;

async function sumOfColumn(table: Locator, column: number): Promise<number> {
  const cells = await table.locator('tbody tr').locator(`td:nth-of-type(${column})`).allTextContents();
  return cells.reduce((sum, text) => sum + Number(text), 0);
}

test('the dashboard shows the day as seeded, follows it live, and passes axe in Danish and English', async ({ browser, host }) => {
  const admin = await adminApi(browser, host.url);
  await kioskPost(host.url, '/api/id-checks', { mrz: makeMrz({ issuingState: 'DNK', birthDate: '1980-05-05', expiryDate: '2031-01-01' }) }, 200);
  await kioskPost(host.url, '/api/id-checks', { mrz: 'HELLO\nWORLD' }, 200);
  await issue(host.url, { serviceCode: 'M' });
  await issue(host.url, { serviceCode: 'M', urgent: { reason: 'hospital_summons' } });
  await issue(host.url, { serviceCode: 'P' });
  await issue(host.url, { serviceCode: 'K' });
  const counter = await counterNamed(admin, 'Skranke 1');
  await ok(admin.post(`/api/counters/${counter}/open`, { data: {} }));
  await serveNext(admin, counter, 'M002'); // urgent first
  await serveNext(admin, counter, 'M001');

  const streams: string[] = [];
  const page = await openManager(browser, host.url, '', (p) =>
    p.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/events') streams.push(request.url());
    }),
  );
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Overblik i dag');
  await expect(page.getByTestId('figure-waiting')).toHaveText('2');
  await expect(page.getByTestId('figure-served')).toHaveText('2');
  await expect(page.getByTestId('figure-urgent')).toHaveText('1');
  await expect(page.getByTestId('figure-open-counters')).toHaveText('1 af 4');
  await expect(page.getByTestId('figure-id-checks')).toHaveText('2');
  await expect(page.getByTestId('queue-row-P').getByRole('cell').first()).toHaveText('1');
  await expect(page.getByTestId('queue-row-M').getByRole('cell').first()).toHaveText('0');
  const verdicts = page.getByTestId('today-id-checks');
  await expect(verdicts.getByRole('row', { name: /ID-tjek godkendt/ }).getByRole('cell')).toHaveText('1');
  await expect(verdicts.getByRole('row', { name: /ID-tjek afvist/ }).getByRole('cell')).toHaveText('1');
  await expect(page.getByTestId('today-urgent').getByRole('row', { name: /hospital/ }).getByRole('cell')).toHaveText('1');

  // Median and 90th percentile are the host's own figures of today, as the statistics give them.
  const today = officeDayOf(Date.now());
  const summary = (await (await admin.get(`/api/stats?from=${today}&to=${today}`)).json()).summary;
  expect(summary.waitMinutes.count).toBe(2);
  await expect(page.getByTestId('figure-median-wait')).toHaveText(danishMinutes(summary.waitMinutes.median));
  await expect(page.getByTestId('figure-p90-wait')).toHaveText(danishMinutes(summary.waitMinutes.p90));

  // The charts' tables carry the same numbers as the charts: 4 arrivals and 2 served today, 2 waits.
  const arrivals = page.getByTestId('chart-arrivals');
  await expect(arrivals.getByRole('img', { name: 'Ankomne og betjente pr. time i dag' })).toBeVisible();
  await arrivals.getByText('Vis tallene som tabel').click();
  const arrivalsTable = arrivals.getByRole('table', { name: 'Ankomne og betjente pr. time i dag' });
  await expect(arrivalsTable).toBeVisible();
  expect(await sumOfColumn(arrivalsTable, 1)).toBe(4);
  expect(await sumOfColumn(arrivalsTable, 2)).toBe(2);
  // By keyboard: the table toggle is an ordinary disclosure.
  const waits = page.getByTestId('chart-waits');
  await waits.getByText('Vis tallene som tabel').focus();
  await page.keyboard.press('Enter');
  expect(await sumOfColumn(waits.getByRole('table'), 1)).toBe(2);

  // The longest wait ticks on its own, between re-reads.
  const longest = page.getByTestId('figure-longest-wait');
  const before = await longest.textContent();
  await expect.poll(() => longest.textContent(), { timeout: LIVE_UPDATE_MS }).not.toBe(before);
  await expect(page.getByTestId('updated-at')).toHaveText(/^Live\s+Opdateret \d\d:\d\d:\d\d$/);

  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('manager-dashboard'), fullPage: true });

  // A citizen takes a ticket: "waiting now" follows without a reload.
  await issue(host.url, { serviceCode: 'P' });
  await expect(page.getByTestId('figure-waiting')).toHaveText('3', { timeout: LIVE_UPDATE_MS });
  await expect(page.getByTestId('queue-row-P').getByRole('cell').first()).toHaveText('2', { timeout: LIVE_UPDATE_MS });
  // And a counter closing shows too.
  await ok(admin.post(`/api/counters/${counter}/close`, { data: {} }));
  await expect(page.getByTestId('figure-open-counters')).toHaveText('0 af 4', { timeout: LIVE_UPDATE_MS });

  // One stream all along: the page follows it, it does not keep reopening it.
  expect(streams).toHaveLength(1);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Today at a glance');
  await expect(page.getByTestId('figure-open-counters')).toHaveText('0 of 4');
  await expect(page.getByTestId('chart-arrivals').getByRole('table', { name: 'Arrivals and served per hour today' })).toBeVisible();
  await expectAccessible(page);
});

/** Today: M001 served at Skranke 2, P001 still waiting. */
async function seedMorning(browser: Browser, hostUrl: string): Promise<void> {
  const admin = await adminApi(browser, hostUrl);
  await issue(hostUrl, { serviceCode: 'M' });
  await issue(hostUrl, { serviceCode: 'P' });
  const counter = await counterNamed(admin, 'Skranke 2');
  await ok(admin.post(`/api/counters/${counter}/open`, { data: {} }));
  await serveNext(admin, counter, 'M001');
}

const danishDay = (day: string) =>
  new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(Date.parse(`${day}T00:00:00Z`));
const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

test('the statistics page shows the chosen range by any grouping, and the rhythm of the day', async ({ browser, host }) => {
  await seedMorning(browser, host.url);
  const page = await openManager(browser, host.url, '#statistics');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Statistik');
  const today = officeDayOf(Date.now());
  const weekAgo = daysBefore(today, 6);

  // Last 7 days by day, at first.
  await expect(page.getByLabel('Fra og med')).toHaveValue(weekAgo);
  await expect(page.getByRole('button', { name: 'Seneste 7 dage' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('report-range')).toHaveText(`Viser: ${danishDay(weekAgo)} – ${danishDay(today)} · Opdel efter: Dag`);
  await expect(page.getByTestId('table-tickets').getByRole('row')).toHaveCount(1 + 7 + 1);
  const total = page.getByTestId('table-tickets').getByRole('row', { name: /I alt/ });
  await expect(total.getByRole('cell')).toHaveText(['2', '1', '0', '0', '0', '0', '1', '0']);

  await page.getByRole('button', { name: 'I dag' }).click();
  await expect(page.getByTestId('report-range')).toHaveText(`Viser: ${danishDay(today)} · Opdel efter: Dag`);
  await page.getByLabel('Opdel efter').selectOption({ label: 'Ydelse' });
  await expect(page.getByTestId('report-range')).toContainText('Opdel efter: Ydelse');
  await expect(page.getByTestId('table-tickets').getByRole('rowheader')).toHaveText(['MitID', 'Pas', 'I alt']);
  // Counter time cannot be split by service: only the total, and the table says why.
  await expect(page.getByTestId('table-capacity').getByRole('rowheader')).toHaveText(['I alt']);
  await expect(page.getByTestId('table-capacity')).toContainText('kun tallet for hele perioden');

  // 15-minute periods of the day.
  await page.getByLabel('Periodelængde').selectOption({ label: '15 minutter' });
  const rhythm = page.getByTestId('statistics-chart-arrivals');
  await rhythm.getByText('Vis tallene som tabel').click();
  await expect(rhythm.getByRole('rowheader').first()).toHaveText(/^\d\d:(00|15|30|45)–\d\d:(00|15|30|45)$/);
  expect(await sumOfColumn(rhythm.getByRole('table'), 1)).toBe(2);

  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('manager-statistics'), fullPage: true });
});

test('the statistics page downloads CSV and Excel of the range, checks the dates, and shows the host’s refusal', async ({ browser, host }) => {
  await seedMorning(browser, host.url);
  const page = await openManager(browser, host.url, '#statistics');
  const today = officeDayOf(Date.now());
  await page.getByRole('button', { name: 'I dag' }).click();
  await expect(page.getByTestId('report-range')).toHaveText(`Viser: ${danishDay(today)} · Opdel efter: Dag`);

  // The downloads are the host's files of the range on screen.
  const csvLink = page.getByRole('link', { name: 'Hent CSV' });
  await expect(csvLink).toHaveAttribute('href', `/api/stats/export.csv?from=${today}&to=${today}`);
  const download = page.waitForEvent('download');
  await csvLink.click();
  expect((await download).suggestedFilename()).toBe(`statistik-${today}-${today}.csv`);
  const csv = await page.request.get(`${host.url}${await csvLink.getAttribute('href')}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect((await csv.text()).split('\r\n').filter((line) => /^[MP]001,/.test(line))).toHaveLength(2);
  const xlsxLink = page.getByRole('link', { name: 'Hent Excel-projektmappe' });
  await expect(xlsxLink).toHaveAttribute('href', `/api/stats/export.xlsx?from=${today}&to=${today}&lang=da`);
  const xlsx = await page.request.get(`${host.url}${await xlsxLink.getAttribute('href')}`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

  // "To" before "from": said at once, nothing asked of the host, nothing to download.
  await page.getByLabel('Til og med').fill(daysBefore(today, 6));
  await expect(page.getByRole('alert')).toHaveText('"Til og med" ligger før "Fra og med". Vælg en slutdato på eller efter startdatoen.');
  await expect(page.getByLabel('Til og med')).toHaveAttribute('aria-invalid', 'true');
  await expect(csvLink).toHaveCount(0);
  await expectAccessible(page);

  // Past 400 days the host refuses, and its reason is shown.
  await page.getByLabel('Fra og med').fill('2020-01-01');
  await page.getByLabel('Til og med').fill(today);
  await expect(page.getByTestId('report-status')).toHaveText('Serveren afviste forespørgslen: A range may span at most 400 days.');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'This month' }).click();
  await page.getByLabel('Group by').selectOption({ label: 'Service' });
  await expect(page.getByTestId('report-range')).toContainText('Group by: Service');
  await expect(page.getByTestId('table-tickets').getByRole('rowheader')).toHaveText(['MitID', 'Passport', 'Total']);
  await expect(page.getByRole('link', { name: 'Download Excel workbook' })).toHaveAttribute('href', /lang=en$/);
  await expectAccessible(page);
});
