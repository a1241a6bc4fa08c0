import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type { TicketView } from '../../contract/tickets.js';
import { ADMIN_PASSWORD, expect, expectAccessible, screenshotPath, test } from './fixtures.js';

/** One more than a page (50), so the log has an older page to show. */
const TICKETS = 51;

/** The host's own PC counts as the office's kiosk, so tickets are issued as a kiosk would. */
async function issue(hostUrl: string, serviceCode: string): Promise<TicketView> {
  const response = await fetch(`${hostUrl}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceCode }) });
  expect(response.status).toBe(201);
  return (await response.json()) as TicketView;
}

async function openAudit(browser: Browser, hostUrl: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${hostUrl}/manager#audit`);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Revisionslog');
  return page;
}

/**
 * 51 tickets in a row are more than one kiosk may issue in a minute (30). The limit is raised in
 * the database itself rather than through the settings page, so that this test's count of events
 * stays the tickets and the one login.
 */
function allowTicketBurst(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'office.sqlite'));
  db.prepare("INSERT INTO settings (key, value) VALUES ('issuanceLimits', ?)").run(JSON.stringify({ ticketsPerMinute: 100, urgentPerHour: 6 }));
  db.close();
}

test('the audit log lists events, pages back, verifies the chain and reports a tampered event', async ({ browser, host }) => {
  allowTicketBurst(host.dataDir);
  for (let i = 0; i < TICKETS; i++) await issue(host.url, i % 2 === 0 ? 'M' : 'P');
  const page = await openAudit(browser, host.url);

  const table = page.getByRole('table', { name: 'Hændelser, nyeste først' });
  await expect(table.getByRole('columnheader')).toHaveText(['Nr.', 'Tidspunkt', 'Hændelse', 'Medarbejder', 'Skranke', 'Billet']);
  await expect(table.getByRole('row', { name: /Billet P025 udstedt/ })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(page.getByTestId('list-status')).toHaveText('50 hændelser vist');

  // The newest event is the admin's login through the page; the two oldest tickets are one page back.
  await expect(table.locator('tbody tr').first()).toContainText('Logget ind');
  await expect(table.locator('tbody tr').first()).toContainText('Administrator (admin)');
  await page.getByRole('button', { name: 'Vis ældre' }).click();
  await expect(table.getByRole('row', { name: /Billet M001 udstedt/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Billet P001 udstedt/ })).toBeVisible();
  await expect(page.getByTestId('list-status')).toHaveText('52 hændelser vist · Alle hændelser er vist.');
  await expect(page.getByRole('button', { name: 'Vis ældre' })).toHaveCount(0);

  await page.getByLabel('Type').selectOption({ label: 'Log ind' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Type').selectOption({ label: 'Alle typer' });

  await page.getByRole('button', { name: 'Kontrollér kæden' }).click();
  const result = page.getByTestId('verify-result');
  await expect(result).toContainText('Kæden er i orden. 52 hændelser kontrolleret.');
  await expect(result).toContainText('Sidste hændelse: #52');
  // The check is itself in the log, first in line.
  await expect(table.locator('tbody tr').first()).toContainText('Revisionslog kontrolleret: i orden (52 hændelser)');

  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('manager-audit'), fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Audit log');
  await expect(result).toContainText('The chain is intact. 52 events checked.');
  await expect(page.getByRole('table', { name: 'Events, newest first' })).toBeVisible();
  await expectAccessible(page);

  // Someone edits ticket M002's event straight in the database, around the host.
  const db = new Database(path.join(host.dataDir, 'office.sqlite'));
  const victim = db.prepare("SELECT seq FROM events WHERE type = 'ticket.issued' AND json_extract(data, '$.number') = 'M002'").get() as { seq: number };
  db.exec('DROP TRIGGER events_are_append_only_update');
  db.prepare("UPDATE events SET data = json_set(data, '$.priority', 'urgent') WHERE seq = ?").run(victim.seq);
  db.close();

  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await expect(result).toContainText(`The chain is broken at event #${victim.seq}.`);
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(result).toContainText(`Kæden er brudt ved hændelse #${victim.seq}.`);
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('manager-audit-broken'), fullPage: true });
});
