import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_QUEUE_POLICY, pickNextTicket, type QueueCandidate, type QueuePolicyConfig } from '../../core/queue-policy.js';
import { PRIORITY_CLASSES, type PriorityClass } from '../../core/types.js';
import { configArb, MINUTE, NOW, RUNS, SERVICES } from './queue-policy-arbitraries.js';

// Starvation: one counter calling all day while urgent citizens keep arriving.
// ---------------------------------------------------------------------------------------------

interface SimulatedTicket {
  ticket: QueueCandidate;
  /** Tickets already waiting when this one arrived: the only ones that ever count as "older". */
  olderWaiting: number;
  callsBeforeArrival: number;
  /** Which call (counted from the start of the day) picked it. */
  calledAsCall: number | null;
  /** Calls that went to somebody else while this ticket had waited the guard time. */
  otherCallsWhileStarving: number;
}

interface SimulationStep {
  arrivals: PriorityClass[];
  minutesToNextCall: number;
}

function simulateCounterDay(config: QueuePolicyConfig, steps: readonly SimulationStep[], recentAtOpening: PriorityClass[]) {
  const counter = { serviceCodes: [...SERVICES], ordering: 'arrival' as const };
  const tickets: SimulatedTicket[] = [];
  let waiting: SimulatedTicket[] = [];
  let recentCalls = recentAtOpening;
  let now = NOW;
  let calls = 0;

  const arrive = (priority: PriorityClass) => {
    const id = tickets.length + 1;
    const ticket = { id, serviceCode: SERVICES[id % SERVICES.length]!, priority, arrivedAt: now, callableAt: now };
    const entry = { ticket, olderWaiting: waiting.length, callsBeforeArrival: calls, calledAsCall: null, otherCallsWhileStarving: 0 };
    tickets.push(entry);
    waiting.push(entry);
  };

  const callNext = () => {
    const pick = pickNextTicket({ waiting: waiting.map((w) => w.ticket), counter, recentCalls, now, config });
    if (pick === null) return;
    calls += 1;
    for (const w of waiting) {
      if (w.ticket === pick) w.calledAsCall = calls;
      else if (now - w.ticket.arrivedAt >= config.guardMinutes * MINUTE) w.otherCallsWhileStarving += 1;
    }
    waiting = waiting.filter((w) => w.ticket !== pick);
    recentCalls = [pick.priority, ...recentCalls];
  };

  for (const step of steps) {
    step.arrivals.forEach(arrive);
    callNext();
    now += step.minutesToNextCall * MINUTE;
  }
  while (waiting.length > 0) {
    callNext();
    now += 5 * MINUTE;
  }
  return tickets;
}

describe('pickNextTicket: nobody starves', () => {
  const stepArb: fc.Arbitrary<SimulationStep> = fc.record({
    // Urgent arrivals outnumber calls, so the urgent line never runs dry.
    arrivals: fc.array(
      fc.oneof({ weight: 3, arbitrary: fc.constant<PriorityClass>('urgent') }, { weight: 1, arbitrary: fc.constant<PriorityClass>('normal') }),
      { maxLength: 3 },
    ),
    minutesToNextCall: fc.integer({ min: 1, max: 10 }),
  });
  const dayArb = fc.record({
    config: configArb,
    steps: fc.array(stepArb, { minLength: 1, maxLength: 40 }),
    recentAtOpening: fc.array(fc.constantFrom(...PRIORITY_CLASSES), { maxLength: 5 }),
  });

  it('calls every normal citizen within (older tickets + 1) × (maxConsecutiveUrgent + 1) calls of arriving', () => {
    fc.assert(
      fc.property(
        dayArb.filter(({ config }) => config.maxConsecutiveUrgent > 0),
        ({ config, steps, recentAtOpening }) => {
          const tickets = simulateCounterDay(config, steps, recentAtOpening);
          for (const t of tickets.filter((e) => e.ticket.priority === 'normal')) {
            expect(t.calledAsCall).not.toBeNull();
            const callsUntilCalled = t.calledAsCall! - t.callsBeforeArrival;
            expect(callsUntilCalled).toBeLessThanOrEqual((t.olderWaiting + 1) * (config.maxConsecutiveUrgent + 1));
          }
        },
      ),
      RUNS,
    );
  });

  it('once a citizen has waited the guard time, only citizens who were already waiting go first', () => {
    fc.assert(
      fc.property(dayArb, ({ config, steps, recentAtOpening }) => {
        const tickets = simulateCounterDay(config, steps, recentAtOpening);
        for (const t of tickets) {
          expect(t.calledAsCall).not.toBeNull();
          expect(t.otherCallsWhileStarving).toBeLessThanOrEqual(t.olderWaiting);
        }
      }),
      RUNS,
    );
  });

  it('calls a lone normal citizen as the fourth call while urgent citizens keep arriving (default policy)', () => {
    const steps: SimulationStep[] = [
      { arrivals: ['urgent', 'normal', 'urgent'], minutesToNextCall: 2 },
      ...Array.from({ length: 6 }, (): SimulationStep => ({ arrivals: ['urgent'], minutesToNextCall: 2 })),
    ];
    const tickets = simulateCounterDay(DEFAULT_QUEUE_POLICY, steps, []);
    const normal = tickets.find((t) => t.ticket.priority === 'normal');
    expect(normal?.calledAsCall).toBe(DEFAULT_QUEUE_POLICY.maxConsecutiveUrgent + 1);
  });
});
