import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { pickNextTicket, type QueueCandidate, type QueuePolicyConfig } from '../../../core/queue-policy.js';
import { simulateDay } from '../../../core/planning/simulate-day.js';
import type { CounterOrdering, PriorityClass } from '../../../core/types.js';
import { configArb } from '../queue-policy-arbitraries.js';

const MINUTE = 60_000;
const SERVICE_MINUTES = 5;
const CODES = ['M', 'P', 'K'] as const;

interface Recorded {
  minute: number;
  serviceCode: string;
  priority: PriorityClass;
  callableMinute: number;
}

/**
 * The recorded tickets called by one counter straight through `pickNextTicket`, with the whole
 * waiting list (not the line heads the simulation passes): every 5 minutes a call, or at the next
 * arrival or due slot when nobody is callable. Ids are the arrival order, as in the simulation.
 */
function callOrderByPolicy(recorded: readonly Recorded[], counter: { serviceCodes: string[]; ordering: CounterOrdering }, opensAt: number, config: QueuePolicyConfig): Recorded[] {
  const candidates: QueueCandidate[] = recorded.map((r, id) => ({ id, serviceCode: r.serviceCode, priority: r.priority, arrivedAt: r.minute * MINUTE, callableAt: r.callableMinute * MINUTE }));
  let waiting = [...candidates];
  const order: Recorded[] = [];
  const recentCalls: PriorityClass[] = [];
  for (let now = opensAt * MINUTE; waiting.length > 0; ) {
    const pick = pickNextTicket({ waiting: waiting.filter((t) => t.arrivedAt <= now), counter, recentCalls, now, config });
    if (!pick) {
      now = Math.min(...waiting.map((t) => (t.arrivedAt > now ? t.arrivedAt : t.callableAt > now ? t.callableAt : Infinity)));
      continue;
    }
    waiting = waiting.filter((t) => t.id !== pick.id);
    order.push(recorded[pick.id]!);
    recentCalls.unshift(pick.priority);
    now += SERVICE_MINUTES * MINUTE;
  }
  return order;
}

const recordedDayArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 60 })
  .chain((minutes) =>
    fc.tuple(
      ...[...minutes].sort((a, b) => a - b).map((minute) =>
        fc.record({
          minute: fc.constant(minute),
          serviceCode: fc.constantFrom(...CODES),
          priority: fc.constantFrom<PriorityClass>('urgent', 'appointment', 'normal', 'normal'),
          slotAfter: fc.integer({ min: 0, max: 40 }),
        }),
      ),
    ),
  )
  .map((tickets) => tickets.map(({ slotAfter, ...t }): Recorded => ({ ...t, callableMinute: t.priority === 'appointment' ? t.minute + slotAfter : t.minute })));

describe('the simulation calls in the order the product’s queue policy does', () => {
  it('a recorded set of tickets, one counter: the same calling order as pickNextTicket fed directly', () => {
    fc.assert(
      fc.property(
        recordedDayArb,
        fc.shuffledSubarray([...CODES], { minLength: 3 }),
        fc.constantFrom<CounterOrdering>('arrival', 'preference'),
        fc.integer({ min: 0, max: 200 }),
        configArb,
        (recorded, serviceCodes, ordering, opensAt, config) => {
          const day = simulateDay(
            {
              openMinute: 0,
              closeMinute: 301,
              services: CODES.map((code) => ({
                code,
                slaMinutes: 15,
                arrivals: { kind: 'recorded', tickets: recorded.filter((r) => r.serviceCode === code) },
                serviceTime: { kind: 'fixed', minutes: SERVICE_MINUTES },
              })),
              counters: [{ fromMinute: opensAt, toMinute: 301, count: 1, serviceCodes, ordering }],
              policy: config,
            },
            1,
            0,
          );
          const simulated = day.callOrder.map((id) => day.tickets[id]!).map((t) => `${t.serviceCode}${t.priority}@${t.arrivedAt / MINUTE}`);
          const direct = callOrderByPolicy(recorded, { serviceCodes, ordering }, opensAt, config).map((r) => `${r.serviceCode}${r.priority}@${r.minute}`);
          expect(simulated).toEqual(direct);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a hand-made morning: urgent lane with its cap, a due booking, the guard time', () => {
    const recorded: Recorded[] = [
      { minute: 0, serviceCode: 'M', priority: 'normal', callableMinute: 0 },
      { minute: 1, serviceCode: 'P', priority: 'urgent', callableMinute: 1 },
      { minute: 2, serviceCode: 'M', priority: 'urgent', callableMinute: 2 },
      { minute: 3, serviceCode: 'K', priority: 'appointment', callableMinute: 20 },
      { minute: 4, serviceCode: 'K', priority: 'urgent', callableMinute: 4 },
      { minute: 5, serviceCode: 'P', priority: 'urgent', callableMinute: 5 },
      { minute: 6, serviceCode: 'P', priority: 'normal', callableMinute: 6 },
    ];
    const config = { maxConsecutiveUrgent: 3, guardMinutes: 30 };
    const counter = { serviceCodes: ['M', 'P', 'K'], ordering: 'arrival' as const };
    // From 10, a call every 5 minutes: three urgent (1, 2, 4); at 25 the cap holds the urgent lane
    // and the booking due since 20 goes (3); at 30 the walk-in of minute 0 has waited the guard's
    // 30 minutes and goes before urgent 5; then the last walk-in.
    const expected = [1, 2, 4, 3, 0, 5, 6];
    expect(callOrderByPolicy(recorded, counter, 10, config).map((r) => r.minute)).toEqual(expected);
    const day = simulateDay(
      {
        openMinute: 0,
        closeMinute: 60,
        services: ['M', 'P', 'K'].map((code) => ({ code, slaMinutes: 15, arrivals: { kind: 'recorded' as const, tickets: recorded.filter((r) => r.serviceCode === code) }, serviceTime: { kind: 'fixed' as const, minutes: SERVICE_MINUTES } })),
        counters: [{ fromMinute: 10, toMinute: 60, count: 1, ...counter }],
        policy: config,
      },
      1,
      0,
    );
    expect(day.callOrder.map((id) => day.tickets[id]!.arrivedAt / MINUTE)).toEqual(expected);
  });
});
