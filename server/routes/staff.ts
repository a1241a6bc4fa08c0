import { Type } from 'typebox';
import { IdParams } from '../../contract/common.js';
import { ErrorAnswers } from '../../contract/errors.js';
import { CreateStaffRequest, DeactivatedStaffView, PasswordSetView, SetPasswordRequest, StaffView, UpdateStaffRequest } from '../../contract/staff.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { conflict, forbidden } from '../errors.js';
import { StaffAccounts } from '../staff-accounts.js';

const StaffAnswers = { response: { 200: StaffView, ...ErrorAnswers } };

/** Password changes (own or someone else's) one account may make a minute. */
export const PASSWORD_CHANGES_PER_MINUTE = 10;

export function staffRoutes(app: App, ctx: HostContext): void {
  const { store, office, config, passwords } = ctx;
  const accounts = new StaffAccounts(ctx);

  app.get('/api/staff', { schema: { tags: ['staff'], response: { 200: Type.Array(StaffView), ...ErrorAnswers } } }, async (request) => {
    requireStaff(request, ['manager', 'admin']);
    return store.staff.list();
  });

  app.post('/api/staff', { schema: { tags: ['staff'], body: CreateStaffRequest, response: { 201: StaffView, ...ErrorAnswers } } }, async (request, reply) => {
    const actor = requireStaff(request, ['manager', 'admin']);
    // A manager runs the floor; only an admin can create another admin.
    if (request.body.role === 'admin' && actor.role !== 'admin') throw forbidden('Only an admin can create an admin.');
    if (store.staff.findForLogin(request.body.username)) {
      throw conflict('username_taken', `The username "${request.body.username}" is taken.`);
    }
    const member = store.staff.create({
      username: request.body.username,
      displayName: request.body.displayName,
      role: request.body.role,
      passwordHash: await passwords.hash(request.ip, request.body.password),
      createdAt: config.clock(),
    });
    office.record({ at: config.clock(), type: 'staff.created', ticketId: null, counterId: null, staffId: actor.id, data: { createdStaffId: member.id, role: member.role } });
    return reply.status(201).send(member);
  });

  // Managers look after clerks and managers, admins after everyone (core/staff-rules.ts).
  app.patch('/api/staff/:id', { schema: { tags: ['staff'], summary: 'Change display name or role', params: IdParams, body: UpdateStaffRequest, ...StaffAnswers } }, async (request) => {
    const actor = requireStaff(request, ['manager', 'admin']);
    return accounts.update(actor, request.params.id, request.body);
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

  app.post('/api/staff/:id/deactivate', { schema: { tags: ['staff'], summary: 'No more logins; sessions end; history kept', params: IdParams, response: { 200: DeactivatedStaffView, ...ErrorAnswers } } }, async (request) => {
    const actor = requireStaff(request, ['manager', 'admin']);
    return accounts.deactivate(actor, request.params.id);
  });

  app.post('/api/staff/:id/reactivate', { schema: { tags: ['staff'], params: IdParams, ...StaffAnswers } }, async (request) => {
    const actor = requireStaff(request, ['manager', 'admin']);
    return accounts.reactivate(actor, request.params.id);
  });
}
