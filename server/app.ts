import Fastify, { LogController, type FastifyError } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { identifyCaller } from './auth.js';
import type { App, HostContext } from './context.js';
import { ApiError, apiErrorOf } from './errors.js';
import { registerRequestGuards } from './request-guards.js';
import { ADMINS, MANAGERS, restrictedRoutes } from './route-groups.js';
import { staticRoutes } from './static.js';
import { officeValidatorCompiler } from './validation.js';
import { adminRoutes } from './routes/admin.js';
import { appointmentRoutes } from './routes/appointments.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { configRoutes } from './routes/config.js';
import { counterConfigRoutes } from './routes/config-counters.js';
import { serviceConfigRoutes } from './routes/config-services.js';
import { counterRoutes } from './routes/counters.js';
import { displayRoutes } from './routes/display.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { idCheckRoutes } from './routes/id-checks.js';
import { kioskDeviceRoutes } from './routes/kiosk-devices.js';
import { openingHoursRoutes } from './routes/opening-hours.js';
import { planningRoutes } from './routes/planning.js';
import { queueRoutes } from './routes/queue.js';
import { retentionRoutes } from './routes/retention.js';
import { scannerRoutes } from './routes/scanner.js';
import { serviceRoutes } from './routes/services.js';
import { staffRoutes } from './routes/staff.js';
import { statsRoutes } from './routes/stats.js';
import { ticketRoutes } from './routes/tickets.js';

export interface AppOptions {
  logLevel: string;
  https?: { cert: Buffer; key: Buffer } | undefined;
}

/** The office host's HTTP side: API, live stream, OpenAPI document and the built renderer. */
export async function buildApp(ctx: HostContext, options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: { level: options.logLevel },
    // Personal data never reaches a log: request logs hold method, route and status only.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    ...(options.https ? { https: options.https } : {}),
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Bodies must have exactly the declared types (no "12" for 12); path and query strings are
  // converted to the numbers they spell, path ids only from plain decimal digits.
  app.setValidatorCompiler(officeValidatorCompiler);

  app.setErrorHandler((thrown: FastifyError, request, reply) => {
    // Refusals of the office get their status here, and a disk that refused a change gives 503 not_saved.
    const error = apiErrorOf(thrown) ?? thrown;
    if (error instanceof ApiError) {
      // A deliberate 5xx (a change whose transaction failed) still means the disk or the
      // database is in trouble. The cause's name and code only: SQLite messages can quote values.
      if (error.status >= 500) {
        const cause = error.cause as { name?: unknown; code?: unknown } | undefined;
        request.log.error({ err: { name: cause?.name, code: cause?.code } }, error.code);
      }
      return reply.status(error.status).headers(error.headers).send({ error: { code: error.code, message: error.message } });
    }
    if (error.validation) {
      return reply.status(400).send({ error: { code: 'invalid_request', message: error.message } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: clientErrorCode(status, error), message: error.message } });
    }
    request.log.error({ err: { name: error.name, code: error.code, stack: error.stack } }, 'unexpected error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on the office host. Please try again.' } });
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Svelte sets inline style attributes for transitions and dynamic sizes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // Without TLS (a loopback host, or a deliberate insecure LAN) HSTS would lock browsers out.
    strictTransportSecurity: Boolean(options.https),
  });
  await app.register(swagger, {
    openapi: {
      // 3.1 speaks JSON Schema: the contract's schemas appear as they are (null as a type, not `nullable`).
      openapi: '3.1.0',
      info: { title: 'Borgerservice office host', version: '1.0.0', description: 'Queue, ID pre-check and statistics API.' },
    },
  });

  registerRequestGuards(app, ctx.config, options.https?.cert);
  app.decorateRequest('caller', null as never);
  app.addHook('onRequest', async (request) => {
    request.caller = identifyCaller(request, ctx.store, {
      idleMinutes: ctx.config.sessionIdleMinutes,
      clock: ctx.config.clock,
      onExpired: (staffId, tokenHash) => ctx.signIn.sessionExpired(tokenHash, staffId),
    });
  });

  serviceRoutes(app, ctx);
  ticketRoutes(app, ctx);
  idCheckRoutes(app, ctx);
  counterRoutes(app, ctx);
  queueRoutes(app, ctx);
  displayRoutes(app, ctx);
  authRoutes(app, ctx);
  staffRoutes(app, ctx);
  restrictedRoutes(app, MANAGERS, (managers) => {
    statsRoutes(managers, ctx);
    configRoutes(managers, ctx);
    serviceConfigRoutes(managers, ctx);
    counterConfigRoutes(managers, ctx);
    auditRoutes(managers, ctx);
    retentionRoutes(managers, ctx);
    planningRoutes(managers, ctx);
  });
  restrictedRoutes(app, ADMINS, (admins) => {
    adminRoutes(admins, ctx);
    kioskDeviceRoutes(admins, ctx);
  });
  openingHoursRoutes(app, ctx);
  eventRoutes(app, ctx);
  scannerRoutes(app, ctx);
  healthRoutes(app, ctx);
  appointmentRoutes(app, ctx);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await staticRoutes(app, ctx.config.rendererDir);
  return app;
}

function clientErrorCode(status: number, error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'invalid_json';
  if (status === 413) return 'body_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  return 'bad_request';
}
