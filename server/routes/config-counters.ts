import { Type } from 'typebox';
import { IdParams } from '../../contract/common.js';
import { CounterSetupView, CreateCounterRequest, UpdateCounterRequest } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import type { CounterSetup } from '../../office/configuration.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';

const CounterAnswers = { response: { 200: CounterSetupView, ...ErrorAnswers } };

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

  app.get('/api/config/counters', { schema: { tags: ['config'], summary: 'Every counter, inactive ones too', response: { 200: Type.Array(CounterSetupView), ...ErrorAnswers } } }, async () => {
    return store.counters.listSetup().map(view);
  });

  app.post('/api/config/counters', { schema: { tags: ['config'], body: CreateCounterRequest, response: { 201: CounterSetupView, ...ErrorAnswers } } }, async (request, reply) => {
    const staff = requireStaff(request);
    const created = configuration.createCounter(request.body, staff.id);
    return reply.status(201).send(view(created));
  });

  app.patch('/api/config/counters/:id', { schema: { tags: ['config'], params: IdParams, body: UpdateCounterRequest, ...CounterAnswers } }, async (request) => {
    const staff = requireStaff(request);
    const updated = configuration.updateCounter(request.params.id, request.body, staff.id);
    return view(updated);
  });
}
