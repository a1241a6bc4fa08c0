import { Type } from 'typebox';
import { IdParams } from '../../contract/common.js';
import { CounterSetupView, CreateCounterRequest, UpdateCounterRequest } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import type { CounterSetup } from '../../db/counters.js';
import { requireStaff } from '../auth.js';
import { commitWithEvents } from '../commit.js';
import type { App, HostContext } from '../context.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { keepingEveryServiceServed } from '../service-coverage.js';

const CounterAnswers = { response: { 200: CounterSetupView, ...ErrorAnswers } };

/**
 * Counters as the manager configures them: name, the services served in order of preference,
 * and whether the counter is in use. A counter is never deleted (tickets and statistics refer to
 * it); a retired one is inactive and disappears from the clerks' list.
 */
export function counterConfigRoutes(app: App, { store, bus, config }: HostContext): void {
  const view = (counter: CounterSetup): CounterSetupView => ({
    id: counter.id,
    name: counter.name,
    serviceCodes: counter.serviceCodes,
    ordering: counter.ordering,
    active: counter.active,
    heldBy: counter.heldBy === null ? null : { id: counter.heldBy, displayName: store.staff.get(counter.heldBy)?.displayName ?? '' },
  });

  /** Refuses what would make a counter nobody can use; the checks run inside the write transaction. */
  const checkCounter = (counter: CounterSetup): void => {
    const name = counter.name.trim().toLowerCase();
    const clash = store.counters.listSetup().find((c) => c.id !== counter.id && c.name.trim().toLowerCase() === name);
    if (clash) throw conflict('counter_name_taken', `There is already a counter named "${clash.name}".`);
    const duplicate = counter.serviceCodes.find((code, i) => counter.serviceCodes.indexOf(code) !== i);
    if (duplicate) throw badRequest('duplicate_service', `Service ${duplicate} is listed twice; list each service once, in order of preference.`);
    const unknown = counter.serviceCodes.filter((code) => !store.services.get(code));
    if (unknown.length > 0) throw badRequest('unknown_service', `There is no service with code ${unknown.join(', ')}.`);
    if (counter.active && counter.serviceCodes.length === 0) throw badRequest('no_services', `${counter.name} must serve at least one service.`);
  };

  app.get('/api/config/counters', { schema: { tags: ['config'], summary: 'Every counter, inactive ones too', response: { 200: Type.Array(CounterSetupView), ...ErrorAnswers } } }, async (request) => {
    requireStaff(request, ['manager', 'admin']);
    return store.counters.listSetup().map(view);
  });

  app.post('/api/config/counters', { schema: { tags: ['config'], body: CreateCounterRequest, response: { 201: CounterSetupView, ...ErrorAnswers } } }, async (request, reply) => {
    const staff = requireStaff(request, ['manager', 'admin']);
    const created = commitWithEvents(store, bus, () => {
      const draft: CounterSetup = { id: 0, name: request.body.name.trim(), serviceCodes: request.body.serviceCodes, ordering: request.body.ordering ?? 'arrival', heldBy: null, active: true };
      checkCounter(draft);
      const id = store.counters.create(draft.name, draft.serviceCodes, draft.ordering);
      return { result: store.counters.setup(id)!, events: [counterEvent(config.clock(), staff.id, id, 'created')] };
    });
    return reply.status(201).send(view(created));
  });

  app.patch('/api/config/counters/:id', { schema: { tags: ['config'], params: IdParams, body: UpdateCounterRequest, ...CounterAnswers } }, async (request) => {
    const staff = requireStaff(request, ['manager', 'admin']);
    const updated = commitWithEvents(store, bus, () => {
      const current = store.counters.setup(request.params.id);
      if (!current) throw notFound(`Counter ${request.params.id}`);
      const next: CounterSetup = { ...current, ...request.body, name: (request.body.name ?? current.name).trim() };
      if (current.active && !next.active && current.heldBy !== null) {
        throw conflict('counter_open', `${current.name} is open. It can be taken out of use when the clerk has closed it.`);
      }
      checkCounter(next);
      keepingEveryServiceServed(store, () => store.counters.update(next));
      const changed = (Object.keys(request.body) as (keyof typeof request.body)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]));
      return { result: next, events: [counterEvent(config.clock(), staff.id, next.id, 'updated', changed)] };
    });
    return view(updated);
  });
}

function counterEvent(at: number, staffId: number, counterId: number, action: 'created' | 'updated', changed?: string[]) {
  return { at, type: 'config.changed' as const, ticketId: null, counterId, staffId, data: { key: 'counters', action, counterId, ...(changed ? { changed } : {}) } };
}
