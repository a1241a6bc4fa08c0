import type { Page } from '@playwright/test';
import type { AppointmentDayView } from '../../contract/appointments.js';
import { nextOfficeDay, officeDayOf } from '../../core/office-day.js';
import { ADMIN_PASSWORD, expect, expectAccessible, screenshotPath, test } from './fixtures.js';

/**
 * Booking at /manager#appointments against the real host. The bookings are for tomorrow, so no
 * slot is over while the test runs, whatever the hour; the live check-in uses today.
 */
test.use({ viewport: { width: 1280, height: 900 } });

const MINUTE = 60_000;
const tomorrow = () => nextOfficeDay(officeDayOf(Date.now()));

async function openAppointments(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/manager#appointments`);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Tidsbestilling', level: 2 })).toBeVisible();
}

/** The day as the host lists it, through the page's own session. */
async function dayList(page: Page, url: string, day: string): Promise<AppointmentDayView> {
  const response = await page.request.get(`${url}/api/appointments?day=${day}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as AppointmentDayView;
}

const slotRow = (page: Page, from: string) => page.getByTestId('slot').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${from}–`) }) });

test('book a slot, see the code large, move it, cancel one; the list shows what became of each', async ({ page, host }) => {
  await openAppointments(page, host.url);
  await page.getByRole('button', { name: 'Næste dag' }).click();
  const day = tomorrow();
  await expect(page.locator('input[name="day"]')).toHaveValue(day);
  await expect(page.getByRole('combobox', { name: /Ydelse/ })).toHaveValue('M');
  await expect(slotRow(page, '10:00')).toContainText('0 af 4 optaget');

  await slotRow(page, '10:00').getByRole('button', { name: 'Book kl. 10:00' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny booking' });
  await expect(dialog.getByLabel('Klokkeslæt')).toHaveValue('10:00');
  await dialog.getByLabel('Navn eller initialer (valgfrit)').fill('J.H.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Book tiden' }).click();
  await expect(dialog).toBeHidden();

  const shown = page.getByTestId('booked-code');
  await expect(page.getByRole('heading', { name: 'Booket – giv borgeren koden' })).toBeFocused();
  const [booked] = (await dayList(page, host.url, day)).appointments;
  expect(booked).toMatchObject({ serviceCode: 'M', name: 'J.H.', status: 'booked' });
  await expect(shown).toHaveText(`${booked!.code.slice(0, 3)} ${booked!.code.slice(3)}`);
  expect(await shown.evaluate((element) => Number.parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(32);
  await expect(slotRow(page, '10:00')).toContainText('1 af 4 optaget');
  await expect(slotRow(page, '10:00').getByTestId('booking')).toContainText('J.H.');
  await expect(page.getByTestId('count-booked')).toHaveText('1');
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('manager-appointments') });

  // Any minute can be booked: the form takes a time of its own.
  await page.getByRole('button', { name: 'Book et andet tidspunkt' }).click();
  await page.getByRole('dialog', { name: 'Ny booking' }).getByLabel('Ydelse').selectOption('P');
  await page.getByRole('dialog', { name: 'Ny booking' }).getByLabel('Klokkeslæt').fill('10:10');
  await page.getByRole('dialog', { name: 'Ny booking' }).getByRole('button', { name: 'Book tiden' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const second = (await dayList(page, host.url, day)).appointments.find((a) => a.serviceCode === 'P')!;
  await expect(page.getByTestId('booked-code')).toHaveText(`${second.code.slice(0, 3)} ${second.code.slice(3)}`);

  // Move the first to 11:30: the code stays.
  const code = `${booked!.code.slice(0, 3)} ${booked!.code.slice(3)}`;
  await page.getByRole('button', { name: `Flyt ${code}` }).click();
  const moving = page.getByRole('dialog', { name: `Flyt bookingen ${code}` });
  await moving.getByLabel('Klokkeslæt').fill('11:30');
  await moving.getByRole('button', { name: 'Flyt' }).click();
  await expect(moving).toBeHidden();
  await expect(slotRow(page, '11:30').getByTestId('booking')).toContainText(code);
  await expect(slotRow(page, '10:00')).toContainText('0 af 4 optaget');

  // Cancel it, after being asked.
  await page.getByRole('button', { name: `Aflys ${code}` }).click();
  const asking = page.getByRole('dialog', { name: 'Aflys bookingen?' });
  await expect(asking).toContainText('J.H.');
  await asking.getByRole('button', { name: 'Ja, aflys' }).click();
  await expect(asking).toBeHidden();
  await expect(slotRow(page, '11:30').getByTestId('booking')).toHaveAttribute('data-status', 'cancelled');
  await expect(slotRow(page, '11:30').getByTestId('booking')).toContainText('Aflyst');
  await expect(slotRow(page, '11:30')).toContainText('0 af 4 optaget');
  await expect(page.getByRole('button', { name: `Aflys ${code}` })).toHaveCount(0);
  expect((await dayList(page, host.url, day)).counts).toEqual({ booked: 1, checked_in: 0, cancelled: 1, no_show: 0 }); // the Pas booking stays

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Appointments', level: 2 })).toBeVisible();
  await expectAccessible(page);
});

test('a full slot cannot be booked, and the refusal is shown in the form', async ({ page, host }) => {
  await openAppointments(page, host.url);
  // The page's session, for the rules: one booking at a time.
  const rules = { slotMinutes: 15, capacityPerSlot: 1, earlyWindowMinutes: 10, lateGraceMinutes: 10, nameRetentionDays: 0 };
  expect((await page.request.put(`${host.url}/api/config/appointment-rules`, { data: rules })).status()).toBe(200);
  await page.reload();
  await page.getByRole('button', { name: 'Næste dag' }).click();
  await slotRow(page, '09:00').getByRole('button', { name: 'Book kl. 09:00' }).click();
  await page.getByRole('dialog', { name: 'Ny booking' }).getByRole('button', { name: 'Book tiden' }).click();
  await expect(slotRow(page, '09:00')).toContainText('1 af 1 optaget');
  await expect(slotRow(page, '09:00')).toContainText('Fuldt booket');

  // 09:10 overlaps the 09:00 booking.
  await page.getByRole('button', { name: 'Book et andet tidspunkt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny booking' });
  await dialog.getByLabel('Klokkeslæt').fill('09:10');
  await dialog.getByRole('button', { name: 'Book tiden' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Tiden er fuldt booket. Vælg en anden tid.');
  await expectAccessible(page);
});

test('import a CSV file from the booking system: codes for the new bookings, reasons for the rows skipped', async ({ page, host }) => {
  await openAppointments(page, host.url);
  const [y, m, d] = tomorrow().split('-');
  const csv = ['start;service;name;uid', `${d}-${m}-${y} 09:15;M;J.H.;bk-1`, `${d}.${m}.${y} kl. 9.30;Pas;;bk-2`, `${d}-${m}-${y} 25:99;M;;bk-3`].join('\n');
  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'bookinger.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Importér' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('2 bookinger importeret.');
  const imported = page.getByRole('table', { name: 'Nye bookinger og deres koder' });
  await expect(imported.locator('tbody tr')).toHaveCount(2);
  const skipped = page.getByRole('table', { name: 'Sprunget over' });
  await expect(skipped.locator('tbody tr')).toHaveText(['4Starttiden kan ikke læses']);
  const listed = await dayList(page, host.url, tomorrow());
  for (const booking of listed.appointments) await expect(imported).toContainText(`${booking.code.slice(0, 3)} ${booking.code.slice(3)}`);
  await expectAccessible(page);

  // The same file again adds nothing.
  await page.getByRole('button', { name: 'Importér' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('0 bookinger importeret.');
  await expect(skipped.locator('tbody tr')).toHaveCount(3);
});

test('a check-in at the kiosk shows in the list without a reload', async ({ page, host }) => {
  await openAppointments(page, host.url);
  const start = Math.floor(Date.now() / MINUTE) * MINUTE + 2 * MINUTE;
  const booking = await page.request.post(`${host.url}/api/appointments`, { data: { serviceCode: 'M', start: new Date(start).toISOString() } });
  expect(booking.status()).toBe(201);
  const { code } = (await booking.json()) as { code: string };
  const item = page.getByTestId('booking').filter({ hasText: `${code.slice(0, 3)} ${code.slice(3)}` });
  await expect(item).toContainText('Booket');

  // The host's own PC is the office's kiosk.
  const checkIn = await fetch(`${host.url}/api/appointments/check-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  expect(checkIn.status).toBe(201);
  await expect(item).toContainText('Tjekket ind, til tiden');
  await expect(page.getByTestId('count-checked_in')).toHaveText('1');
});

test('a clerk books at the desk: only the bookings are offered, figures and settings stay closed', async ({ page, host }) => {
  const password = 'clerk-password-1';
  const admin = await page.request.post(`${host.url}/api/auth/login`, { data: { username: 'admin', password: ADMIN_PASSWORD } });
  expect(admin.status()).toBe(200);
  expect((await page.request.post(`${host.url}/api/staff`, { data: { username: 'clara', displayName: 'Clara', password, role: 'clerk' } })).status()).toBe(201);
  expect((await page.request.post(`${host.url}/api/auth/logout`, { data: {} })).status()).toBeLessThan(300);

  await page.goto(`${host.url}/manager#statistics`);
  await page.getByLabel('Brugernavn').fill('clara');
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Tidsbestilling', level: 2 })).toBeVisible();
  const sections = page.getByRole('navigation', { name: 'Afsnit' }).getByRole('link');
  await expect(sections).toHaveText(['Tidsbestilling']);
  await expect(page.getByRole('heading', { name: 'Statistik' })).toHaveCount(0);
  await expectAccessible(page);
});
