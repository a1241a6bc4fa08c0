import { Type } from 'typebox';
import { CreateServiceRequest, ServiceCodeParams, ServiceSetupView, UpdateServiceRequest } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import type { Service } from '../../core/types.js';
import { requireStaff } from '../auth.js';
import { commitWithEvents } from '../commit.js';
import type { App, HostContext } from '../context.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { keepingEveryServiceServed } from '../service-coverage.js';

const ServiceAnswers = { response: { 200: ServiceSetupView, ...ErrorAnswers } };

/**
 * Services as the manager configures them. A service is never deleted (its tickets and
 * statistics refer to it); it is deactivated. Deactivating one that has citizens waiting is
 * allowed on purpose: a manager does it because the service must stop *now* (MitID is down,
 * the only passport clerk went home), and refusing would leave the kiosk handing out tickets
 * for it. The kiosk stops offering it, while the tickets already waiting stay in line, callable
 * and transferable; the answer says how many there are.
 */
export function serviceConfigRoutes(app: App, { store, bus, config }: HostContext): void {
  const waitingByService = (): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const ticket of store.tickets.waiting()) counts.set(ticket.serviceCode, (counts.get(ticket.serviceCode) ?? 0) + 1);
    return counts;
  };
  const view = (service: Service, waiting = waitingByService()): ServiceSetupView => ({ ...service, waitingTickets: waiting.get(service.code) ?? 0 });

  app.get('/api/config/services', { schema: { tags: ['config'], summary: 'Every service, inactive ones too', response: { 200: Type.Array(ServiceSetupView), ...ErrorAnswers } } }, async (request) => {
    requireStaff(request, ['manager', 'admin']);
    const waiting = waitingByService();
    return store.services.list().map((s) => view(s, waiting));
  });

  app.post(
    '/api/config/services',
    { schema: { tags: ['config'], summary: 'Add a service; every active counter serves it, last in preference', body: CreateServiceRequest, response: { 201: ServiceSetupView, ...ErrorAnswers } } },
    async (request, reply) => {
      const staff = requireStaff(request, ['manager', 'admin']);
      const service: Service = { ...request.body, active: request.body.active ?? true };
      const created = commitWithEvents(store, bus, () => {
        if (store.services.get(service.code)) throw conflict('service_code_taken', `There is already a service with code "${service.code}".`);
        // Without a counter serving it, its tickets would wait for ever (so with no active counter at all, it is refused).
        keepingEveryServiceServed(store, () => {
          store.services.create(service, store.services.nextSortOrder());
          store.counters.addServiceToActiveCounters(service.code);
        });
        return { result: service, events: [configEvent(config.clock(), staff.id, { action: 'created', serviceCode: service.code })] };
      });
      return reply.status(201).send(view(created));
    },
  );

  app.patch(
    '/api/config/services/:code',
    { schema: { tags: ['config'], summary: 'Change a service; its code cannot change', params: ServiceCodeParams, body: UpdateServiceRequest, ...ServiceAnswers } },
    async (request) => {
      const staff = requireStaff(request, ['manager', 'admin']);
      const { code, ...changes } = request.body;
      if (code !== undefined && code !== request.params.code) {
        throw badRequest('code_immutable', 'A service code cannot change: it is printed on tickets and kept in their history. Create a new service instead.');
      }
      const updated = commitWithEvents(store, bus, () => {
        const current = store.services.get(request.params.code);
        if (!current) throw notFound(`Service ${request.params.code}`);
        const next: Service = { ...current, ...changes };
        // Reactivating a service no active counter serves would bring back tickets nobody can call.
        keepingEveryServiceServed(store, () => store.services.update(next));
        const changed = Object.keys(changes).filter((key) => JSON.stringify(changes[key as keyof typeof changes]) !== JSON.stringify(current[key as keyof Service]));
        return { result: next, events: [configEvent(config.clock(), staff.id, { action: 'updated', serviceCode: next.code, changed })] };
      });
      return view(updated);
    },
  );
}

function configEvent(at: number, staffId: number, data: Record<string, unknown>) {
  return { at, type: 'config.changed' as const, ticketId: null, counterId: null, staffId, data: { key: 'services', ...data } };
}
