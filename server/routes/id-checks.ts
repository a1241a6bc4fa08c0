import { IdParams } from '../../contract/common.js';
import { ErrorAnswers } from '../../contract/errors.js';
import { IdCheckRequest, IdCheckView } from '../../contract/id-checks.js';
import { requireKioskOrStaff, requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { notFound } from '../errors.js';
import { idCheckView } from '../../office/id-checker.js';

export function idCheckRoutes(app: App, { idChecker, store }: HostContext): void {
  app.post(
    '/api/id-checks',
    {
      schema: {
        tags: ['id-checks'],
        summary: 'Check a scanned machine-readable zone against the MitID document rules; only the outcome is stored',
        body: IdCheckRequest,
        response: { 200: IdCheckView, ...ErrorAnswers },
      },
    },
    async (request, reply) => {
      requireKioskOrStaff(request);
      const source = request.caller.staff ? 'counter' : 'kiosk';
      return reply.status(200).send(idCheckView(idChecker.check(request.body.mrz, source), idChecker.rules()));
    },
  );

  app.get('/api/id-checks/:id', { schema: { tags: ['id-checks'], params: IdParams, response: { 200: IdCheckView, ...ErrorAnswers } } }, async (request) => {
    requireStaff(request);
    const record = store.idChecks.get(request.params.id);
    if (!record) throw notFound(`ID check ${request.params.id}`);
    return idCheckView(record, idChecker.rules());
  });
}
