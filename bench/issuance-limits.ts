import type http from 'node:http';
import { expectJson, Session } from './http.js';
import { BENCH_ADMIN_PASSWORD } from './server-process.js';

/**
 * The benchmarks issue tickets from loopback far faster than one kiosk may (30 a minute by
 * default). They raise the office's limit as a manager may, rather than bypass it, so the figures
 * still include the limiter's cost on the kiosk's path.
 */
export async function allowTicketBursts(url: string, agent: http.Agent): Promise<void> {
  const admin = new Session(url, agent);
  await admin.login('admin', BENCH_ADMIN_PASSWORD);
  expectJson(await admin.send('PUT', '/api/config/issuance-limits', { ticketsPerMinute: 1_000_000, urgentPerHour: 1_000_000 }), 200, 'raise the issuance limits');
}
