import { Type } from 'typebox';
import { IdParams } from '../../contract/common.js';
import { CallTicketRequest, CounterDetailView, CounterView, WalkUpRequest } from '../../contract/counters.js';
import { ErrorAnswers, NoContent } from '../../contract/errors.js';
import { TicketView } from '../../contract/tickets.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { notFound } from '../errors.js';
import { counterView, ticketView } from '../views.js';

const CounterAnswers = { response: { 200: CounterView, ...ErrorAnswers } };

export function counterRoutes(app: App, { office, store }: HostContext): void {
  const holderName = (staffId: number | null) => (staffId === null ? null : (store.staff.get(staffId)?.displayName ?? null));

  app.get('/api/counters', { schema: { tags: ['counters'], response: { 200: Type.Array(CounterView), ...ErrorAnswers } } }, async (request) => {
    requireStaff(request);
    return store.counters.list().map((c) => counterView(c, holderName(c.heldBy)));
  });

  app.get('/api/counters/:id', { schema: { tags: ['counters'], params: IdParams, response: { 200: CounterDetailView, ...ErrorAnswers } } }, async (request) => {
    requireStaff(request);
    const counter = store.counters.get(request.params.id);
    if (!counter) throw notFound(`Counter ${request.params.id}`);
    const current = office.currentTicket(counter.id);
    return { ...counterView(counter, holderName(counter.heldBy)), currentTicket: current ? ticketView(current) : null };
  });

  app.post('/api/counters/:id/open', { schema: { tags: ['counters'], params: IdParams, ...CounterAnswers } }, async (request) => {
    const staff = requireStaff(request);
    return counterView(office.openCounter(request.params.id, staff.id), staff.displayName);
  });

  app.post('/api/counters/:id/close', { schema: { tags: ['counters'], params: IdParams, ...CounterAnswers } }, async (request) => {
    const staff = requireStaff(request);
    return counterView(office.closeCounter(request.params.id, staff.id), null);
  });

  app.post('/api/counters/:id/call-next', { schema: { tags: ['counters'], params: IdParams, response: { 200: TicketView, 204: NoContent, ...ErrorAnswers } } }, async (request, reply) => {
    const staff = requireStaff(request);
    const ticket = office.callNext(request.params.id, staff.id);
    return ticket ? ticketView(ticket) : reply.status(204).send();
  });

  app.post(
    '/api/counters/:id/call',
    {
      schema: {
        tags: ['counters'],
        summary: 'Call a specific ticket out of order; the reason is logged',
        params: IdParams,
        body: CallTicketRequest,
        response: { 200: TicketView, ...ErrorAnswers },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return ticketView(office.callTicket(request.params.id, request.body.ticketId, request.body.reason, staff.id));
    },
  );

  app.post(
    '/api/counters/:id/walk-up',
    {
      schema: {
        tags: ['counters'],
        summary: 'Serve a citizen who came to the desk without a ticket',
        params: IdParams,
        body: WalkUpRequest,
        response: { 201: TicketView, ...ErrorAnswers },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      return reply.status(201).send(ticketView(office.serveWalkUp(request.params.id, request.body.serviceCode, staff.id)));
    },
  );
}
