import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMrz, shiftIsoDate } from '../support/mrz-generator.js';
import { Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

// 25 November 2026, 10:00 in Copenhagen.
const clock = new TestClock(Date.UTC(2026, 10, 25, 9, 0));
const TODAY = '2026-11-25';
let running: TestHost;
beforeAll(async () => {
  running = await startTestHost({ clock: clock.read });
});
afterAll(async () => running.stop());

const adult = shiftIsoDate(TODAY, { years: -40 });

describe('POST /api/id-checks', () => {
  it('accepts a valid Danish passport on its own', async () => {
    const mrz = makeMrz({ kind: 'passport', issuingState: 'DNK', birthDate: adult, expiryDate: shiftIsoDate(TODAY, { years: 3 }) });
    const response = await new Client(running.url).post('/api/id-checks', { mrz });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      verdict: 'accepted',
      reasons: [],
      document: { format: 'TD3', type: 'passport', issuingState: 'DNK', expiresOn: shiftIsoDate(TODAY, { years: 3 }) },
    });
    expect(response.body.id).toBeTypeOf('number');
  });

  it('asks for a health card or certificate of residence with a foreign ID card', async () => {
    const mrz = makeMrz({ kind: 'id_card', issuingState: 'SWE', birthDate: adult, expiryDate: shiftIsoDate(TODAY, { years: 2 }) });
    const response = await new Client(running.url).post('/api/id-checks', { mrz });
    expect(response.body).toMatchObject({ verdict: 'supplement_required', supplement: 'health_card_or_residence_certificate', document: { format: 'TD1', type: 'id_card' } });
  });

  it('rejects a passport that expired yesterday, and accepts one that expires today', async () => {
    const yesterday = await new Client(running.url).post('/api/id-checks', {
      mrz: makeMrz({ issuingState: 'DNK', birthDate: adult, expiryDate: shiftIsoDate(TODAY, { days: -1 }) }),
    });
    expect(yesterday.body).toMatchObject({ verdict: 'rejected', reasons: ['expired'] });
    const today = await new Client(running.url).post('/api/id-checks', { mrz: makeMrz({ issuingState: 'DNK', birthDate: adult, expiryDate: TODAY }) });
    expect(today.body.verdict).toBe('accepted');
  });

  it('answers an unreadable scan with a normal 200 rejected, and malformed bodies with 400', async () => {
    const kiosk = new Client(running.url);
    const unreadable = await kiosk.post('/api/id-checks', { mrz: 'HELLO\nWORLD' });
    expect(unreadable.status).toBe(200);
    expect(unreadable.body).toMatchObject({ verdict: 'rejected', reasons: ['unreadable'], document: null });
    for (const body of [{}, { mrz: 12 }, { mrz: 'x'.repeat(401) }, { mrz: 'P<', extra: true }]) {
      const response = await kiosk.post('/api/id-checks', body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
  });

  it('lets a ticket reference its check so the clerk sees the verdict when calling it', async () => {
    const kiosk = new Client(running.url);
    const check = (await kiosk.post('/api/id-checks', { mrz: makeMrz({ issuingState: 'NOR', birthDate: adult, expiryDate: shiftIsoDate(TODAY, { years: 1 }) }) })).body;
    const ticket = await kiosk.post('/api/tickets', { serviceCode: 'M', idCheckId: check.id, supplementDeclared: true });
    expect(ticket.status).toBe(201);
    expect(ticket.body).toMatchObject({ idCheckId: check.id, supplementDeclared: true });
    expect((await kiosk.post('/api/tickets', { serviceCode: 'M', idCheckId: 999_999 })).body.error.code).toBe('unknown_id_check');

    const [clerk] = await clerks(running.url, 1);
    await clerk!.post('/api/counters/1/open');
    const called = (await clerk!.post('/api/counters/1/call-next')).body;
    const verdict = await clerk!.get(`/api/id-checks/${called.idCheckId}`);
    expect(verdict.body).toMatchObject({ verdict: 'supplement_required', document: { issuingState: 'NOR' } });
    expect(verdict.body).not.toHaveProperty('documentHash');
    expect((await new Client(running.url).get(`/api/id-checks/${check.id}`)).status).toBe(401);
  });
});

describe('privacy', () => {
  it('keeps no name, document number, birth date or MRZ text anywhere in DATA_DIR or the host output', async () => {
    const surname = 'QUIXOTEFJORD';
    const givenNames = 'ZEBEDIAH';
    const documentNumber = 'ZX9Q81K7W';
    const birthDate = '1961-07-23';
    const mrz = makeMrz({ issuingState: 'DNK', surname, givenNames, documentNumber, birthDate, expiryDate: shiftIsoDate(TODAY, { years: 4 }) });
    const kiosk = new Client(running.url);
    const first = await kiosk.post('/api/id-checks', { mrz });
    expect(first.body.verdict).toBe('accepted');
    // A second scan of the same document is recognised by its keyed hash only.
    await kiosk.post('/api/id-checks', { mrz: mrz.toLowerCase() });
    await kiosk.post('/api/id-checks', { mrz: mrz.replace(surname, surname.slice(0, -1) + 'X') }); // a misread: check digits still fine for the name

    const forbidden = [surname, givenNames, documentNumber, '610723', mrz.split('\n')[1]!, mrz.split('\n')[0]!];
    const files = readdirSync(running.dataDir).map((name) => path.join(running.dataDir, name));
    expect(files.some((f) => f.endsWith('office.sqlite'))).toBe(true);
    for (const file of files) {
      const content = readFileSync(file).toString('latin1');
      for (const secret of forbidden) expect(content.includes(secret), `${secret} in ${path.basename(file)}`).toBe(false);
    }
    const output = running.output.join('\n');
    for (const secret of forbidden) expect(output.includes(secret)).toBe(false);
  });
});
