import { Type } from 'typebox';
import { requireKioskOrStaff, requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { notFound } from '../errors.js';
import { idCheckView } from '../../office/id-checker.js';
import { IdParams } from './schemas.js';

/** A TD3 zone is 2 × 44 characters; readers add line ends and padding. Anything far longer is not a scan. */
const MAX_MRZ_LENGTH = 400;

export function idCheckRoutes(app: App, { idChecker, store }: HostContext): void {
  app.post(
    '/api/id-checks',
    {
      schema: {
        tags: ['id-checks'],
        summary: 'Check a scanned machine-readable zone against the MitID document rules; only the outcome is stored',
        body: Type.Object({ mrz: Type.String({ maxLength: MAX_MRZ_LENGTH }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      requireKioskOrStaff(request);
      const source = request.caller.staff ? 'counter' : 'kiosk';
      return reply.status(200).send(idCheckView(idChecker.check(request.body.mrz, source), idChecker.rules()));
    },
  );

  app.get('/api/id-checks/:id', { schema: { tags: ['id-checks'], params: IdParams } }, async (request) => {
    requireStaff(request);
    const record = store.idChecks.get(request.params.id);
    if (!record) throw notFound(`ID check ${request.params.id}`);
    return idCheckView(record, idChecker.rules());
  });
}
