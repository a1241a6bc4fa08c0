import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowTicketBursts } from '../support/issuance-limits.js';
import { Client, clerks, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
beforeAll(async () => {
  running = await startTestHost();
  await allowTicketBursts(running.url);
});
afterAll(async () => running.stop());

describe('several clerks calling at the same instant', () => {
  it('never get the same ticket, and every ticket is called exactly once', async () => {
    const kiosk = new Client(running.url);
    const staff = await clerks(running.url, 4);
    await Promise.all(staff.map((clerk, i) => clerk.post(`/api/counters/${i + 1}/open`)));
    const issued = await Promise.all(Array.from({ length: 40 }, (_, i) => kiosk.post('/api/tickets', { serviceCode: 'MPKA'[i % 4] })));
    expect(issued.every((r) => r.status === 201)).toBe(true);
    expect(new Set(issued.map((r) => r.body.number)).size).toBe(40);

    const calledIds: number[] = [];
    // Each round: all four counters press "call next" at once, then finish what they got.
    for (let round = 0; round < 12; round++) {
      const calls = await Promise.all(staff.map((clerk, i) => clerk.post(`/api/counters/${i + 1}/call-next`)));
      const got = calls.filter((c) => c.status === 200);
      calledIds.push(...got.map((c) => c.body.id as number));
      await Promise.all(
        calls.map((c, i) => (c.status === 200 ? staff[i]!.post(`/api/tickets/${c.body.id}/finish`, { outcome: 'other' }) : null)),
      );
    }
    expect(calledIds).toHaveLength(40);
    expect(new Set(calledIds).size).toBe(40);
  });

  it('a double click on "call next" calls one citizen, not two', async () => {
    const own = await startTestHost();
    try {
      const kiosk = new Client(own.url);
      const [clerk] = await clerks(own.url, 1);
      await kiosk.post('/api/tickets', { serviceCode: 'M' });
      await kiosk.post('/api/tickets', { serviceCode: 'M' });
      await clerk!.post('/api/counters/1/open');
      const [a, b] = await Promise.all([clerk!.post('/api/counters/1/call-next'), clerk!.post('/api/counters/1/call-next')]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect((await clerk!.get('/api/queue')).body).toHaveLength(1);
    } finally {
      await own.stop();
    }
  });
});
