import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMrz, type GeneratedKind } from '../support/mrz-generator.js';
import { sessionCookie } from '../support/sse.js';
import { ADMIN_PASSWORD, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
let adminCookie: string;
beforeAll(async () => {
  running = await startTestHost({}, { SCANNER: 'simulator' });
  adminCookie = await sessionCookie(running.url, 'admin', ADMIN_PASSWORD);
  // Something for the ids to find: ID checks, waiting tickets, and a counter the admin holds.
  for (const kind of ['passport', 'id_card'] as const) {
    expect((await send('POST', '/api/id-checks', JSON.stringify({ mrz: makeMrz({ kind }) }), 'application/json')).status).toBe(200);
  }
  for (const serviceCode of 'MPKAMPKA') expect((await send('POST', '/api/tickets', JSON.stringify({ serviceCode }), 'application/json')).status).toBe(201);
  expect((await send('POST', '/api/counters/1/open', '{}', 'application/json')).status).toBe(200);
});
afterAll(async () => running.stop());

const RUNS_PER_ROUTE = 200;

interface Answer {
  status: number;
  text: string;
}

/** One request as an admin on the host PC: the caller who gets furthest into every route. */
async function send(method: string, route: string, body: string | undefined, contentType: string | undefined): Promise<Answer> {
  const headers: Record<string, string> = { cookie: adminCookie };
  if (contentType) headers['content-type'] = contentType;
  const response = await fetch(running.url + route, { method, headers, body });
  return { status: response.status, text: await response.text() };
}

/** Never a crash; a refusal is always the API's `{ error: { code, message } }`, nothing more. */
function expectWellFormed(answer: Answer, what: string): void {
  expect(answer.status, `${what} → ${answer.status} ${answer.text.slice(0, 200)}`).toBeLessThan(500);
  if (answer.status >= 400) {
    const body = JSON.parse(answer.text);
    expect(Object.keys(body), what).toEqual(['error']);
    expect(Object.keys(body.error).sort(), what).toEqual(['code', 'message']);
    expect(typeof body.error.code).toBe('string');
    expect(typeof body.error.message).toBe('string');
  }
}

async function expectHealthy(): Promise<void> {
  expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
}

/** Mostly what a route accepts, sometimes not: so fuzzing gets past validation into the handlers, too. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: odd, weight: 1 });

const plausible = {
  serviceCode: mostly(fc.constantFrom('M', 'P', 'K', 'A'), fc.oneof(fc.constantFrom('Z', 'm', ''), fc.string({ maxLength: 3 }))),
  id: mostly(fc.integer({ min: 1, max: 8 }), fc.oneof(fc.integer({ min: -2, max: 0 }), fc.constantFrom(2 ** 31, 2 ** 53, 1.5, '1'))),
  name: mostly(fc.oneof(fc.constant('admin'), fc.stringMatching(/^[a-z0-9._-]{2,20}$/)), fc.string({ maxLength: 90 })),
  password: mostly(fc.oneof(fc.string({ minLength: 10, maxLength: 30 }), fc.constant(ADMIN_PASSWORD)), fc.string({ maxLength: 210 })),
  role: mostly(fc.constantFrom('clerk', 'manager', 'admin'), fc.constantFrom('root', '')),
  outcome: mostly(fc.constantFrom('mitid_issued', 'refused_no_valid_id', 'referred', 'other'), fc.constantFrom('done', '')),
  urgent: mostly(fc.record({ reason: fc.constantFrom('hospital_summons', 'other') }), fc.jsonValue()),
  bool: mostly(fc.boolean(), fc.jsonValue()),
  mrz: mostly(fc.constantFrom(makeMrz(), makeMrz({ kind: 'id_card' })), fc.string({ maxLength: 450 })),
  int: mostly(fc.integer({ min: 0, max: 100 }), fc.jsonValue()),
  states: mostly(fc.array(fc.constantFrom('DNK', 'SWE', 'D<<')), fc.jsonValue()),
};

interface FuzzedRoute {
  method: 'POST' | 'PUT';
  /** `:id` is replaced by a fuzzed path segment. */
  path: string;
  fields: Record<string, fc.Arbitrary<unknown>>;
  required: string[];
}

const ROUTES: FuzzedRoute[] = [
  {
    method: 'POST',
    path: '/api/tickets',
    fields: { serviceCode: plausible.serviceCode, idCheckId: plausible.id, urgent: plausible.urgent, supplementDeclared: plausible.bool, manualIdCheck: plausible.bool },
    required: ['serviceCode'],
  },
  { method: 'POST', path: '/api/id-checks', fields: { mrz: plausible.mrz }, required: ['mrz'] },
  { method: 'POST', path: '/api/auth/login', fields: { username: plausible.name, password: plausible.password }, required: ['username', 'password'] },
  {
    method: 'POST',
    path: '/api/staff',
    fields: { username: plausible.name, displayName: plausible.name, password: plausible.password, role: plausible.role },
    required: ['username', 'displayName', 'password', 'role'],
  },
  { method: 'POST', path: '/api/counters/:id/call', fields: { ticketId: plausible.id, reason: plausible.name }, required: ['ticketId', 'reason'] },
  { method: 'POST', path: '/api/counters/:id/walk-up', fields: { serviceCode: plausible.serviceCode }, required: ['serviceCode'] },
  { method: 'POST', path: '/api/tickets/:id/finish', fields: { outcome: plausible.outcome }, required: ['outcome'] },
  { method: 'POST', path: '/api/tickets/:id/transfer', fields: { serviceCode: plausible.serviceCode }, required: ['serviceCode'] },
  { method: 'POST', path: '/api/kiosk-devices', fields: { name: plausible.name }, required: ['name'] },
  { method: 'POST', path: '/api/dev/scans', fields: { mrz: plausible.mrz }, required: ['mrz'] },
  {
    method: 'PUT',
    path: '/api/config/queue-policy',
    fields: { maxConsecutiveUrgent: plausible.int, guardMinutes: plausible.int },
    required: ['maxConsecutiveUrgent', 'guardMinutes'],
  },
  { method: 'PUT', path: '/api/config/id-rules', fields: { minimumAge: plausible.int, domesticStates: plausible.states, acceptSpecimenStates: plausible.bool }, required: [] },
];

/** A path segment where an id belongs: mostly one that exists, also what a URL can carry that is not an id. */
const pathId = mostly(
  fc.integer({ min: 1, max: 8 }).map(String),
  fc.oneof(
    fc.integer({ min: -3, max: 2 ** 40 }).map(String),
    fc.constantFrom('0', '9007199254740993', '1e3', '1.5', '0x1', '%20', '%00', 'null', '..', ''),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  ),
);

/** Bodies of every kind: route-shaped objects (now and then with a missing or extra key), any JSON, and text that is not JSON. */
function bodyFor(route: FuzzedRoute): fc.Arbitrary<string> {
  const shaped = fc
    .tuple(
      mostly(fc.record(route.fields, { requiredKeys: route.required }), fc.record(route.fields, { requiredKeys: [] })),
      mostly(fc.constant({}), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { minKeys: 1, maxKeys: 2 })),
    )
    .map(([fields, extra]) => JSON.stringify({ ...extra, ...fields }));
  return fc.oneof(
    { arbitrary: shaped, weight: 4 },
    { arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary' }), weight: 1 },
    { arbitrary: fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)), weight: 1 },
  );
}

const contentType = mostly(fc.constant('application/json'), fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', undefined));

describe('fuzzed request bodies and path ids', () => {
  for (const route of ROUTES) {
    it(`${route.method} ${route.path}: never a 5xx, always the error shape on a 4xx, and the host stays up`, async () => {
      await fc.assert(
        fc.asyncProperty(pathId, bodyFor(route), contentType, async (id, body, type) => {
          const path = route.path.replace(':id', id);
          expectWellFormed(await send(route.method, path, body, type), `${route.method} ${path} ${body.slice(0, 120)}`);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
      await expectHealthy();
    });
  }
});

const MRZ_CHARACTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'];
const mrzCharacter = fc.constantFrom(...MRZ_CHARACTERS);
/** What a reader or a keyboard wedge adds: line ends, spaces, lower case, Danish letters, control characters, emoji. */
const noise = fc.oneof(
  fc.constantFrom('\n', '\r\n', '\r', ' ', '\t', 'æ', 'Ø', 'å', '«', '\u0000', '\u001b', '\u2028', '👍', '<<<<'),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);

const scannedZone = fc
  .tuple(
    fc.constantFrom<GeneratedKind>('passport', 'id_card', 'residence_permit', 'visa'),
    fc.array(fc.tuple(fc.nat(), fc.oneof(noise, mrzCharacter, fc.constant(''))), { maxLength: 6 }),
  )
  .map(([kind, edits]) => {
    let text = makeMrz({ kind });
    for (const [at, insert] of edits) {
      const position = at % (text.length + 1);
      // An empty insert deletes the character there instead.
      text = insert === '' ? text.slice(0, position) + text.slice(position + 1) : text.slice(0, position) + insert + text.slice(position);
    }
    return text;
  });

const mrzLike = fc.oneof(
  scannedZone,
  fc.string({ unit: fc.oneof({ arbitrary: mrzCharacter, weight: 12 }, { arbitrary: noise, weight: 1 }), maxLength: 120 }),
  // Around the 400-character limit, and well past it.
  fc.string({ unit: mrzCharacter, minLength: 390, maxLength: 410 }),
  fc.string({ unit: fc.oneof(mrzCharacter, noise), minLength: 380, maxLength: 700 }),
);

const VERDICTS = ['accepted', 'supplement_required', 'rejected'];

describe('fuzzed machine-readable zones', () => {
  it('get a verdict (200) up to 400 characters and 400 beyond, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(mrzLike, async (mrz) => {
        const answer = await send('POST', '/api/id-checks', JSON.stringify({ mrz }), 'application/json');
        const length = [...mrz].length;
        if (length > 400) {
          expect(answer.status, `${length} characters`).toBe(400);
          expectWellFormed(answer, 'an over-long zone');
        } else {
          expect(answer.status, `${length} characters: ${answer.text.slice(0, 200)}`).toBe(200);
          expect(VERDICTS).toContain(JSON.parse(answer.text).verdict);
        }
      }),
      { numRuns: 300 },
    );
    await expectHealthy();
  });
});
