import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Ticket } from '../core/types.js';
import { NOOP_TICKET_ROUTE } from './bench-host-route.js';

/**
 * The built office host (dist/, as `npm start` runs it) with one route more, which exists only in
 * this process: `POST /bench/noop-ticket` validates the body issuance validates, checks the caller
 * as issuance does, and answers a ticket-shaped JSON without touching the database. It is the
 * baseline for issuance: the same HTTP stack (Fastify, helmet, the request guards, the kiosk's
 * loopback identity), nothing of the ticket's work. Started by bench/issue-ticket.ts.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const built = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'dist', file)).href)) as T;

const { startHost } = await built<typeof import('../server/host.js')>('server/host.js');
const { loadConfig } = await built<typeof import('../server/config.js')>('server/config.js');
const { IssueTicketRequest, TicketView } = await built<typeof import('../contract/tickets.js')>('contract/tickets.js');
const { requireKioskOrStaff } = await built<typeof import('../server/auth.js')>('server/auth.js');
const { ticketView } = await built<typeof import('../server/views.js')>('server/views.js');

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
