import { Type } from 'typebox';
import { IdParams } from '../../contract/common.js';
import { KioskDeviceView, PairedKioskView, PairKioskRequest } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import type { KioskDevice } from '../../db/kiosk-devices.js';
import { requireStaff } from '../auth.js';
import { commitWithEvents } from '../commit.js';
import type { App, HostContext } from '../context.js';
import { notFound } from '../errors.js';
import { hashToken, newToken } from '../secrets.js';

const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

function toView(device: KioskDevice): KioskDeviceView {
  return { id: device.id, name: device.name, pairedAt: new Date(device.pairedAt).toISOString(), lastSeenAt: iso(device.lastSeenAt), revokedAt: iso(device.revokedAt) };
}

/**
 * Kiosk PCs and their bearer tokens, an admin's business: pairing gives a token shown once;
 * revoking a lost or replaced PC refuses its token from then on, from any address (server/auth.ts).
 */
export function kioskDeviceRoutes(app: App, { store, office, bus, config }: HostContext): void {
  app.get(
    '/api/kiosk-devices',
    { schema: { tags: ['kiosks'], summary: 'Paired kiosk PCs: paired, last seen, revoked (admin)', response: { 200: Type.Array(KioskDeviceView), ...ErrorAnswers } } },
    async (request) => {
      requireStaff(request, ['admin']);
      return store.kioskDevices.list().map(toView);
    },
  );

  app.post(
    '/api/kiosk-devices',
    {
      schema: {
        tags: ['kiosks'],
        summary: 'Pair a kiosk PC: the bearer token is shown once (admin)',
        body: PairKioskRequest,
        response: { 201: PairedKioskView, ...ErrorAnswers },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request, ['admin']);
      const token = newToken();
      const now = config.clock();
      const id = store.kioskDevices.create(request.body.name, hashToken(token), now);
      office.record({ at: now, type: 'kiosk.paired', ticketId: null, counterId: null, staffId: actor.id, data: { kioskId: id } });
      return reply.status(201).send({ id, name: request.body.name, token });
    },
  );

  // Idempotent: revoking twice (a double click, a retry after a lost answer) is not an error, and
  // the log records the one moment the token stopped working.
  app.post(
    '/api/kiosk-devices/:id/revoke',
    { schema: { tags: ['kiosks'], summary: 'Revoke a kiosk PC: its token is refused from now on (admin)', params: IdParams, response: { 200: KioskDeviceView, ...ErrorAnswers } } },
    async (request) => {
      const actor = requireStaff(request, ['admin']);
      const { id } = request.params;
      return commitWithEvents(store, bus, () => {
        if (!store.kioskDevices.get(id)) throw notFound(`Kiosk ${id}`);
        const now = config.clock();
        const revoked = store.kioskDevices.revoke(id, now);
        const events = revoked ? [{ at: now, type: 'kiosk.revoked' as const, ticketId: null, counterId: null, staffId: actor.id, data: { kioskId: id } }] : [];
        return { result: toView(store.kioskDevices.get(id)!), events };
      });
    },
  );
}
