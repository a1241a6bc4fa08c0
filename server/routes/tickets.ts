import { Type } from 'typebox';
import { requireKioskOrStaff, requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { notFound } from '../errors.js';
import { IssuanceLimiter } from '../issuance-limiter.js';
import { ticketView } from '../views.js';
import { IdParams, Outcome, ServiceCode, UrgentReason } from './schemas.js';

/** Exported for the benchmark's no-op route, which must validate exactly what issuance does. */
export const IssueBody = Type.Object(
  {
    serviceCode: ServiceCode,
    idCheckId: Type.Optional(Type.Integer({ minimum: 1 })),
    urgent: Type.Optional(Type.Object({ reason: UrgentReason }, { additionalProperties: false })),
    supplementDeclared: Type.Optional(Type.Boolean()),
    manualIdCheck: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const SIMPLE_ACTIONS = {
  recall: 'recall',
  start: 'start',
  'no-show': 'no_show',
  requeue: 'requeue',
} as const;

export function ticketRoutes(app: App, { office, store, config }: HostContext): void {
  const limiter = new IssuanceLimiter(store, office, config.clock);

  app.post('/api/tickets', { schema: { tags: ['tickets'], summary: 'Issue a ticket (kiosk or staff)', body: IssueBody } }, async (request, reply) => {
    requireKioskOrStaff(request);
    const refusal = limiter.admit(request, { urgent: request.body.urgent !== undefined });
    if (refusal) {
      const what = refusal.limit === 'urgent_per_hour' ? `${refusal.max} urgent tickets an hour` : `${refusal.max} tickets a minute`;
      return reply
        .status(429)
        .header('retry-after', String(refusal.retryAfterSeconds))
        .send({ error: { code: 'too_many_tickets', message: `This kiosk may issue at most ${what}. Try again in ${refusal.retryAfterSeconds} s.` } });
    }
    const ticket = await office.issueTicket(request.body, { staffId: request.caller.staff?.id ?? null });
    return reply.status(201).send(ticketView(ticket));
  });

  app.get('/api/tickets/:id', { schema: { tags: ['tickets'], params: IdParams } }, async (request) => {
    requireStaff(request);
    const ticket = store.tickets.get(request.params.id);
    if (!ticket) throw notFound(`Ticket ${request.params.id}`);
    return ticketView(ticket);
  });

  for (const [path, kind] of Object.entries(SIMPLE_ACTIONS)) {
    app.post(`/api/tickets/:id/${path}`, { schema: { tags: ['tickets'], params: IdParams } }, async (request) => {
      const staff = requireStaff(request);
      return ticketView(office.act(request.params.id, { kind }, staff.id));
    });
  }

  app.post(
    '/api/tickets/:id/finish',
    { schema: { tags: ['tickets'], params: IdParams, body: Type.Object({ outcome: Outcome }, { additionalProperties: false }) } },
    async (request) => {
      const staff = requireStaff(request);
      return ticketView(office.act(request.params.id, { kind: 'finish', outcome: request.body.outcome }, staff.id));
    },
  );

  app.post(
    '/api/tickets/:id/transfer',
    { schema: { tags: ['tickets'], params: IdParams, body: Type.Object({ serviceCode: ServiceCode }, { additionalProperties: false }) } },
    async (request) => {
      const staff = requireStaff(request);
      return ticketView(office.transfer(request.params.id, request.body.serviceCode, staff.id));
    },
  );

  app.post('/api/tickets/:id/cancel', { schema: { tags: ['tickets'], params: IdParams } }, async (request) => {
    const staff = requireStaff(request);
    return ticketView(office.cancel(request.params.id, { staffId: staff.id }));
  });
}
