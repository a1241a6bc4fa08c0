import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMrz, shiftIsoDate } from '../support/mrz-generator.js';
import { documentedRoutes } from '../support/routes.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

/**
 * The API contract (contract/) as the OpenAPI document publishes it, held against the host's real
 * answers over a whole office day: every JSON answer must match its route's declared schema for
 * that status, and carry no field the schema does not declare.
 */

// 2026-11-25 09:00 Copenhagen (UTC+1).
const MORNING = Date.UTC(2026, 10, 25, 8, 0);
const TODAY = '2026-11-25';

type Schema = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
type Paths = Record<string, Record<string, Operation>>;

interface Answer {
  method: string;
  /** OpenAPI's spelling: `/api/tickets/{id}/start`. */
  template: string;
  status: number;
  body: unknown;
}

let running: TestHost;
let paths: Paths;
const answers: Answer[] = [];

/** One request, recorded with the route it went to. */
async function call(client: Client, method: string, template: string, params: Record<string, string | number> = {}, body?: unknown, query = '') {
  const route = template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
  const response = await client.request(method, route + query, body);
  answers.push({ method: method.toLowerCase(), template, status: response.status, body: response.body });
  return response;
}

/** The schema for a status: the exact one, else its range (`4XX`); null when the route declares neither. */
function declaredSchema(answer: Answer): Schema | null {
  const responses = paths[answer.template]?.[answer.method]?.responses ?? {};
  const declared = responses[String(answer.status)] ?? responses[`${String(answer.status)[0]}XX`];
  return declared?.content?.['application/json']?.schema ?? null;
}

/** The same schema with every object closed, so an undeclared field fails the check instead of passing it. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, closed(v)])) : closed(value)]));
  return 'properties' in copy && !('additionalProperties' in copy) ? { ...copy, additionalProperties: false } : copy;
}

function mismatches(answer: Answer): string[] {
  const schema = declaredSchema(answer);
  if (schema === null) return [`${answer.method.toUpperCase()} ${answer.template} ${answer.status}: no JSON schema declared`];
  return [...Value.Errors(closed(schema) as never, answer.body)].map(
    (error) => `${answer.method.toUpperCase()} ${answer.template} ${answer.status}: ${error.instancePath} ${error.message}`,
  );
}

beforeAll(async () => {
  const clock = new TestClock(MORNING);
  running = await startTestHost({ clock: clock.read });
  paths = (running.host.app.swagger() as { paths: Paths }).paths;
  const kiosk = new Client(running.url);
  const display = new Client(running.url);
  const [clerk] = await clerks(running.url, 1);
  const [manager] = await clerks(running.url, 1, 'manager');

  // The waiting room and the kiosk, before anyone comes.
  await call(display, 'GET', '/api/display');
  await call(kiosk, 'GET', '/api/services');
  await call(kiosk, 'GET', '/api/opening-hours');
  await call(kiosk, 'GET', '/api/health');

  // A citizen checks a passport at the kiosk and takes a MitID ticket; another takes an urgent one.
  const mrz = makeMrz({ issuingState: 'NOR', birthDate: '1980-01-01', expiryDate: shiftIsoDate(TODAY, { years: 1 }) });
  const check = await call(kiosk, 'POST', '/api/id-checks', {}, { mrz });
  const ticket = await call(kiosk, 'POST', '/api/tickets', {}, { serviceCode: 'M', idCheckId: check.body.id, supplementDeclared: true });
  await call(kiosk, 'POST', '/api/tickets', {}, { serviceCode: 'M', urgent: { reason: 'hospital_summons' } });

  // The clerk opens a counter, calls, serves and finishes, then finds nobody else once the queue is empty.
  await call(clerk!, 'GET', '/api/me');
  await call(clerk!, 'GET', '/api/counters');
  await call(clerk!, 'POST', '/api/counters/{id}/call-next', { id: 1 });
  await call(clerk!, 'POST', '/api/counters/{id}/open', { id: 1 });
  await call(clerk!, 'GET', '/api/queue');
  clock.advanceMinutes(5);
  const first = await call(clerk!, 'POST', '/api/counters/{id}/call-next', { id: 1 });
  await call(clerk!, 'POST', '/api/tickets/{id}/recall', { id: first.body.id });
  await call(clerk!, 'POST', '/api/tickets/{id}/start', { id: first.body.id });
  await call(clerk!, 'GET', '/api/counters/{id}', { id: 1 });
  clock.advanceMinutes(8);
  await call(clerk!, 'POST', '/api/tickets/{id}/finish', { id: first.body.id }, { outcome: 'referred' });
  await call(clerk!, 'POST', '/api/counters/{id}/call', { id: 1 }, { ticketId: ticket.body.id, reason: 'Contract test' });
  await call(clerk!, 'GET', '/api/tickets/{id}', { id: ticket.body.id });
  await call(clerk!, 'GET', '/api/id-checks/{id}', { id: check.body.id });
  await call(clerk!, 'POST', '/api/tickets/{id}/start', { id: ticket.body.id });
  clock.advanceMinutes(12);
  await call(clerk!, 'POST', '/api/tickets/{id}/finish', { id: ticket.body.id }, { outcome: 'mitid_issued' });
  await call(clerk!, 'POST', '/api/counters/{id}/call-next', { id: 1 });
  await call(clerk!, 'POST', '/api/counters/{id}/walk-up', { id: 1 }, { serviceCode: 'M' });
  await call(display, 'GET', '/api/display');

  // A booking for later today.
  const booked = await call(clerk!, 'POST', '/api/appointments', {}, { serviceCode: 'M', start: '2026-11-25T14:00:00+01:00', name: 'AB' });
  await call(kiosk, 'POST', '/api/appointments/lookup', {}, { code: booked.body.code });
  await call(clerk!, 'GET', '/api/appointments', {}, undefined, `?day=${TODAY}`);
  await call(kiosk, 'POST', '/api/appointments/check-in', {}, { code: booked.body.code });
  const other = await call(clerk!, 'POST', '/api/appointments', {}, { serviceCode: 'M', start: '2026-11-25T15:00:00+01:00' });
  await call(clerk!, 'PATCH', '/api/appointments/{id}', { id: other.body.id }, { start: '2026-11-25T15:30:00+01:00' });
  await call(clerk!, 'DELETE', '/api/appointments/{id}', { id: other.body.id });

  // The manager's figures and settings.
  for (const template of ['/api/stats', '/api/stats/intraday', '/api/stats/daily-summaries']) {
    await call(manager!, 'GET', template, {}, undefined, `?from=${TODAY}&to=${TODAY}`);
  }
  for (const groupBy of ['service', 'counter', 'clerk', 'hour', 'priority']) {
    await call(manager!, 'GET', '/api/stats', {}, undefined, `?from=${TODAY}&to=${TODAY}&groupBy=${groupBy}`);
  }
  for (const template of [
    '/api/config/services',
    '/api/config/counters',
    '/api/config/id-rules',
    '/api/config/queue-policy',
    '/api/config/issuance-limits',
    '/api/config/opening-hours',
    '/api/config/retention',
    '/api/config/appointment-rules',
    '/api/staff',
    '/api/audit',
  ]) {
    await call(manager!, 'GET', template);
  }
  // Settings written back as read, and the admin's own business.
  for (const template of ['/api/config/queue-policy', '/api/config/issuance-limits', '/api/config/retention', '/api/config/opening-hours']) {
    const current = await manager!.get(template);
    await call(manager!, 'PUT', template, {}, current.body);
  }
  await call(manager!, 'POST', '/api/audit/verify');
  const admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
  const paired = await call(admin, 'POST', '/api/kiosk-devices', {}, { name: 'Indgang' });
  await call(admin, 'GET', '/api/kiosk-devices');
  await call(admin, 'POST', '/api/kiosk-devices/{id}/revoke', { id: paired.body.id });
  await call(clerk!, 'GET', '/api/stats', {}, undefined, `?from=${TODAY}&to=${TODAY}`);
  await call(clerk!, 'POST', '/api/auth/logout');
}, 60_000);

afterAll(async () => {
  await running.stop();
});

describe('the OpenAPI document', () => {
  it('declares a JSON schema for the success answer of every route, and a media type for streams and files', () => {
    const undeclared = documentedRoutes(running.host).filter(({ method, template }) => {
      const responses = paths[template]![method.toLowerCase()]!.responses ?? {};
      const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      return success.length === 0 || success.some(([status, declared]) => status !== '204' && Object.values(declared.content ?? {}).every((media) => media.schema === undefined));
    });
    expect(undeclared).toEqual([]);
  });

  it('declares the error shape for the 4xx and 5xx of every route', () => {
    const without = documentedRoutes(running.host).filter(({ method, template }) => {
      const responses = paths[template]![method.toLowerCase()]!.responses ?? {};
      return !responses['4XX'] || !responses['5XX'];
    });
    expect(without).toEqual([]);
  });
});

describe('a full office day against the contract', () => {
  it('gets every answer it asked for: success answers, a 204, refusals', () => {
    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].sort()).toEqual([200, 201, 204, 403, 409]);
  });

  it('matches every JSON answer to the schema its route declares for that status, with no undeclared field', () => {
    expect(answers.filter((a) => a.status !== 204).flatMap(mismatches)).toEqual([]);
  });

  it('refuses an answer that carries a field the schema does not declare (the check can fail)', () => {
    const ticket = answers.find((a) => a.template === '/api/tickets/{id}' && a.status === 200)!;
    expect(mismatches(ticket)).toEqual([]);
    expect(mismatches({ ...ticket, body: { ...(ticket.body as object), documentNumber: 'X1234567' } })).not.toEqual([]);
  });
});
