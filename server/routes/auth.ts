import { Type } from 'typebox';
import { SESSION_COOKIE, requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { unauthorized } from '../errors.js';
import { hashToken, newToken, verifyPassword } from '../secrets.js';

const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

/** A hash no password matches, at the configured cost, so an unknown username takes as long as a wrong password. */
const unmatchableHash = (cost: number) => `scrypt$${2 ** cost}$8$1$${'A'.repeat(22)}==$${'A'.repeat(43)}=`;

export function authRoutes(app: App, { store, office, config }: HostContext): void {
  const noSuchUserHash = unmatchableHash(config.passwordHashCost);
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: LoginBody },
      // Guessing one account's password is slowed to a crawl; a clerk who mistypes a few times,
      // or colleagues logging in one after another at a shared PC, are not.
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const found = store.staff.findForLogin(request.body.username);
      const passwordOk = await verifyPassword(request.body.password, found?.passwordHash ?? noSuchUserHash);
      if (!found || !passwordOk || !found.member.active) throw unauthorized('Wrong username or password.');
      const token = newToken();
      const now = config.clock();
      store.sessions.create(hashToken(token), found.member.id, now);
      office.record({ at: now, type: 'staff.login', ticketId: null, counterId: null, staffId: found.member.id, data: {} });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: Boolean(config.tls),
        path: '/',
      });
      return { staff: found.member, counterId: store.counters.heldBy(found.member.id)?.id ?? null };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const staff = requireStaff(request);
    office.leaveCounter(staff.id);
    if (request.caller.sessionTokenHash) store.sessions.delete(request.caller.sessionTokenHash);
    office.record({ at: config.clock(), type: 'staff.logout', ticketId: null, counterId: null, staffId: staff.id, data: {} });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/me', { schema: { tags: ['auth'] } }, async (request) => {
    const staff = requireStaff(request);
    const counter = store.counters.heldBy(staff.id);
    return { staff, counterId: counter?.id ?? null };
  });
}
