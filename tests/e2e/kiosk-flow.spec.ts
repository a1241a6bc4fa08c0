import { makeMrz, shiftIsoDate } from '../support/mrz-generator.js';
import { expect, expectAccessible, screenshotPath, test } from './fixtures.js';
import { adult, validUntil, danishPassport, swedishIdCard, readerReady, hostScan, installShell, shellFake, shellScan, nextIssuedTicket, switchTo, expectWayToStaff, button, today } from './kiosk-support.js';

/** A citizen's walk at /kiosk, portrait 1080p, against the real host with the simulated reader: every verdict path. */
test.use({ hostEnv: { SCANNER: 'simulator' }, viewport: { width: 1080, height: 1920 } });

// axe takes seconds per run on the build machines, so each test checks its steps in one language
// and the tests together cover every step in Danish and in English.
test('the start screen and the ID step: big buttons, a picture of how to scan, a way to the staff', async ({ page, host }) => {
  await page.goto(`${host.url}/kiosk`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Velkommen til Borgerservice');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expectWayToStaff(page);
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-start') });

  await button(page, 'MitID').click();
  await expect(page.getByRole('heading', { name: 'Scan dit pas eller ID-kort' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Tegning: et åbent pas ligger med billedsiden nedad/ })).toBeVisible();
  await readerReady(page);
  await expectWayToStaff(page);
  await expect(button(page, 'Tilbage')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-id-step') });

  await page.getByRole('button', { name: 'Spørg personalet' }).click();
  const staffDialog = page.getByRole('dialog', { name: 'Spørg personalet' });
  await expect(staffDialog).toContainText('Gå hen til skranken, så hjælper vi dig.');
  await staffDialog.getByRole('button', { name: 'OK' }).click();
  await expect(staffDialog).toBeHidden();
});

test('an accepted passport and a hospital letter: an urgent ticket, printed by the shell', async ({ page, host }) => {
  await installShell(page, { ok: true });
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'MitID').click();
  await readerReady(page);
  await hostScan(host.url, makeMrz(danishPassport));
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'accepted');
  await expect(verdict).toContainText('Dit pas er nok til MitID.');
  await expect(page.locator('body')).not.toContainText('MADSEN');
  await expectWayToStaff(page);
  await switchTo(page, 'English');
  await expect(verdict).toContainText('Your passport is enough for MitID.');
  await expectAccessible(page);
  await switchTo(page, 'Dansk');
  await page.screenshot({ path: screenshotPath('kiosk-verdict-accepted') });

  await button(page, 'Fortsæt').click();
  await expect(page.getByRole('heading', { name: 'Har du fået et brev fra et sygehus i Digital Post, som du skal læse i dag?' })).toBeVisible();
  await expectWayToStaff(page);
  await expect(button(page, 'Tilbage')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-urgent') });

  const issued = nextIssuedTicket(page);
  await button(page, 'Ja').click();
  const ticket = await issued;
  // The first ID check of a fresh host has id 1.
  expect(ticket).toMatchObject({ number: 'M001', priority: 'urgent', urgentReason: 'hospital_summons', idCheckId: 1, manualIdCheck: false, supplementDeclared: null });
  await expect(page.getByTestId('ticket-number')).toHaveText('M001');
  await expect(page.getByTestId('ticket-urgent')).toContainText('Du bliver hjulpet først');
  await expect(page.getByTestId('ticket-wait')).toHaveText('Du er den næste.');
  await expect(page.getByText('Hold øje med skærmen')).toBeVisible();
  await expect.poll(() => shellFake(page)).toEqual([{ number: 'M001', serviceName: { da: 'MitID', en: 'MitID' }, issuedAt: ticket.arrivedAt, estimatedWaitMinutes: 0 }]);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectWayToStaff(page);
  await switchTo(page, 'English');
  await expect(page.getByRole('heading', { name: 'Your number' })).toBeVisible();
  await expect(page.getByTestId('ticket-wait')).toHaveText('You are next.');
  await expectAccessible(page);
  await switchTo(page, 'Dansk');
  await page.screenshot({ path: screenshotPath('kiosk-ticket') });

  await button(page, 'Færdig').click();
  await expect(page.getByRole('heading', { name: 'Hvad skal du have hjælp til?' })).toBeVisible();
});

test('a foreign ID card needs a supplement: the answer goes on the ticket, and a failed print keeps the number on screen', async ({ page, host }) => {
  await installShell(page, { ok: false, reason: 'no-printer' });
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'MitID').click();
  await readerReady(page);
  await hostScan(host.url, makeMrz(swedishIdCard));
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'supplement_required');
  await expect(verdict).toContainText('sundhedskort');
  await expect(verdict).toContainText('bopælsattest');
  await expect(page.getByText('Har du dit sundhedskort eller en bopælsattest med i dag?')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('LINDQVIST');
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('kiosk-verdict-supplement') });

  await button(page, 'Jeg har det med').click();
  let issued = nextIssuedTicket(page);
  await button(page, 'Nej').click();
  expect(await issued).toMatchObject({ number: 'M001', priority: 'normal', urgentReason: null, idCheckId: 1, supplementDeclared: true, manualIdCheck: false });
  await expect(page.getByTestId('ticket-number')).toHaveText('M001');
  await expect(page.getByTestId('ticket-urgent')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveText('Billetten kunne ikke printes – husk dit nummer.');
  await button(page, 'Færdig').click();

  // The next citizen, in English, without the card.
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await switchTo(page, 'English');
  await button(page, 'MitID').click();
  await readerReady(page);
  await hostScan(host.url, makeMrz(swedishIdCard));
  await expect(verdict).toContainText('health insurance card');
  await expectAccessible(page);
  await button(page, 'I do not have it with me').click();
  issued = nextIssuedTicket(page);
  await button(page, 'No').click();
  const second = await issued;
  expect(second).toMatchObject({ number: 'M002', idCheckId: 2, supplementDeclared: false, manualIdCheck: false });
  expect(second.estimatedWaitMinutes).toBeGreaterThan(0);
  await expect(page.getByTestId('ticket-wait')).toHaveText(`Estimated wait: about ${second.estimatedWaitMinutes} minutes.`);
  await expect(page.getByRole('alert')).toHaveText('The ticket could not be printed – please remember your number.');
  expect(await shellFake(page)).toHaveLength(2);
});

test('documents that cannot be used, read by the shell’s reader: expired (with the date), a visa, a child', async ({ page, host }) => {
  await installShell(page, { ok: true });
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'MitID').click();
  await expect(page.getByRole('heading', { name: 'Scan dit pas eller ID-kort' })).toBeVisible();

  await shellScan(page, makeMrz({ ...danishPassport, expiryDate: '2025-03-03' }));
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'rejected');
  await expect(verdict).toContainText('Dit pas udløb den 3. marts 2025.');
  await expect(verdict).toContainText('Et dansk kørekort kan også bruges');
  await expect(button(page, 'Jeg har ikke et dokument, der kan scannes')).toBeVisible();
  await expectWayToStaff(page);
  await expectAccessible(page);
  await switchTo(page, 'English');
  await expect(verdict).toContainText('Your passport expired on 3 March 2025.');
  await expectAccessible(page);
  await switchTo(page, 'Dansk');
  await page.screenshot({ path: screenshotPath('kiosk-verdict-rejected') });

  await button(page, 'Scan et andet dokument').click();
  await expect(page.getByText('Læg dit pas eller ID-kort på scanneren')).toBeVisible();
  await shellScan(page, makeMrz({ kind: 'visa', issuingState: 'DNK', birthDate: adult, expiryDate: validUntil }));
  await expect(verdict).toContainText('Et visum kan ikke bruges som legitimation til MitID.');

  // A new scan replaces the verdict on screen without pressing anything.
  await shellScan(page, makeMrz({ ...danishPassport, birthDate: shiftIsoDate(today, { years: -10 }) }));
  await expect(verdict).toContainText('Du skal være fyldt 13 år for at få MitID.');
  await expect(verdict).not.toContainText('visum');
  await expect(button(page, 'Scan et andet dokument')).toHaveCount(0);
  await expectAccessible(page);
});

test('a document that cannot be read three times: try again, then a ticket for the clerk to check by hand', async ({ page, host }) => {
  await page.goto(`${host.url}/kiosk`);
  await button(page, 'MitID').click();
  await readerReady(page);
  const verdict = page.getByTestId('verdict');

  await hostScan(host.url, 'SCANNED THE WRONG SIDE');
  await expect(verdict).toContainText('Vi kunne ikke læse dit dokument.');
  await expect(page.getByTestId('tries')).toHaveText('Du har prøvet 1 af 3 gange.');
  await button(page, 'Prøv igen').click();
  await expect(verdict).toHaveCount(0);

  await hostScan(host.url, makeMrz({ ...danishPassport, corrupt: 'birthDate' }));
  await expect(verdict).toContainText('Nogle tegn blev ikke læst rigtigt.');
  await expect(page.getByTestId('tries')).toHaveText('Du har prøvet 2 af 3 gange.');
  await button(page, 'Prøv igen').click();

  await hostScan(host.url, 'SCANNED THE WRONG SIDE AGAIN');
  await expect(verdict).toHaveAttribute('data-verdict', 'rejected');
  await expect(page.getByText('Scanneren kunne ikke læse dokumentet. Tag et nummer')).toBeVisible();
  await expect(button(page, 'Prøv igen')).toHaveCount(0);
  await expectAccessible(page);

  await button(page, 'Tag et nummer – personalet ser på dokumentet').click();
  const issued = nextIssuedTicket(page);
  await button(page, 'Nej').click();
  expect(await issued).toMatchObject({ number: 'M001', manualIdCheck: true, idCheckId: 3 });
  await expect(page.getByTestId('ticket-number')).toHaveText('M001');
  await expectAccessible(page);
});

test('no document that can be scanned, in English, with the way back from each step', async ({ page, host }) => {
  await page.goto(`${host.url}/kiosk`);
  await switchTo(page, 'English');
  await expectAccessible(page);
  await button(page, 'MitID').click();
  await expectWayToStaff(page, 'Ask the staff');
  await expectAccessible(page);
  await button(page, 'Back').click();
  await expect(page.getByRole('heading', { name: 'What do you need help with?' })).toBeVisible();

  await button(page, 'MitID').click();
  await button(page, 'I have no document that can be scanned').click();
  await expect(page.getByRole('heading', { name: 'Do you have a letter from a hospital in Digital Post that you must read today?' })).toBeVisible();
  await expectAccessible(page);
  await button(page, 'Back').click();
  await expect(page.getByRole('heading', { name: 'Scan your passport or ID card' })).toBeVisible();
  await button(page, 'I have no document that can be scanned').click();

  const issued = nextIssuedTicket(page);
  await button(page, 'No').click();
  expect(await issued).toMatchObject({ number: 'M001', manualIdCheck: true, idCheckId: null, supplementDeclared: null, urgentReason: null });
  await expect(page.getByRole('heading', { name: 'Your number' })).toBeVisible();
  await expect(page.getByText('Watch the screen')).toBeVisible();
  await expectWayToStaff(page, 'Ask the staff');
  await expectAccessible(page);

  // A service without an ID check goes straight to the hospital-letter question.
  await button(page, 'Done').click();
  await button(page, 'Pas').click();
  await expect(page.getByRole('heading', { name: /brev fra et sygehus/ })).toBeVisible();
});
