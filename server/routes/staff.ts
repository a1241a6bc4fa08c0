import { Type } from 'typebox';
import { STAFF_ROLES } from '../../core/types.js';
import { requireStaff } from '../auth.js';
import { MANAGERS, restrictedRoutes } from '../route-groups.js';
import type { App, HostContext } from '../context.js';
import { IdParams } from './schemas.js';

const Password = Type.String({ minLength: 10, maxLength: 200 });

/** Password changes (own or someone else's) one account may make a minute. */
export const PASSWORD_CHANGES_PER_MINUTE = 10;

const CreateStaffBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-zA-Z0-9._-]{2,40}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 80 }),
    password: Password,
    role: Type.Enum(STAFF_ROLES),
  },
  { additionalProperties: false },
);

const UpdateStaffBody = Type.Object(
  { displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' })), role: Type.Optional(Type.Enum(STAFF_ROLES)) },
  { additionalProperties: false },
);

export function staffRoutes(app: App, ctx: HostContext): void {
  const accounts = ctx.staffAccounts;

  restrictedRoutes(app, MANAGERS, (managers) => {
    managers.get('/api/staff', { schema: { tags: ['staff'] } }, async () => accounts.list());

    managers.post('/api/staff', { schema: { tags: ['staff'], body: CreateStaffBody } }, async (request, reply) => {
      const actor = requireStaff(request);
      const member = await accounts.create(actor, request.body, request.ip);
      return reply.status(201).send(member);
    });

    // Managers look after clerks and managers, admins after everyone (core/staff-rules.ts).
    managers.patch('/api/staff/:id', { schema: { tags: ['staff'], summary: 'Change display name or role', params: IdParams, body: UpdateStaffBody } }, async (request) => {
      const actor = requireStaff(request);
      return accounts.update(actor, request.params.id, request.body);
    });

    managers.post('/api/staff/:id/deactivate', { schema: { tags: ['staff'], summary: 'No more logins; sessions end; history kept', params: IdParams } }, async (request) => {
      const actor = requireStaff(request);
      return accounts.deactivate(actor, request.params.id);
    });

    managers.post('/api/staff/:id/reactivate', { schema: { tags: ['staff'], params: IdParams } }, async (request) => {
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
        body: Type.Object(
          { password: Password, currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      // Any role: a clerk may change their own password; core/staff-rules.ts refuses the rest.
      const actor = requireStaff(request);
      return accounts.resetPassword(actor, request.params.id, request.body, request.caller.sessionTokenHash, request.ip);
    },
  );
}
