import { Type } from 'typebox';
import type { CounterSetupView } from '../../core/config-api-types.js';
import type { CounterSetup } from '../../office/configuration.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { IdParams, ServiceCode } from './schemas.js';

/** Shown on the waiting-room screen next to the number: short, and something to read. */
const CounterName = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });
const ServiceCodes = Type.Array(ServiceCode, { maxItems: 26 });
const Ordering = Type.Union([Type.Literal('arrival'), Type.Literal('preference')]);

const CreateCounterBody = Type.Object(
  { name: CounterName, serviceCodes: ServiceCodes, ordering: Type.Optional(Ordering) },
  { additionalProperties: false },
);

const UpdateCounterBody = Type.Object(
  {
    name: Type.Optional(CounterName),
    serviceCodes: Type.Optional(ServiceCodes),
    ordering: Type.Optional(Ordering),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/**
 * Counters as the manager configures them: name, the services served in order of preference,
 * and whether the counter is in use. A counter is never deleted (tickets and statistics refer to
 * it); a retired one is inactive and disappears from the clerks' list.
 */
export function counterConfigRoutes(app: App, { store, configuration }: HostContext): void {
  const view = (counter: CounterSetup): CounterSetupView => ({
    id: counter.id,
    name: counter.name,
    serviceCodes: counter.serviceCodes,
    ordering: counter.ordering,
    active: counter.active,
    heldBy: counter.heldBy === null ? null : { id: counter.heldBy, displayName: store.staff.get(counter.heldBy)?.displayName ?? '' },
  });

  app.get('/api/config/counters', { schema: { tags: ['config'], summary: 'Every counter, inactive ones too' } }, async (request) => {
    return store.counters.listSetup().map(view);
  });

  app.post('/api/config/counters', { schema: { tags: ['config'], body: CreateCounterBody } }, async (request, reply) => {
    const staff = requireStaff(request);
    const created = configuration.createCounter(request.body, staff.id);
    return reply.status(201).send(view(created));
  });

  app.patch('/api/config/counters/:id', { schema: { tags: ['config'], params: IdParams, body: UpdateCounterBody } }, async (request) => {
    const staff = requireStaff(request);
    const updated = configuration.updateCounter(request.params.id, request.body, staff.id);
    return view(updated);
  });
}
