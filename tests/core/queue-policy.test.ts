import { describe, it, expect } from 'vitest';
import fc from 'fast-check';

import {
  DEFAULT_QUEUE_POLICY,
  pickNextTicket,
  queueHeads,
  type QueueCandidate,
  type QueuePolicyConfig,
  type QueueSituation,
} from '../../core/queue-policy.js';
import { PRIORITY_CLASSES, type PriorityClass } from '../../core/types.js';
import { configArb, MINUTE, NOW, RUNS, SERVICES } from './queue-policy-arbitraries.js';


// ---------------------------------------------------------------------------------------------
// The office's rules, stated independently of the implementation.
// ---------------------------------------------------------------------------------------------

/** A booked citizen who checked in early waits from the slot, not from the door. */
function waitStart(t: QueueCandidate): number {
  return Math.max(t.arrivedAt, t.callableAt);
}

function hasWaitedLonger(a: QueueCandidate, b: QueueCandidate): boolean {
  return waitStart(a) !== waitStart(b) ? waitStart(a) < waitStart(b) : a.id < b.id;
}

function longestWaiting(tickets: readonly QueueCandidate[]): QueueCandidate | undefined {
  return tickets.reduce<QueueCandidate | undefined>((best, t) => (best && !hasWaitedLonger(t, best) ? best : t), undefined);
}

function callableFor(s: QueueSituation): QueueCandidate[] {
  return s.waiting.filter((t) => s.counter.serviceCodes.includes(t.serviceCode) && t.callableAt <= s.now);
}

function isStarving(t: QueueCandidate, s: QueueSituation): boolean {
  return s.now - waitStart(t) >= s.config.guardMinutes * MINUTE;
}

/** "The last maxConsecutiveUrgent calls were all urgent." */
function urgentStreakIsFull(s: QueueSituation): boolean {
  const n = s.config.maxConsecutiveUrgent;
  return s.recentCalls.length >= n && s.recentCalls.slice(0, n).every((p) => p === 'urgent');
}

// ---------------------------------------------------------------------------------------------
// Example builders.
// ---------------------------------------------------------------------------------------------

function waitingTicket(
  id: number,
  serviceCode: string,
  priority: PriorityClass,
  minutesAgo: number,
  callableInMinutes?: number,
): QueueCandidate {
  const arrivedAt = NOW - minutesAgo * MINUTE;
  const callableAt = callableInMinutes === undefined ? arrivedAt : NOW + callableInMinutes * MINUTE;
  return { id, serviceCode, priority, arrivedAt, callableAt };
}

function situation(waiting: QueueCandidate[], overrides: Partial<QueueSituation> = {}): QueueSituation {
  return {
    waiting,
    counter: { serviceCodes: [...SERVICES], ordering: 'arrival' },
    recentCalls: [],
    now: NOW,
    config: DEFAULT_QUEUE_POLICY,
    ...overrides,
  };
}

function pickedId(s: QueueSituation): number | null {
  return pickNextTicket(s)?.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: minute-grained times so ties and exact guard boundaries come up often.
// ---------------------------------------------------------------------------------------------

const callableShiftArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: -30, max: 60 }) },
);

function candidateArb(
  priorities: readonly PriorityClass[] = PRIORITY_CLASSES,
  services: readonly string[] = SERVICES,
): fc.Arbitrary<QueueCandidate> {
  return fc
    .record({
      id: fc.integer({ min: 1, max: 400 }),
      serviceCode: fc.constantFrom(...services),
      priority: fc.constantFrom(...priorities),
      arrivedMinutesAgo: fc.integer({ min: 0, max: 120 }),
      callableShiftMinutes: callableShiftArb,
    })
    .map(({ id, serviceCode, priority, arrivedMinutesAgo, callableShiftMinutes }) => {
      const arrivedAt = NOW - arrivedMinutesAgo * MINUTE;
      return { id, serviceCode, priority, arrivedAt, callableAt: arrivedAt + callableShiftMinutes * MINUTE };
    });
}

function waitingArb(priorities?: readonly PriorityClass[]): fc.Arbitrary<QueueCandidate[]> {
  return fc.uniqueArray(candidateArb(priorities), { selector: (t) => t.id, maxLength: 24 });
}

const counterArb = fc.record({
  serviceCodes: fc.shuffledSubarray([...SERVICES]),
  ordering: fc.constantFrom('arrival' as const, 'preference' as const),
});

const recentCallsArb = fc.array(fc.constantFrom(...PRIORITY_CLASSES), { maxLength: 6 });
const nowArb = fc.integer({ min: -10, max: 20 }).map((m) => NOW + m * MINUTE);

const spreadSituationArb: fc.Arbitrary<QueueSituation> = fc.record({
  waiting: waitingArb(),
  counter: counterArb,
  recentCalls: recentCallsArb,
  now: nowArb,
  config: configArb,
});

/** Two services only, so lines are long and early check-ins often reorder a line. */
const crowdedSituationArb: fc.Arbitrary<QueueSituation> = fc.record({
  waiting: fc.uniqueArray(candidateArb(PRIORITY_CLASSES, ['M', 'P']), { selector: (t) => t.id, minLength: 4, maxLength: 30 }),
  counter: fc.record({
    serviceCodes: fc.shuffledSubarray(['M', 'P', 'K'], { minLength: 1 }),
    ordering: fc.constantFrom('arrival' as const, 'preference' as const),
  }),
  recentCalls: recentCallsArb,
  now: nowArb,
  config: configArb,
});

const situationArb = fc.oneof(spreadSituationArb, crowdedSituationArb);

// ---------------------------------------------------------------------------------------------
// Examples: the office's rules as a clerk would tell them.
// ---------------------------------------------------------------------------------------------

describe('pickNextTicket: examples', () => {
  it('has nobody to call in an empty office', () => {
    expect(pickNextTicket(situation([]))).toBeNull();
  });

  it('does not call a citizen for a service the counter does not serve', () => {
    const s = situation([waitingTicket(1, 'M', 'normal', 10)], { counter: { serviceCodes: ['P'], ordering: 'arrival' } });
    expect(pickNextTicket(s)).toBeNull();
  });

  it('does not call a counter with no services at all', () => {
    const s = situation([waitingTicket(1, 'M', 'urgent', 10)], { counter: { serviceCodes: [], ordering: 'preference' } });
    expect(pickNextTicket(s)).toBeNull();
  });

  it('keeps a booked citizen who checked in early waiting until the slot, then calls them', () => {
    const booked = waitingTicket(1, 'M', 'appointment', 20, 5);
    expect(pickNextTicket(situation([booked]))).toBeNull();
    expect(pickNextTicket(situation([booked], { now: NOW + 5 * MINUTE - 1 }))).toBeNull();
    expect(pickNextTicket(situation([booked], { now: NOW + 5 * MINUTE }))).toBe(booked);
  });

  it('calls a hospital summons before a normal citizen who came earlier', () => {
    const s = situation([waitingTicket(1, 'M', 'normal', 30), waitingTicket(2, 'P', 'urgent', 1)]);
    expect(pickedId(s)).toBe(2);
  });

  it('calls urgent citizens first come, first served', () => {
    const s = situation([waitingTicket(1, 'M', 'urgent', 3), waitingTicket(2, 'P', 'urgent', 7), waitingTicket(3, 'M', 'urgent', 5)]);
    expect(pickedId(s)).toBe(2);
  });

  it('gives a non-urgent citizen the next call after three urgent calls in a row', () => {
    const waiting = [waitingTicket(1, 'M', 'normal', 10), waitingTicket(2, 'M', 'urgent', 12)];
    expect(pickedId(situation(waiting, { recentCalls: ['urgent', 'urgent', 'urgent'] }))).toBe(1);
    expect(pickedId(situation(waiting, { recentCalls: ['urgent', 'urgent', 'urgent', 'normal'] }))).toBe(1);
  });

  it('keeps calling urgent citizens after three urgent calls when nobody else waits', () => {
    const s = situation([waitingTicket(2, 'M', 'urgent', 12)], { recentCalls: ['urgent', 'urgent', 'urgent'] });
    expect(pickedId(s)).toBe(2);
  });

  it('counts only the newest calls of the streak', () => {
    const waiting = [waitingTicket(1, 'M', 'normal', 10), waitingTicket(2, 'M', 'urgent', 1)];
    expect(pickedId(situation(waiting, { recentCalls: ['urgent', 'urgent', 'normal', 'urgent'] }))).toBe(2);
    expect(pickedId(situation(waiting, { recentCalls: ['urgent', 'urgent'] }))).toBe(2);
  });

  it('gives the rotation to the booked citizen first, then to the normal one', () => {
    const waiting = [waitingTicket(1, 'M', 'normal', 30), waitingTicket(2, 'M', 'appointment', 2), waitingTicket(3, 'M', 'urgent', 1)];
    expect(pickedId(situation(waiting, { recentCalls: ['urgent', 'urgent', 'urgent'] }))).toBe(2);
  });

  it('calls a booked citizen whose slot is due before a normal citizen who came earlier', () => {
    const s = situation([waitingTicket(1, 'M', 'normal', 30), waitingTicket(2, 'P', 'appointment', 2)]);
    expect(pickedId(s)).toBe(2);
  });

  it('calls anyone who has waited the guard time before an urgent citizen', () => {
    const waiting = [waitingTicket(1, 'M', 'normal', 45), waitingTicket(2, 'M', 'urgent', 44)];
    expect(pickedId(situation(waiting))).toBe(1);
  });

  it('applies the guard from exactly guardMinutes, not a millisecond earlier', () => {
    const waiting = [waitingTicket(1, 'M', 'normal', 45), waitingTicket(2, 'M', 'urgent', 1)];
    expect(pickedId(situation(waiting, { now: NOW - 1 }))).toBe(2);
    expect(pickedId(situation(waiting, { now: NOW }))).toBe(1);
  });

  it('calls the longest-waiting of several citizens past the guard time, urgent or not', () => {
    const waiting = [waitingTicket(1, 'M', 'urgent', 50), waitingTicket(2, 'P', 'normal', 70), waitingTicket(3, 'K', 'appointment', 60)];
    expect(pickedId(situation(waiting))).toBe(2);
  });

  it('counts a booked citizen’s wait from the slot, so checking in early does not trigger the guard', () => {
    // Checked in 90 minutes ago for a slot that came up 10 minutes ago: has waited 10 minutes.
    const early = waitingTicket(1, 'M', 'appointment', 90, -10);
    const normal = waitingTicket(2, 'M', 'normal', 44);
    const urgent = waitingTicket(3, 'M', 'urgent', 1);
    expect(pickedId(situation([early, normal, urgent]))).toBe(3);
  });

  it('lets a counter that prefers passports help passports first, even when MitID citizens waited longer', () => {
    const waiting = [waitingTicket(1, 'M', 'normal', 30), waitingTicket(2, 'P', 'normal', 5), waitingTicket(3, 'P', 'normal', 8)];
    expect(pickedId(situation(waiting, { counter: { serviceCodes: ['P', 'M'], ordering: 'preference' } }))).toBe(3);
    expect(pickedId(situation(waiting, { counter: { serviceCodes: ['P', 'M'], ordering: 'arrival' } }))).toBe(1);
  });

  it('moves on to the next preferred service when the first has nobody callable', () => {
    const waiting = [waitingTicket(1, 'M', 'normal', 30), waitingTicket(2, 'K', 'normal', 40), waitingTicket(3, 'P', 'normal', 20, 5)];
    expect(pickedId(situation(waiting, { counter: { serviceCodes: ['P', 'M', 'K'], ordering: 'preference' } }))).toBe(1);
  });

  it('breaks a tie in arrival time by ticket id, whatever order the tickets come in', () => {
    const a = waitingTicket(7, 'M', 'normal', 10);
    const b = waitingTicket(4, 'P', 'normal', 10);
    expect(pickedId(situation([a, b]))).toBe(4);
    expect(pickedId(situation([b, a]))).toBe(4);
  });

  it('lets urgent citizens go first only until a normal citizen reaches the guard time', () => {
    const waiting = [waitingTicket(1, 'M', 'normal', 44), waitingTicket(2, 'M', 'urgent', 0)];
    expect(pickedId(situation(waiting, { recentCalls: ['urgent', 'normal'] }))).toBe(2);
    expect(pickedId(situation(waiting, { recentCalls: ['urgent', 'normal'], now: NOW + MINUTE }))).toBe(1);
  });
});

describe('queueHeads: examples', () => {
  it('keeps the first callable ticket of each service × priority line', () => {
    const waiting = [
      waitingTicket(1, 'M', 'normal', 5),
      waitingTicket(2, 'M', 'normal', 9),
      waitingTicket(3, 'M', 'urgent', 1),
      waitingTicket(4, 'P', 'normal', 3),
      waitingTicket(5, 'P', 'appointment', 20, 10),
    ];
    expect(queueHeads(waiting, NOW).map((t) => t.id).sort((x, y) => x - y)).toEqual([2, 3, 4]);
  });

  it('returns nothing for an empty queue', () => {
    expect(queueHeads([], NOW)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------------

describe('pickNextTicket: properties', () => {
  it('picks only a callable ticket the counter serves, and null only when there is none', () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const pick = pickNextTicket(s);
        const callable = callableFor(s);
        if (pick === null) {
          expect(callable).toEqual([]);
        } else {
          expect(s.waiting).toContain(pick);
          expect(s.counter.serviceCodes).toContain(pick.serviceCode);
          expect(pick.callableAt).toBeLessThanOrEqual(s.now);
        }
      }),
      RUNS,
    );
  });

  it('skips an urgent citizen only for the guard or after a full streak of urgent calls', () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const pick = pickNextTicket(s);
        const urgentWaiting = callableFor(s).some((t) => t.priority === 'urgent');
        if (pick !== null && pick.priority !== 'urgent' && urgentWaiting) {
          expect(isStarving(pick, s) || urgentStreakIsFull(s)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('calls an urgent citizen whenever one waits, nobody is past the guard and the streak is not full', () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const callable = callableFor(s);
        const someoneStarving = callable.some((t) => isStarving(t, s));
        const urgentWaiting = callable.some((t) => t.priority === 'urgent');
        const rotationDue =
          s.config.maxConsecutiveUrgent > 0 && urgentStreakIsFull(s) && callable.some((t) => t.priority !== 'urgent');
        if (!someoneStarving && urgentWaiting && !rotationDue) {
          expect(pickNextTicket(s)?.priority).toBe('urgent');
        }
      }),
      RUNS,
    );
  });

  it('calls urgent citizens first come, first served', () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const pick = pickNextTicket(s);
        if (pick?.priority === 'urgent') {
          expect(pick).toBe(longestWaiting(callableFor(s).filter((t) => t.priority === 'urgent')));
        }
      }),
      RUNS,
    );
  });

  it('calls the longest-waiting citizen as soon as anyone has waited the guard time', () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const starving = callableFor(s).filter((t) => isStarving(t, s));
        if (starving.length > 0) expect(pickNextTicket(s)).toBe(longestWaiting(starving));
      }),
      RUNS,
    );
  });

  it('calls a due booked citizen before a normal one when no urgent or guard rule applies', () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const pick = pickNextTicket(s);
        const callable = callableFor(s);
        const someoneStarving = callable.some((t) => isStarving(t, s));
        if (pick !== null && pick.priority === 'normal' && !someoneStarving) {
          expect(callable.some((t) => t.priority === 'appointment')).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('gives the same answer from the line heads alone as from the whole queue', () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        expect(pickNextTicket({ ...s, waiting: queueHeads(s.waiting, s.now) })).toBe(pickNextTicket(s));
      }),
      RUNS,
    );
  });

  it('does not depend on the order the queue is listed in', () => {
    const permutedArb = situationArb.chain((s) =>
      fc
        .shuffledSubarray([...s.waiting], { minLength: s.waiting.length, maxLength: s.waiting.length })
        .map((shuffled) => [s, shuffled] as const),
    );
    fc.assert(
      fc.property(permutedArb, ([s, shuffled]) => {
        expect(pickNextTicket({ ...s, waiting: shuffled })).toBe(pickNextTicket(s));
      }),
      RUNS,
    );
  });

  it('does not change the situation it is given', () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const before = structuredClone(s);
        pickNextTicket(s);
        expect(s).toEqual(before);
      }),
      RUNS,
    );
  });
});

describe('pickNextTicket: counter ordering (one priority class, nobody past the guard)', () => {
  const orderingSituationArb = (ordering: 'arrival' | 'preference'): fc.Arbitrary<QueueSituation> =>
    fc.constantFrom<PriorityClass>('normal', 'appointment').chain((priority) =>
      fc.record({
        waiting: waitingArb([priority]),
        counter: fc.record({ serviceCodes: fc.shuffledSubarray([...SERVICES]), ordering: fc.constant(ordering) }),
        recentCalls: recentCallsArb,
        now: fc.constant(NOW),
        config: fc.record({ maxConsecutiveUrgent: fc.integer({ min: 0, max: 4 }), guardMinutes: fc.constant(24 * 60) }),
      }),
    );

  it("'preference' empties the first-listed service before helping with the next", () => {
    fc.assert(
      fc.property(orderingSituationArb('preference'), (s) => {
        const callable = callableFor(s);
        const firstServiceWithCallable = s.counter.serviceCodes.find((code) => callable.some((t) => t.serviceCode === code));
        const expected = longestWaiting(callable.filter((t) => t.serviceCode === firstServiceWithCallable));
        expect(pickNextTicket(s)).toBe(expected ?? null);
      }),
      RUNS,
    );
  });

  it("'arrival' takes the longest-waiting citizen across all its services", () => {
    fc.assert(
      fc.property(orderingSituationArb('arrival'), (s) => {
        expect(pickNextTicket(s)).toBe(longestWaiting(callableFor(s)) ?? null);
      }),
      RUNS,
    );
  });
});

describe('queueHeads: properties', () => {
  const queueArb = fc.record({ waiting: waitingArb(), now: nowArb });

  it('returns exactly one ticket per line that has a callable ticket: the one who waited longest', () => {
    fc.assert(
      fc.property(queueArb, ({ waiting, now }) => {
        const heads = queueHeads(waiting, now);
        const lineOf = (t: QueueCandidate) => `${t.serviceCode}/${t.priority}`;
        const callable = waiting.filter((t) => t.callableAt <= now);
        const lines = new Set(callable.map(lineOf));
        expect(heads.map(lineOf).sort()).toEqual([...lines].sort());
        for (const head of heads) {
          expect(head).toBe(longestWaiting(callable.filter((t) => lineOf(t) === lineOf(head))));
        }
      }),
      RUNS,
    );
  });
});
