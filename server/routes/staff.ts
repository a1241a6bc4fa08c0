import { Type } from 'typebox';
import { IdParams } from '../../contract/common.js';
import { ErrorAnswers } from '../../contract/errors.js';
import { CreateStaffRequest, DeactivatedStaffView, PasswordSetView, SetPasswordRequest, StaffView, UpdateStaffRequest } from '../../contract/staff.js';
import { requireStaff } from '../auth.js';
import { MANAGERS, restrictedRoutes } from '../route-groups.js';
import type { App, HostContext } from '../context.js';

const StaffAnswers = { response: { 200: StaffView, ...ErrorAnswers } };

/** Password changes (own or someone else's) one account may make a minute. */
export const PASSWORD_CHANGES_PER_MINUTE = 10;

export function staffRoutes(app: App, ctx: HostContext): void {
  const accounts = ctx.staffAccounts;

  restrictedRoutes(app, MANAGERS, (managers) => {
    managers.get('/api/staff', { schema: { tags: ['staff'], response: { 200: Type.Array(StaffView), ...ErrorAnswers } } }, async () => accounts.list());

    managers.post('/api/staff', { schema: { tags: ['staff'], body: CreateStaffRequest, response: { 201: StaffView, ...ErrorAnswers } } }, async (request, reply) => {
      const actor = requireStaff(request);
      const member = await accounts.create(actor, request.body, request.ip);
      return reply.status(201).send(member);
    });

    // Managers look after clerks and managers, admins after everyone (core/staff-rules.ts).
    managers.patch('/api/staff/:id', { schema: { tags: ['staff'], summary: 'Change display name or role', params: IdParams, body: UpdateStaffRequest, ...StaffAnswers } }, async (request) => {
      const actor = requireStaff(request);
      return accounts.update(actor, request.params.id, request.body);
    });

    managers.post('/api/staff/:id/deactivate', { schema: { tags: ['staff'], summary: 'No more logins; sessions end; history kept', params: IdParams, response: { 200: DeactivatedStaffView, ...ErrorAnswers } } }, async (request) => {
      const actor = requireStaff(request);
      return accounts.deactivate(actor, request.params.id);
    });

    managers.post('/api/staff/:id/reactivate', { schema: { tags: ['staff'], params: IdParams, ...StaffAnswers } }, async (request) => {
      const actor = requireStaff(request);
      return accounts.reactivate(actor, request.params.id);
    });
  });

  app.post(
    '/api/staff/:id/password',
    {
      // Someone at a browser left logged in must not be able to guess the current password at
      // the speed of the hash: tries a minute per account, from wherever they come.
      config: {
        rateLimit: {
          max: PASSWORD_CHANGES_PER_MINUTE,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) => `password|${request.caller.staff?.id ?? request.ip}`,
        },
      },
      schema: {
        tags: ['staff'],
        summary: "Set a new password; ends the member's other sessions. Your own (any role) needs currentPassword.",
        params: IdParams,
        body: SetPasswordRequest,
        response: { 200: PasswordSetView, ...ErrorAnswers },
      },
    },
    async (request) => {
      // Any role: a clerk may change their own password; core/staff-rules.ts refuses the rest.
      const actor = requireStaff(request);
      return accounts.resetPassword(actor, request.params.id, request.body, request.caller.sessionTokenHash, request.ip);
    },
  );
}
