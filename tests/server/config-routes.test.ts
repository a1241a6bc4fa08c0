import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ID_RULES } from '../../core/idcheck/rules.js';
import { makeMrz, shiftIsoDate } from '../support/mrz-generator.js';
import { Client, clerks, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
let manager: Client;
let clerk: Client;
beforeAll(async () => {
  running = await startTestHost();
  [manager] = (await clerks(running.url, 1, 'manager')) as [Client];
  [clerk] = (await clerks(running.url, 1)) as [Client];
});
afterAll(async () => running.stop());

const specimen = makeMrz({ issuingState: 'UTO', birthDate: '1974-08-12', expiryDate: '2035-04-15' });

describe('the office configures its MitID document rules without a release', () => {
  it('shows the documented defaults, and only to managers and admins', async () => {
    expect((await manager.get('/api/config/id-rules')).body).toEqual(DEFAULT_ID_RULES);
    expect((await clerk.get('/api/config/id-rules')).status).toBe(403);
    expect((await new Client(running.url).get('/api/config/id-rules')).status).toBe(401);
  });

  it('applies a change to the next check and logs who made it', async () => {
    expect((await new Client(running.url).post('/api/id-checks', { mrz: specimen })).body.reasons).toContain('specimen_document');
    const changed = await manager.request('PUT', '/api/config/id-rules', { ...DEFAULT_ID_RULES, acceptSpecimenStates: true, minimumAge: 15 });
    expect(changed.status).toBe(200);
    expect((await manager.get('/api/config/id-rules')).body).toMatchObject({ acceptSpecimenStates: true, minimumAge: 15 });
    expect((await new Client(running.url).post('/api/id-checks', { mrz: specimen })).body.reasons).not.toContain('specimen_document');
    // The kiosk words a "too young" rejection with the age the office set, so the answer carries it.
    const fourteen = makeMrz({ birthDate: shiftIsoDate(new Date().toISOString().slice(0, 10), { years: -14 }), expiryDate: '2035-04-15' });
    expect((await new Client(running.url).post('/api/id-checks', { mrz: fourteen })).body).toMatchObject({ reasons: ['too_young'], minimumAge: 15 });
  });

  it('refuses rules that are not rules, whole', async () => {
    for (const body of [
      { ...DEFAULT_ID_RULES, minimumAge: -1 },
      { ...DEFAULT_ID_RULES, acceptedDocumentTypes: ['library_card'] },
      { ...DEFAULT_ID_RULES, domesticStates: ['Denmark'] },
      { ...DEFAULT_ID_RULES, surprise: true },
      { minimumAge: 13 },
    ]) {
      const response = await manager.request('PUT', '/api/config/id-rules', body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    expect((await clerk.request('PUT', '/api/config/id-rules', DEFAULT_ID_RULES)).status).toBe(403);
  });
});

describe('the office configures its urgent lane', () => {
  it('changes the cap on consecutive urgent calls', async () => {
    expect((await manager.get('/api/config/queue-policy')).body).toEqual({ maxConsecutiveUrgent: 3, guardMinutes: 45 });
    expect((await manager.request('PUT', '/api/config/queue-policy', { maxConsecutiveUrgent: 1, guardMinutes: 30 })).status).toBe(200);
    const kiosk = new Client(running.url);
    const normal = (await kiosk.post('/api/tickets', { serviceCode: 'P' })).body;
    const urgent1 = (await kiosk.post('/api/tickets', { serviceCode: 'P', urgent: { reason: 'hospital_summons' } })).body;
    await kiosk.post('/api/tickets', { serviceCode: 'P', urgent: { reason: 'other' } });
    await clerk.post('/api/counters/2/open');
    expect((await clerk.post('/api/counters/2/call-next')).body.id).toBe(urgent1.id);
    await clerk.post(`/api/tickets/${urgent1.id}/finish`, { outcome: 'other' });
    // After one urgent call, the waiting normal ticket goes next.
    expect((await clerk.post('/api/counters/2/call-next')).body.id).toBe(normal.id);
    expect((await manager.request('PUT', '/api/config/queue-policy', { maxConsecutiveUrgent: 1, guardMinutes: 0 })).status).toBe(400);
  });
});
