import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { officeDayOf } from '../core/office-day.js';
import { newTicket } from '../core/ticket-lifecycle.js';
import { formatTicketNumber } from '../core/ticket-number.js';
import { IssueTicketRequest, TicketView } from '../contract/tickets.js';
import { requireKioskOrStaff } from '../server/auth.js';
import { loadConfig } from '../server/config.js';
import { startHost } from '../server/host.js';
import { ticketView } from '../server/views.js';
import { NOOP_TICKET_ROUTE } from './bench-host-route.js';

/**
 * The office host (its sources under tsx: the same code `npm start` runs built) with one route more, which exists only in
 * this process: `POST /bench/noop-ticket` validates the body issuance validates, checks the caller
 * as issuance does, and answers a ticket-shaped JSON without touching the database. It is the
 * baseline for issuance: the same HTTP stack (Fastify, helmet, the request guards, the kiosk's
 * loopback identity), nothing of the ticket's work. Started by bench/issue-ticket.ts.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));


let issued = 0;
const config = loadConfig(process.env, { rendererDir: path.join(ROOT, 'dist/renderer') });
const host = await startHost(config, {
  logLevel: 'warn',
  extraRoutes: (app) => {
    // The same body and answer schemas as the real route: validation and serialisation are part of the limit.
    app.post(NOOP_TICKET_ROUTE, { schema: { body: IssueTicketRequest, response: { 201: TicketView } } }, async (request, reply) => {
      requireKioskOrStaff(request);
      issued++;
      const now = Date.now();
      const fields = { number: formatTicketNumber(request.body.serviceCode, issued), officeDay: officeDayOf(now), serviceCode: request.body.serviceCode, arrivedAt: now, estimatedWaitMinutes: 5 };
      const ticket = { id: issued, ...newTicket(fields) };
      return reply.status(201).send(ticketView(ticket));
    });
  },
});
const stop = () => void host.close().then(() => process.exit(0), () => process.exit(1));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
