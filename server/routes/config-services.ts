import { Type } from 'typebox';
import { CreateServiceRequest, ServiceCodeParams, ServiceSetupView, UpdateServiceRequest } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import type { Service } from '../../core/types.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';

const ServiceAnswers = { response: { 200: ServiceSetupView, ...ErrorAnswers } };

/**
 * Services as the manager configures them. A service is never deleted (its tickets and
 * statistics refer to it); it is deactivated. Deactivating one that has citizens waiting is
 * allowed on purpose: a manager does it because the service must stop *now* (MitID is down,
 * the only passport clerk went home), and refusing would leave the kiosk handing out tickets
 * for it. The kiosk stops offering it, while the tickets already waiting stay in line, callable
 * and transferable; the answer says how many there are.
 */
export function serviceConfigRoutes(app: App, { store, configuration }: HostContext): void {
  const waitingByService = (): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const ticket of store.tickets.waiting()) counts.set(ticket.serviceCode, (counts.get(ticket.serviceCode) ?? 0) + 1);
    return counts;
  };
  const view = (service: Service, waiting = waitingByService()): ServiceSetupView => ({ ...service, waitingTickets: waiting.get(service.code) ?? 0 });

  app.get('/api/config/services', { schema: { tags: ['config'], summary: 'Every service, inactive ones too', response: { 200: Type.Array(ServiceSetupView), ...ErrorAnswers } } }, async () => {
    const waiting = waitingByService();
    return store.services.list().map((s) => view(s, waiting));
  });

  app.post(
    '/api/config/services',
    { schema: { tags: ['config'], summary: 'Add a service; every active counter serves it, last in preference', body: CreateServiceRequest, response: { 201: ServiceSetupView, ...ErrorAnswers } } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const created = configuration.createService({ ...request.body, active: request.body.active ?? true }, staff.id);
      return reply.status(201).send(view(created));
    },
  );

  app.patch(
    '/api/config/services/:code',
    { schema: { tags: ['config'], summary: 'Change a service; its code cannot change', params: ServiceCodeParams, body: UpdateServiceRequest, ...ServiceAnswers } },
    async (request) => {
      const staff = requireStaff(request);
      const updated = configuration.updateService(request.params.code, request.body, staff.id);
      return view(updated);
    },
  );
}
