import { ADMIN_PASSWORD, Client } from './test-host.js';

/**
 * Tests of concurrency and durability fire bursts of kiosk tickets far beyond what one kiosk may
 * issue (30 a minute by default). They raise the office's limit first, as a manager may, rather
 * than bypass it, so the tickets still take the kiosk's path through the limiter.
 */
export async function allowTicketBursts(url: string, password = ADMIN_PASSWORD): Promise<void> {
  const admin = new Client(url);
  await admin.login('admin', password);
  const response = await admin.request('PUT', '/api/config/issuance-limits', { ticketsPerMinute: 1_000_000, urgentPerHour: 1_000_000 });
  if (response.status !== 200) throw new Error(`raising the issuance limits: ${response.status} ${JSON.stringify(response.body)}`);
}
