import { Type } from 'typebox';
import { ErrorAnswers } from '../../contract/errors.js';
import { ServiceView } from '../../contract/services.js';
import type { App, HostContext } from '../context.js';

export function serviceRoutes(app: App, { store }: HostContext): void {
  app.get('/api/services', { schema: { tags: ['services'], summary: 'Active services', response: { 200: Type.Array(ServiceView), ...ErrorAnswers } } }, async () =>
    store.services
      .list()
      .filter((s) => s.active)
      .map((s) => ({ code: s.code, names: s.names, needsIdCheck: s.needsIdCheck, slaMinutes: s.slaMinutes })),
  );
}
