import { Type } from 'typebox';
import { IdParams } from '../../contract/common.js';
import { KioskDeviceView, PairedKioskView, PairKioskRequest } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import type { KioskDevice } from '../../office/kiosk-devices.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { hashToken, newToken } from '../secrets.js';

const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

function toView(device: KioskDevice): KioskDeviceView {
  return { id: device.id, name: device.name, pairedAt: new Date(device.pairedAt).toISOString(), lastSeenAt: iso(device.lastSeenAt), revokedAt: iso(device.revokedAt) };
}

/**
 * Kiosk PCs and their bearer tokens, an admin's business: pairing gives a token shown once;
 * revoking a lost or replaced PC refuses its token from then on, from any address (server/auth.ts).
 */
export function kioskDeviceRoutes(app: App, { kioskDevices }: HostContext): void {
  app.get(
    '/api/kiosk-devices',
    { schema: { tags: ['kiosks'], summary: 'Paired kiosk PCs: paired, last seen, revoked (admin)', response: { 200: Type.Array(KioskDeviceView), ...ErrorAnswers } } },
    async (request) => {
      return kioskDevices.list().map(toView);
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
      const actor = requireStaff(request);
      const token = newToken();
      const id = kioskDevices.pair(request.body.name, hashToken(token), actor.id);
      return reply.status(201).send({ id, name: request.body.name, token });
    },
  );

  app.post(
    '/api/kiosk-devices/:id/revoke',
    { schema: { tags: ['kiosks'], summary: 'Revoke a kiosk PC: its token is refused from now on (admin)', params: IdParams, response: { 200: KioskDeviceView, ...ErrorAnswers } } },
    async (request) => {
      const actor = requireStaff(request);
      return toView(kioskDevices.revoke(request.params.id, actor.id));
    },
  );
}
