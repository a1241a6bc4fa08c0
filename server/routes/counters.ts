import { Type } from 'typebox';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { notFound } from '../errors.js';
import { counterView, ticketView } from '../views.js';
import { IdParams, ServiceCode } from './schemas.js';

export function counterRoutes(app: App, { office, store }: HostContext): void {
  const holderName = (staffId: number | null) => (staffId === null ? null : (store.staff.get(staffId)?.displayName ?? null));

  app.get('/api/counters', { schema: { tags: ['counters'] } }, async (request) => {
    requireStaff(request);
    return store.counters.list().map((c) => counterView(c, holderName(c.heldBy)));
  });

  app.get('/api/counters/:id', { schema: { tags: ['counters'], params: IdParams } }, async (request) => {
    requireStaff(request);
    const counter = store.counters.get(request.params.id);
    if (!counter) throw notFound(`Counter ${request.params.id}`);
    const current = office.currentTicket(counter.id);
    return { ...counterView(counter, holderName(counter.heldBy)), currentTicket: current ? ticketView(current) : null };
  });

  app.post('/api/counters/:id/open', { schema: { tags: ['counters'], params: IdParams } }, async (request) => {
    const staff = requireStaff(request);
    return counterView(office.openCounter(request.params.id, staff.id), staff.displayName);
  });

  app.post('/api/counters/:id/close', { schema: { tags: ['counters'], params: IdParams } }, async (request) => {
    const staff = requireStaff(request);
    return counterView(office.closeCounter(request.params.id, staff.id), null);
  });

  app.post('/api/counters/:id/call-next', { schema: { tags: ['counters'], params: IdParams } }, async (request, reply) => {
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
        body: Type.Object(
          { ticketId: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
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
        body: Type.Object({ serviceCode: ServiceCode }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      return reply.status(201).send(ticketView(office.serveWalkUp(request.params.id, request.body.serviceCode, staff.id)));
    },
  );
}
