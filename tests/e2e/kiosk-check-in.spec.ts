import type { Page } from '@playwright/test';
import { makeMrz, shiftIsoDate } from '../support/mrz-generator.js';
import { ADMIN_PASSWORD, expect, expectAccessible, screenshotPath, test } from './fixtures.js';

/**
 * A booked citizen at /kiosk, portrait 1080p, against the real host with the simulated document
 * reader. Bookings are made through the API as the admin, around the real clock (the host runs
 * in its own process): with the rules below a slot 2 minutes ahead is "on time" for the next
 * 10 minutes, one 15 minutes ahead is "early" for 5, and one that started 12 minutes ago is
 * "late"; so none of the outcomes depends on how fast the machine runs the test. (Near
 * Copenhagen midnight a slot would fall on another day; the office is closed then.)
 */
test.use({ hostEnv: { SCANNER: 'simulator' }, viewport: { width: 1080, height: 1920 } });

const MINUTE = 60_000;
const RULES = { slotMinutes: 30, capacityPerSlot: null, earlyWindowMinutes: 10, lateGraceMinutes: 10, nameRetentionDays: 0 };
const today = new Date().toISOString().slice(0, 10);
const danishPassport = { issuingState: 'DNK', surname: 'MADSEN', birthDate: shiftIsoDate(today, { years: -35 }), expiryDate: shiftIsoDate(today, { years: 3 }) };

/** `HH:MM` on the Copenhagen clock, as the kiosk shows times. */
const clock = (ms: number) =>
  new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms).replace('.', ':');

interface Booking {
  id: number;
  code: string;
  start: string;
}

/** The office manager's side, through the API. */
async function office(url: string) {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const call = async (method: string, route: string, body?: unknown) => {
    const headers: Record<string, string> = body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' };
    const response = await fetch(url + route, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };
  expect((await call('PUT', '/api/config/appointment-rules', RULES)).status).toBe(200);
  return {
    /** Books `serviceCode` at the whole minute `minutesFromNow` away. */
    book: async (serviceCode: string, minutesFromNow: number): Promise<Booking> => {
      const start = Math.floor(Date.now() / MINUTE) * MINUTE + minutesFromNow * MINUTE;
      const response = await call('POST', '/api/appointments', { serviceCode, start: new Date(start).toISOString() });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body;
    },
    cancel: async (id: number) => expect((await call('DELETE', `/api/appointments/${id}`, {})).status).toBe(200),
    ticket: async (id: number) => (await call('GET', `/api/tickets/${id}`)).body,
  };
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function typeOnKeypad(page: Page, code: string): Promise<void> {
  const keypad = page.getByRole('group', { name: /Tastatur|Keypad/ });
  for (const char of code) await keypad.getByRole('button', { name: char, exact: true }).click();
}

/**
 * Types `text` as a barcode reader in keyboard-wedge mode would: a key every 2 ms, dispatched
 * inside the page in one go at the focused element. Typing through the browser protocol cannot
 * promise reader speed on a loaded machine, and neither can a loop in the page (the OS may pause
 * it), so each key carries the time a reader would have typed it. Returns, per Enter, whether
 * the page kept it from pressing the focused button.
 */
async function wedge(page: Page, text: string): Promise<boolean[]> {
  return page.evaluate((keys) => {
    interface Target { dispatchEvent(event: unknown): boolean }
    const { document, KeyboardEvent, performance } = globalThis as unknown as {
      document: { activeElement: Target | null; body: Target };
      KeyboardEvent: new (type: string, init: { key: string; bubbles: boolean; cancelable: boolean }) => object;
      performance: { now(): number };
    };
    const target = document.activeElement ?? document.body;
    const start = performance.now();
    const swallowed: boolean[] = [];
    [...keys].forEach((ch, i) => {
      const key = ch === '\n' ? 'Enter' : ch;
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: start + 2 * i });
      const notPrevented = target.dispatchEvent(event);
      if (key === 'Enter') swallowed.push(!notPrevented);
    });
    return swallowed;
  }, text);
}

async function readerReady(page: Page): Promise<void> {
  await expect(page.locator('[data-scanner]')).toHaveAttribute('data-scanner', 'connected');
}

test('on time, with the keypad: the code screen, then a ticket with the booked time', async ({ page, host }) => {
  const { book, ticket } = await office(host.url);
  const booking = await book('P', 2);
  await page.goto(`${host.url}/kiosk`);
  await expect(page.getByRole('heading', { name: 'Har du bestilt en tid?' })).toBeVisible();
  await button(page, 'Jeg har en tid').click();

  await expect(page.getByRole('heading', { name: 'Skriv koden fra din tidsbestilling' })).toBeVisible();
  const field = page.getByLabel('Kode', { exact: true });
  await expect(field).toHaveAttribute('readonly', '');
  // Only the code alphabet is on the keypad: no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
  const keypad = page.getByRole('group', { name: 'Tastatur til koden' });
  await expect(keypad.getByRole('button')).toHaveCount(26);
  for (const absent of ['0', 'O', '1', 'I', 'L', '5', 'S', '2', 'Z', '8', 'B']) await expect(keypad.getByRole('button', { name: absent, exact: true })).toHaveCount(0);
  const keyBox = await keypad.getByRole('button', { name: 'K', exact: true }).boundingBox();
  expect(Math.min(keyBox!.width, keyBox!.height)).toBeGreaterThanOrEqual(64);

  await typeOnKeypad(page, `${booking.code.slice(0, 4)}Y`);
  await button(page, 'Slet det sidste tegn').click();
  await typeOnKeypad(page, booking.code.slice(4));
  await expect(field).toHaveValue(`${booking.code.slice(0, 3)} ${booking.code.slice(3)}`);
  await expect(page.getByText('6 af 6 tegn')).toBeVisible();
  await expect(button(page, 'Spørg personalet')).toBeVisible();
  await expect(button(page, 'Tilbage')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-check-in-code') });

  const checkedIn = page.waitForResponse((r) => r.url().endsWith('/api/appointments/check-in'));
  await button(page, 'Tjek ind').click();
  const answer = await (await checkedIn).json();
  await expect(page.getByTestId('ticket-number')).toHaveText('P001');
  await expect(page.getByTestId('ticket-appointment')).toHaveText(`Din tid er kl. ${clock(Date.parse(booking.start))}.`);
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-check-in-ticket') });
  expect(answer.arrival).toBe('on_time');
  expect(await ticket(answer.ticket.id)).toMatchObject({ number: 'P001', priority: 'appointment', status: 'waiting', idCheckId: null });
});

test('early, scanned as a barcode on the start screen; MitID goes through the same ID step as a walk-in', async ({ page, host }) => {
  const { book, ticket } = await office(host.url);
  const booking = await book('M', 15);
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'English').click();
  await expect(page.getByRole('heading', { name: 'Do you have an appointment?' })).toBeVisible();
  await expectAccessible(page);

  // The reader's Enter must not press the focused button (here: the service MitID).
  await button(page, 'MitID').focus();
  expect(await wedge(page, `${booking.code.toLowerCase()}\n`)).toEqual([true]);
  await expect(page.getByTestId('booking-found')).toHaveText(`We found your appointment: MitID at ${clock(Date.parse(booking.start))}.`);
  await expect(page.getByRole('heading', { name: 'Scan your passport or ID card' })).toBeVisible();
  await readerReady(page);
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-check-in-id-step') });

  const scan = await fetch(`${host.url}/api/dev/scans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mrz: makeMrz(danishPassport) }) });
  expect(scan.status).toBe(202);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'accepted');
  const checkedIn = page.waitForResponse((r) => r.url().endsWith('/api/appointments/check-in'));
  await button(page, 'Continue').click();
  const answer = await (await checkedIn).json();

  // No hospital-letter question: the booking is why the citizen came.
  await expect(page.getByTestId('ticket-number')).toHaveText('M001');
  const callableAt = Date.parse(booking.start) - 10 * MINUTE;
  await expect(page.getByTestId('ticket-appointment')).toHaveText(`Your appointment is at ${clock(Date.parse(booking.start))}. You will be called from ${clock(callableAt)}.`);
  await expectAccessible(page);
  expect(answer).toMatchObject({ arrival: 'early', callableAt: new Date(callableAt).toISOString() });
  expect(await ticket(answer.ticket.id)).toMatchObject({ priority: 'appointment', idCheckId: expect.any(Number), manualIdCheck: false });
  await expect(page.locator('body')).not.toContainText('MADSEN');
});

test('late beyond the grace period: an ordinary ticket, and the citizen is told so', async ({ page, host }) => {
  const { book, ticket } = await office(host.url);
  const booking = await book('K', -12);
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'Jeg har en tid').click();
  await expect(page.getByRole('heading', { name: 'Skriv koden fra din tidsbestilling' })).toBeVisible();
  // Typed by the barcode reader on the code screen, with the focus on a keypad key.
  await page.getByRole('group', { name: 'Tastatur til koden' }).getByRole('button', { name: 'A', exact: true }).focus();
  const checkedIn = page.waitForResponse((r) => r.url().endsWith('/api/appointments/check-in'));
  expect(await wedge(page, `${booking.code}\n`)).toEqual([true]);
  const answer = await (await checkedIn).json();

  await expect(page.getByTestId('ticket-number')).toHaveText('K001');
  const slot = clock(Date.parse(booking.start));
  await expect(page.getByTestId('ticket-appointment')).toHaveText(
    `Din tid var kl. ${slot}, og den tid er gået. Derfor har du fået et almindeligt nummer og venter sammen med dem, der ikke har bestilt tid.`,
  );
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-check-in-late') });
  expect(answer.arrival).toBe('late');
  expect(await ticket(answer.ticket.id)).toMatchObject({ priority: 'normal' });

  await button(page, 'English').click();
  await expect(page.getByTestId('ticket-appointment')).toContainText('So this is an ordinary queue ticket');
  await expectAccessible(page);
});

test('an unknown, a cancelled and a used code: what went wrong, and ways on', async ({ page, host }) => {
  const { book, cancel } = await office(host.url);
  const cancelled = await book('A', 5);
  await cancel(cancelled.id);
  const used = await book('A', 5);
  const unknown = ['ACDEFG', 'ACDEFH'].find((c) => c !== cancelled.code && c !== used.code)!;

  await page.goto(`${host.url}/kiosk`);
  await button(page, 'Jeg har en tid').click();
  await typeOnKeypad(page, unknown);
  await button(page, 'Tjek ind').click();
  await expect(page.getByRole('heading', { name: 'Vi kunne ikke tjekke dig ind' })).toBeFocused();
  await expect(page.getByText(`Vi kan ikke finde en tid med koden ${unknown.slice(0, 3)} ${unknown.slice(3)}.`)).toBeVisible();
  await expect(button(page, 'Spørg personalet')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-check-in-unknown') });

  // Correcting keeps the code to fix one character.
  await button(page, 'Ret koden').click();
  await expect(page.getByLabel('Kode', { exact: true })).toHaveValue(`${unknown.slice(0, 3)} ${unknown.slice(3)}`);
  for (let i = 0; i < 6; i++) await button(page, 'Slet det sidste tegn').click();
  await typeOnKeypad(page, cancelled.code);
  await button(page, 'Tjek ind').click();
  await expect(page.locator('[data-refusal]')).toHaveAttribute('data-refusal', 'cancelled');
  await expect(page.getByText('Tiden med denne kode er aflyst.')).toBeVisible();

  await button(page, 'English').click();
  await expect(page.getByText('The appointment with this code was cancelled.')).toBeVisible();
  await expectAccessible(page);
  await button(page, 'Enter another code').click();
  await expect(page.getByLabel('Code', { exact: true })).toHaveValue('');

  // A code used by another kiosk (or the same citizen twice).
  const first = await fetch(`${host.url}/api/appointments/check-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: used.code }) });
  expect(first.status).toBe(201);
  await typeOnKeypad(page, used.code);
  await button(page, 'Check in').click();
  await expect(page.getByText('This code has already been used to check in.')).toBeVisible();

  // "Ask the staff" on this screen too, then a ticket without the booking.
  await button(page, 'Ask the staff').click();
  const staffDialog = page.getByRole('dialog', { name: 'Ask the staff' });
  await expect(staffDialog).toContainText('Go to the counter and we will help you.');
  await staffDialog.getByRole('button', { name: 'OK' }).click();
  await button(page, 'Take a ticket without an appointment').click();
  await expect(page.getByRole('heading', { name: 'What do you need help with?' })).toBeVisible();
});

test('a citizen who walks away from the code screen: the screen starts over in Danish, the code gone', async ({ page, host }) => {
  await page.clock.install();
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'English').click();
  await button(page, 'I have an appointment').click();
  await typeOnKeypad(page, 'K4P');
  await expect(page.getByLabel('Code', { exact: true })).toHaveValue('K4P');

  await page.clock.fastForward(61_000);
  await expect(page.getByRole('dialog', { name: 'Are you still there?' })).toBeVisible();
  await page.clock.fastForward(20_000);
  await expect(page.getByRole('heading', { name: 'Hvad skal du have hjælp til?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await button(page, 'Jeg har en tid').click();
  await expect(page.getByLabel('Kode', { exact: true })).toHaveValue('');
});

test('at 200 % zoom (540 × 960 CSS px) the keypad fits without sideways scrolling', async ({ browser, host }) => {
  const context = await browser.newContext({ viewport: { width: 540, height: 960 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'Jeg har en tid').click();
  const keypad = page.getByRole('group', { name: 'Tastatur til koden' });
  for (const name of ['3', 'Y', 'Slet det sidste tegn']) {
    const key = keypad.getByRole('button', { name, exact: true });
    await key.scrollIntoViewIfNeeded();
    await expect(key).toBeInViewport({ ratio: 0.99 });
    const box = await key.boundingBox();
    expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(64);
  }
  const fits = await page.evaluate(() => {
    const { documentElement } = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return documentElement.scrollWidth <= documentElement.clientWidth;
  });
  expect(fits).toBe(true);
  await context.close();
});
