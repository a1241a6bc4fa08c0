import { ErrorAnswers, NoContent } from '../../contract/errors.js';
import { LoginRequest, MeView } from '../../contract/staff.js';
import { AttemptWindow } from '../../core/attempt-window.js';
import { SESSION_COOKIE, requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { ApiError } from '../errors.js';
import { hashToken, newToken } from '../secrets.js';

/**
 * Login tries a PC may make a minute, whatever user names it tries: colleagues logging in one
 * after another at a shared PC stay far below it, a script rotating through names does not.
 */
export const LOGINS_PER_ADDRESS_PER_MINUTE = 30;
/** Tries at one account from one PC a minute: a clerk who mistypes a few times is not slowed. */
export const LOGINS_PER_ACCOUNT_PER_MINUTE = 10;

export function authRoutes(app: App, { store, signIn, config }: HostContext): void {
  // Counted by hand: @fastify/rate-limit applies only the first of several limits on one route.
  const loginsPerAddress = new AttemptWindow(LOGINS_PER_ADDRESS_PER_MINUTE, 60_000);
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: LoginRequest, response: { 200: MeView, ...ErrorAnswers } },
      // Counted before the body is read, so malformed tries count too.
      onRequest: async (request) => {
        const verdict = loginsPerAddress.hit(request.ip, config.clock());
        if (!verdict.allowed) {
          throw new ApiError(429, 'rate_limited', 'Too many login attempts from this PC. Wait a minute.', { 'retry-after': String(verdict.retryAfterSeconds) });
        }
      },
      config: {
        rateLimit: {
          max: LOGINS_PER_ACCOUNT_PER_MINUTE,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) => `login|${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const token = newToken();
      const signedIn = await signIn.logIn(request.body.username, request.body.password, request.ip, hashToken(token));
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: Boolean(config.tls),
        path: '/',
      });
      return signedIn;
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 204: NoContent, ...ErrorAnswers } } }, async (request, reply) => {
    const staff = requireStaff(request);
    signIn.logOut(staff.id, request.caller.sessionTokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/me', { schema: { tags: ['auth'], response: { 200: MeView, ...ErrorAnswers } } }, async (request) => {
    const staff = requireStaff(request);
    const counter = store.counters.heldBy(staff.id);
    return { staff, counterId: counter?.id ?? null };
  });
}
