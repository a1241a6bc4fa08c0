import path from 'node:path';
import { DEFAULT_QUEUE_POLICY } from '../../core/queue-policy.js';
import { steadyRate } from '../../core/planning/arrivals.js';
import { officeDayOf, startOfOfficeDay } from '../../core/office-day.js';
import { fillPlanningHistory } from '../support/planning-history.js';
import { ADMIN_PASSWORD, expect, expectAccessible, screenshotPath, test } from './fixtures.js';

/** Ten weeks of Mondays: 09:00–15:00, 30 MitID citizens an hour, 6 minutes each, four counters. */
const KNOWN = {
  openMinute: 540,
  closeMinute: 900,
  services: [{ code: 'M', slaMinutes: 20, arrivals: { kind: 'poisson' as const, perQuarter: steadyRate(30) }, serviceTime: { kind: 'exponential' as const, meanMinutes: 6 } }],
  counters: [{ fromMinute: 540, toMinute: 900, count: 4, serviceCodes: ['M'] }],
  policy: DEFAULT_QUEUE_POLICY,
};

function addDaysToOfficeDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

test('the planner forecasts Mondays, recommends counters, predicts the waits of an edited plan and tells its accuracy', async ({ browser, host }) => {
  const today = officeDayOf(Date.now());
  fillPlanningHistory(path.join(host.dataDir, 'office.sqlite'), { from: addDaysToOfficeDay(today, -70), to: addDaysToOfficeDay(today, -1), weekday: 1, scenario: KNOWN, seed: 3 });

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${host.url}/manager#planning`);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Planlægning');

  await page.getByLabel('Ugedag').selectOption({ label: 'Mandag' });
  await page.getByLabel('Mål: 90 % kaldt inden (minutter)').fill('5');
  await page.getByRole('button', { name: 'Beregn plan' }).click();

  const forecast = page.getByTestId('forecast-chart');
  await expect(forecast.getByRole('img', { name: 'Prognose: ankomster og anbefalede skranker pr. time' })).toBeVisible();
  await forecast.getByText('Vis tallene som tabel').click();
  const rows = forecast.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(rows.first().locator('th')).toHaveText('09:00');

  // The recommendation is in the editable plan; one counter fewer at 11 makes that hour's wait longer.
  const at11 = page.getByLabel('Skranker kl. 11:00');
  const recommended = Number(await at11.inputValue());
  expect(recommended).toBeGreaterThanOrEqual(4);
  const p90Before = await page.getByTestId('plan-figures').locator('dd').first().textContent();
  await at11.fill(String(recommended - 2));
  await page.getByRole('button', { name: 'Beregn ventetid for planen' }).click();
  await expect(page.getByTestId('plan-figures').locator('dd').first()).not.toHaveText(p90Before!);
  await expect(page.getByTestId('wait-chart').getByRole('img', { name: 'Forventet ventetid pr. time (minutter)' })).toBeVisible();

  await expect(page.getByTestId('accuracy')).toContainText('De sidste 8 dage genberegnet');

  // A coming Monday with ten bookings from 10:00: its 10 o'clock hour expects more citizens than a plain Monday.
  const arrivalsAt10 = async () => {
    const table = forecast.getByRole('table');
    if (!(await table.isVisible())) await forecast.getByText('Vis tallene som tabel').click();
    return Number((await table.locator('tbody tr', { has: page.locator('th', { hasText: '10:00' }) }).locator('td').first().textContent())!.replace(',', '.'));
  };
  const plainMonday = await arrivalsAt10();
  const weekdayOfToday = new Date(`${today}T12:00:00Z`).getUTCDay() || 7;
  const comingMonday = addDaysToOfficeDay(today, 8 - weekdayOfToday);
  for (let i = 0; i < 10; i++) {
    const start = new Date(startOfOfficeDay(comingMonday) + 10 * 3_600_000 + i * 15 * 60_000).toISOString();
    expect((await page.request.post(`${host.url}/api/appointments`, { data: { serviceCode: 'M', start } })).status()).toBe(201);
  }
  await page.getByLabel('Eller en dato').fill(comingMonday);
  await expect(page.getByLabel('Ugedag')).toBeDisabled();
  await page.getByRole('button', { name: 'Beregn plan' }).click();
  await expect.poll(arrivalsAt10).toBeGreaterThan(plainMonday + 2);

  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('manager-planning'), fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Planning');
  await expect(page.getByTestId('accuracy')).toContainText('The last 8 days recalculated');
  await expectAccessible(page);
});
