import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ticket } from '../core/types.js';
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

const TEMPLATE: Ticket = {
  id: 0,
  number: '',
  officeDay: '2026-01-01',
  serviceCode: '',
  priority: 'normal',
  urgentReason: null,
  status: 'waiting',
  arrivedAt: 0,
  callableAt: 0,
  calledAt: null,
  startedAt: null,
  finishedAt: null,
  callCount: 0,
  counterId: null,
  staffId: null,
  outcome: null,
  idCheckId: null,
  supplementDeclared: null,
  manualIdCheck: false,
  estimatedWaitMinutes: 5,
  transferredFromId: null,
  walkUp: false,
};

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
      const ticket = { ...TEMPLATE, id: issued, number: `${request.body.serviceCode}${String(issued).padStart(3, '0')}`, serviceCode: request.body.serviceCode, arrivedAt: now, callableAt: now };
      return reply.status(201).send(ticketView(ticket));
    });
  },
});
const stop = () => void host.close().then(() => process.exit(0), () => process.exit(1));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
