import { ErrorAnswers } from '../../contract/errors.js';
import { HealthView, type HealthView as Health } from '../../contract/host.js';
import type { App, HostContext } from '../context.js';

export function healthRoutes(app: App, { store, hostScanner }: HostContext): void {
  app.get('/api/health', { schema: { tags: ['health'], summary: 'Host, database and scanner status', response: { 200: HealthView, 503: HealthView, ...ErrorAnswers } } }, async (_request, reply) => {
    let database: { ok: boolean; schemaVersion?: number };
    try {
      database = { ok: true, schemaVersion: store.schemaVersion() };
    } catch {
      database = { ok: false };
    }
    const body: Health = { status: database.ok ? 'ok' : 'degraded', database, scanner: hostScanner.status() };
    return reply.status(database.ok ? 200 : 503).send(body);
  });
}
