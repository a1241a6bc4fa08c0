import { Type } from 'typebox';
import { ErrorAnswers } from '../../contract/errors.js';
import { TicketView } from '../../contract/tickets.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { ticketView } from '../views.js';

export function queueRoutes(app: App, { store }: HostContext): void {
  app.get('/api/queue', { schema: { tags: ['queue'], summary: 'Every waiting ticket, oldest first', response: { 200: Type.Array(TicketView), ...ErrorAnswers } } }, async (request) => {
    requireStaff(request);
    return store.tickets.waiting().map(ticketView);
  });
}
