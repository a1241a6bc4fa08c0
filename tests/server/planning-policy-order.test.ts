import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedArrival } from '../../core/planning/arrivals.js';
import { simulateDay } from '../../core/planning/simulate-day.js';
import { DEFAULT_QUEUE_POLICY } from '../../core/queue-policy.js';
import { allowTicketBursts } from '../support/issuance-limits.js';
import { Client, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

const clock = new TestClock(Date.parse('2026-11-23T09:00:00+01:00'));
let running: TestHost;

beforeAll(async () => {
  running = await startTestHost({ clock: clock.read });
  // The recorded morning has seven urgent citizens within the hour, one more than a kiosk may issue by default.
  await allowTicketBursts(running.url);
});
afterAll(async () => running?.stop());

/**
 * A recorded morning: minute after 09:00, service, urgent or not. Fourteen citizens for one
 * counter opening at 09:15 and taking 5 minutes each, so the urgent cap (3) and the guard time
 * (45 minutes) both decide calls before the queue is empty.
 */
const MORNING: { minute: number; serviceCode: string; urgent: boolean }[] = [
  { minute: 0, serviceCode: 'M', urgent: false },
  { minute: 1, serviceCode: 'P', urgent: false },
  { minute: 2, serviceCode: 'M', urgent: true },
  { minute: 3, serviceCode: 'K', urgent: false },
  { minute: 4, serviceCode: 'P', urgent: true },
  { minute: 5, serviceCode: 'A', urgent: true },
  { minute: 6, serviceCode: 'M', urgent: true },
  { minute: 7, serviceCode: 'M', urgent: false },
  { minute: 8, serviceCode: 'K', urgent: true },
  { minute: 9, serviceCode: 'P', urgent: false },
  { minute: 10, serviceCode: 'A', urgent: false },
  { minute: 11, serviceCode: 'M', urgent: true },
  { minute: 12, serviceCode: 'K', urgent: false },
  { minute: 13, serviceCode: 'P', urgent: true },
];
const OPENS_AT = 15;
const SERVICE_MINUTES = 5;

describe('the simulation against the host', () => {
  it('a recorded morning gets the same calling order from the host’s call-next and from the simulation', async () => {
    const kiosk = new Client(running.url);
    const byNumber = new Map<string, string>();
    const start = clock.now;
    for (const citizen of MORNING) {
      clock.now = start + citizen.minute * 60_000;
      const issued = await kiosk.post('/api/tickets', { serviceCode: citizen.serviceCode, ...(citizen.urgent ? { urgent: { reason: 'hospital_summons' } } : {}) });
      expect(issued.status).toBe(201);
      byNumber.set(issued.body.number, `${citizen.serviceCode}@${citizen.minute}`);
    }
    const clerk = (await clerks(running.url, 1))[0]!;
    clock.now = start + OPENS_AT * 60_000;
    expect((await clerk.post('/api/counters/1/open', {})).status).toBe(200);
    const hostOrder: string[] = [];
    for (;;) {
      const called = await clerk.post('/api/counters/1/call-next', {});
      if (called.status === 204) break;
      expect(called.status).toBe(200);
      hostOrder.push(byNumber.get(called.body.number)!);
      clock.advanceMinutes(SERVICE_MINUTES);
      expect((await clerk.post(`/api/tickets/${called.body.id}/finish`, { outcome: 'other' })).status).toBe(200);
    }

    const day = simulateDay(
      {
        openMinute: 0,
        closeMinute: OPENS_AT,
        services: ['M', 'P', 'K', 'A'].map((code) => ({
          code,
          slaMinutes: 20,
          arrivals: {
            kind: 'recorded' as const,
            tickets: MORNING.filter((c) => c.serviceCode === code).map((c): RecordedArrival => ({ minute: c.minute, priority: c.urgent ? 'urgent' : 'normal' })),
          },
          serviceTime: { kind: 'fixed' as const, minutes: SERVICE_MINUTES },
        })),
        counters: [{ fromMinute: OPENS_AT, toMinute: OPENS_AT, count: 1, serviceCodes: ['M', 'P', 'K', 'A'] }],
        policy: DEFAULT_QUEUE_POLICY,
      },
      1,
      0,
    );
    const simulatedOrder = day.callOrder.map((id) => `${day.tickets[id]!.serviceCode}@${day.tickets[id]!.arrivedAt / 60_000}`);

    expect(hostOrder).toHaveLength(MORNING.length);
    expect(simulatedOrder).toEqual(hostOrder);
    // Urgent first until the cap lets a walk-in go, twice; from 10:00 the guard time calls the
    // walk-ins who have waited 45 minutes before the last urgent citizen.
    expect(hostOrder).toEqual(['M@2', 'P@4', 'A@5', 'M@0', 'M@6', 'K@8', 'M@11', 'P@1', 'K@3', 'M@7', 'P@9', 'A@10', 'K@12', 'P@13']);
  });
});
