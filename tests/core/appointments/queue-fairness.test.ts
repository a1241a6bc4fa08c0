import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideCheckIn } from '../../../core/appointments/check-in.js';
import { officeDayOf } from '../../../core/office-day.js';
import { pickNextTicket, type QueueCandidate, type QueuePolicyConfig } from '../../../core/queue-policy.js';
import type { PriorityClass } from '../../../core/types.js';

// A counter calling all day while walk-ins, urgent citizens and booked citizens arrive, the booked
// ones checking in early, on time or late as the kiosk rule (decideCheckIn) decides. The queue
// policy's own tests cover single picks; these follow whole days.

const MINUTE = 60_000;
/** 09:00 Copenhagen, Wednesday 25 November 2026. */
const OPENING = Date.UTC(2026, 10, 25, 8, 0);
const CHECK_IN_RULES = { earlyWindowMinutes: 10, lateGraceMinutes: 10 };

type Arrival = { kind: 'walk_in' } | { kind: 'urgent' } | { kind: 'booked'; minutesUntilSlot: number };

interface Step {
  arrivals: Arrival[];
  minutesToNextCall: number;
}

interface Simulated {
  ticket: QueueCandidate;
  calledAt: number | null;
  /** Calls that went to someone else after this ticket had waited the guard time. */
  passedOverWhileStarving: number;
}

const waitingSince = (t: QueueCandidate) => Math.max(t.arrivedAt, t.callableAt);
const isBefore = (a: QueueCandidate, b: QueueCandidate) =>
  waitingSince(a) !== waitingSince(b) ? waitingSince(a) < waitingSince(b) : a.id < b.id;

function simulate(config: QueuePolicyConfig, steps: readonly Step[]): Simulated[] {
  const counter = { serviceCodes: ['M', 'P'], ordering: 'arrival' as const };
  const all: Simulated[] = [];
  let waiting: Simulated[] = [];
  let recentCalls: PriorityClass[] = [];
  let now = OPENING;

  const arrive = (arrival: Arrival) => {
    let priority: PriorityClass = arrival.kind === 'urgent' ? 'urgent' : 'normal';
    let callableAt = now;
    if (arrival.kind === 'booked') {
      const slotStart = now + arrival.minutesUntilSlot * MINUTE;
      const decision = decideCheckIn({ status: 'booked', officeDay: officeDayOf(now), slotStart }, now, CHECK_IN_RULES);
      if (!decision.ok) throw new Error('a booking for today is always usable');
      priority = decision.priority;
      callableAt = decision.callableAt;
    }
    const id = all.length + 1;
    const entry: Simulated = {
      ticket: { id, serviceCode: id % 2 === 0 ? 'M' : 'P', priority, arrivedAt: now, callableAt },
      calledAt: null,
      passedOverWhileStarving: 0,
    };
    all.push(entry);
    waiting.push(entry);
  };

  const callNext = () => {
    const pick = pickNextTicket({ waiting: waiting.map((w) => w.ticket), counter, recentCalls, now, config });
    if (pick === null) return;
    for (const w of waiting) {
      if (w.ticket === pick) w.calledAt = now;
      else if (w.ticket.callableAt <= now && now - waitingSince(w.ticket) >= config.guardMinutes * MINUTE) w.passedOverWhileStarving++;
    }
    waiting = waiting.filter((w) => w.ticket !== pick);
    recentCalls = [pick.priority, ...recentCalls];
  };

  for (const step of steps) {
    step.arrivals.forEach(arrive);
    callNext();
    now += step.minutesToNextCall * MINUTE;
  }
  // After the doors close the counter keeps calling until the room is empty.
  for (let guard = 0; waiting.length > 0 && guard < 10_000; guard++) {
    callNext();
    now += 5 * MINUTE;
  }
  return all;
}

const arrivalArb: fc.Arbitrary<Arrival> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Arrival>({ kind: 'walk_in' }) },
  { weight: 1, arbitrary: fc.constant<Arrival>({ kind: 'urgent' }) },
  // Booked citizens arriving from 40 minutes before their slot to 20 minutes after it.
  { weight: 3, arbitrary: fc.integer({ min: -20, max: 40 }).map<Arrival>((minutesUntilSlot) => ({ kind: 'booked', minutesUntilSlot })) },
);

const dayArb = fc.record({
  config: fc.record({ maxConsecutiveUrgent: fc.integer({ min: 0, max: 4 }), guardMinutes: fc.integer({ min: 10, max: 90 }) }),
  // More arrivals than calls: the room fills up, so the rules are tested under pressure.
  steps: fc.array(fc.record({ arrivals: fc.array(arrivalArb, { maxLength: 3 }), minutesToNextCall: fc.integer({ min: 1, max: 8 }) }), {
    minLength: 1,
    maxLength: 40,
  }),
});

describe('one queue for booked and walk-in citizens over a whole day', () => {
  it('calls everybody in the end, and nobody before the ticket is callable', () => {
    fc.assert(
      fc.property(dayArb, ({ config, steps }) => {
        for (const t of simulate(config, steps)) {
          expect(t.calledAt).not.toBeNull();
          expect(t.calledAt!).toBeGreaterThanOrEqual(t.ticket.callableAt);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lets a stream of booked citizens pass a walk-in only until the guard time; after it, only those who waited longer', () => {
    fc.assert(
      fc.property(dayArb, ({ config, steps }) => {
        const tickets = simulate(config, steps);
        for (const t of tickets) {
          const waitedLonger = tickets.filter((o) => o !== t && isBefore(o.ticket, t.ticket)).length;
          expect(t.passedOverWhileStarving).toBeLessThanOrEqual(waitedLonger);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not let an early check-in count its time before the window as waiting', () => {
    // Checked in at 09:00 for a 10:00 slot: callable from 09:50. Two walk-ins come at 09:45; the
    // first is called at once. At 10:05 both the booking and the second walk-in are past the
    // 10-minute guard, and the walk-in (waiting since 09:45) has waited longer than the booking
    // (since 09:50), although the booked citizen has been in the room an hour.
    const config = { maxConsecutiveUrgent: 3, guardMinutes: 10 };
    const steps: Step[] = [
      { arrivals: [{ kind: 'booked', minutesUntilSlot: 60 }], minutesToNextCall: 45 },
      { arrivals: [{ kind: 'walk_in' }, { kind: 'walk_in' }], minutesToNextCall: 20 },
    ];
    const [early, firstWalkIn, secondWalkIn] = simulate(config, steps);
    expect(early!.ticket).toMatchObject({ priority: 'appointment', callableAt: OPENING + 50 * MINUTE });
    expect(firstWalkIn!.calledAt).toBe(OPENING + 45 * MINUTE);
    expect(secondWalkIn!.calledAt).toBe(OPENING + 65 * MINUTE);
    expect(early!.calledAt).toBe(OPENING + 70 * MINUTE);
  });
});
