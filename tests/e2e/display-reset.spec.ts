import type { TicketView } from '../../contract/tickets.js';
import { ADMIN_PASSWORD, expect, test } from './fixtures.js';

/**
 * A waiting-room screen that comes back knowing an event the host will not replay from (it was
 * away since yesterday, or the host was restored from a backup) is sent a "reset" on the stream,
 * and must load the board afresh rather than stay stale.
 */
test('the display reloads its board when the stream says reset', async ({ browser, host }) => {
  const admin = (await browser.newContext({ baseURL: host.url })).request;
  expect((await admin.post('/api/auth/login', { data: { username: 'admin', password: ADMIN_PASSWORD } })).status()).toBe(200);
  const ticket = (await (await admin.post('/api/tickets', { data: { serviceCode: 'M' } })).json()) as TicketView;
  expect((await admin.post('/api/counters/1/open', { data: {} })).status()).toBe(200);
  expect((await admin.post('/api/counters/1/call-next', { data: {} })).status()).toBe(200);

  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  // The first board the screen loads is a stale one from a host that has since been restored:
  // no calls, and a last event the host does not have.
  let stale = true;
  await page.route('**/api/display', async (route) => {
    if (!stale) return route.continue();
    stale = false;
    await route.fulfill({ json: { officeName: 'Borgerservice', calls: [], lastSeq: 1_000_000 } });
  });
  await page.goto(`${host.url}/display`);
  await expect(page.getByTestId('now-calling')).toContainText(ticket.number);
  expect(stale).toBe(false);
});
