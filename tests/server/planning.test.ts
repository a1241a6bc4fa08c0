import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clerks, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
let manager: Client;
let clerk: Client;

beforeAll(async () => {
  running = await startTestHost();
  manager = (await clerks(running.url, 1, 'manager'))[0]!;
  clerk = (await clerks(running.url, 1, 'clerk'))[0]!;
});
afterAll(async () => running?.stop());

const monday = {
  days: 30,
  open: '09:00',
  close: '15:00',
  arrivals: { kind: 'poisson', perHour: { M: 30 } },
  service: { kind: 'exponential', meanMinutes: { M: 6 } },
  seed: 4,
};

describe('POST /api/planning/simulate', () => {
  it('gives a month of a counter plan: waits, chance of waiting, SLA share, utilisation and each hour', async () => {
    const response = await manager.post('/api/planning/simulate', { ...monday, counters: [{ from: '09:00', to: '15:00', count: 4 }] });
    expect(response.status).toBe(200);
    const figures = response.body;
    expect(figures.days).toBe(30);
    // 30 an hour for 6 hours, 30 days: about 5 400 citizens, all served.
    expect(figures.served).toBeGreaterThan(5_000);
    expect(figures.served).toBeLessThan(5_800);
    expect(figures.unserved).toBe(0);
    // A day that opens empty waits less than Erlang C's steady 3.06 minutes, but not much less.
    expect(figures.waitMinutes.mean).toBeGreaterThan(1.5);
    expect(figures.waitMinutes.mean).toBeLessThan(3.5);
    expect(figures.probabilityOfWaiting).toBeGreaterThan(0.3);
    expect(figures.probabilityOfWaiting).toBeLessThan(0.55);
    expect(figures.utilisation).toBeGreaterThan(0.65);
    expect(figures.utilisation).toBeLessThan(0.8);
    expect(figures.byHour.map((h: any) => h.hour)).toEqual([9, 10, 11, 12, 13, 14]);
    expect(figures.byHour.every((h: any) => h.counters === 4)).toBe(true);
    expect(figures.byService.map((s: any) => s.serviceCode)).toEqual(['M']);
  });

  it('is repeatable for a seed, and more counters mean shorter waits', async () => {
    const plan = (count: number) => manager.post('/api/planning/simulate', { ...monday, counters: [{ from: '09:00', to: '15:00', count }] });
    const [a, b, more] = await Promise.all([plan(4), plan(4), plan(5)]);
    expect(a.body).toEqual(b.body);
    expect(more.body.waitMinutes.p90).toBeLessThan(a.body.waitMinutes.p90);
  });

  it.each([
    ['closing before opening', { close: '08:00' }, 'close'],
    ['a negative rate', { arrivals: { kind: 'poisson', perHour: { M: -3 } } }, 'arrivals.perHour.M'],
    ['more than 366 days', { days: 367 }, 'days'],
    ['an unknown service', { arrivals: { kind: 'poisson', perHour: { Z: 10 } }, service: { kind: 'exponential', meanMinutes: { Z: 5 } } }, 'arrivals.perHour.Z'],
    ['a service time missing', { service: { kind: 'exponential', meanMinutes: {} } }, 'service.meanMinutes.M'],
    ['a shift that ends before it starts', { counters: [{ from: '12:00', to: '10:00', count: 2 }] }, 'counters.0.to'],
    ['a counter serving an unknown service', { counters: [{ from: '09:00', to: '15:00', count: 2, services: ['Q'] }] }, 'counters.0.services'],
  ])('refuses %s with 400 naming the field', async (_, change, field) => {
    const response = await manager.post('/api/planning/simulate', { ...monday, counters: [{ from: '09:00', to: '15:00', count: 4 }], ...change });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.message).toContain(field);
  });

  it('is for managers and admins', async () => {
    const body = { ...monday, counters: [{ from: '09:00', to: '15:00', count: 4 }] };
    expect((await clerk.post('/api/planning/simulate', body)).status).toBe(403);
    expect((await new Client(running.url).post('/api/planning/simulate', body)).status).toBe(401);
  });
});

describe('POST /api/planning/recommend', () => {
  it('gives the fewest counters per hour for the target, and the figures of that plan', async () => {
    const response = await manager.post('/api/planning/recommend', { ...monday, days: 20, target: { p90WaitMinutes: 5 }, maxCounters: 10 });
    expect(response.status).toBe(200);
    const { hours, counters, figures } = response.body;
    expect(hours.map((h: any) => h.hour)).toEqual([9, 10, 11, 12, 13, 14]);
    for (const h of hours) {
      expect(h.withinTarget).toBe(true);
      expect(h.p90WaitMinutes).toBeLessThanOrEqual(5);
      // Erlang C says 5 for a steady day; the first hour opens empty.
      expect(h.counters).toBeGreaterThanOrEqual(3);
      expect(h.counters).toBeLessThanOrEqual(6);
    }
    expect(counters[0]).toEqual({ from: '09:00', to: '10:00', count: hours[0].counters, services: ['M'] });
    expect(counters.at(-1).to).toBe('15:00');
    expect(figures.byHour.map((h: any) => h.counters)).toEqual(hours.map((h: any) => h.counters));
  });

  it('refuses a missing target and too many days with 400 naming the field', async () => {
    const noTarget = await manager.post('/api/planning/recommend', { ...monday, maxCounters: 10 });
    expect(noTarget.status).toBe(400);
    expect(noTarget.body.error.message).toContain('target');
    const tooMany = await manager.post('/api/planning/recommend', { ...monday, days: 200, target: { p90WaitMinutes: 5 }, maxCounters: 10 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('days');
  });
});
