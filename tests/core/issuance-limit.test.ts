import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_ISSUANCE_LIMITS,
  decideIssuance,
  EMPTY_ISSUANCE_WINDOW,
  isIssuanceWindowIdle,
  type IssuanceDecision,
  type IssuanceLimits,
  type IssuanceWindow,
} from '../../core/issuance-limit.js';

const T0 = Date.UTC(2026, 2, 2, 9, 0);
const NORMAL = { urgent: false };
const URGENT = { urgent: true };

/** Asks for tickets at the given times, in order; returns every decision. */
function run(times: readonly number[], limits: IssuanceLimits = DEFAULT_ISSUANCE_LIMITS, ticket = NORMAL, start: IssuanceWindow = EMPTY_ISSUANCE_WINDOW): IssuanceDecision[] {
  let window = start;
  return times.map((at) => {
    const decision = decideIssuance(window, ticket, limits, at);
    window = decision.window;
    return decision;
  });
}

const everySecond = (count: number, from = T0) => Array.from({ length: count }, (_, i) => from + i * 1000);

describe('tickets a minute', () => {
  it('allows 30 in a minute and refuses the 31st, until the first has left the window', () => {
    const decisions = run([...everySecond(31), T0 + 59_999, T0 + 60_000]);
    expect(decisions.slice(0, 30).every((d) => d.allowed)).toBe(true);
    const refused = decisions[30]!;
    expect(refused).toMatchObject({ allowed: false, limit: 'tickets_per_minute', retryAfterSeconds: 30 });
    expect(decisions[31]).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    // 60 s after the first ticket it has left the window: one place is free again.
    expect(decisions[32]!.allowed).toBe(true);
  });

  it('never lets any 60 whole seconds hold more tickets than the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 200 }), fc.integer({ min: 1, max: 10 }), (gaps, max) => {
        let at = T0;
        const times = gaps.map((gap) => (at += gap));
        const decisions = run(times, { ticketsPerMinute: max, urgentPerHour: 1 });
        const allowedSeconds = times.filter((_, i) => decisions[i]!.allowed).map((t) => Math.floor(t / 1000));
        for (const second of allowedSeconds) {
          expect(allowedSeconds.filter((s) => s > second - 60 && s <= second).length).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('lets a refused source in again once retry-after has passed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 100 }), (gaps) => {
        let at = T0;
        let window = EMPTY_ISSUANCE_WINDOW;
        for (const gap of gaps) {
          at += gap;
          const decision = decideIssuance(window, NORMAL, { ticketsPerMinute: 5, urgentPerHour: 1 }, at);
          window = decision.window;
          if (!decision.allowed) {
            expect(decideIssuance(window, NORMAL, { ticketsPerMinute: 5, urgentPerHour: 1 }, at + decision.retryAfterSeconds * 1000).allowed).toBe(true);
          }
        }
      }),
    );
  });

  it('waits for enough room when a manager lowered the limit below what the window holds', () => {
    const [, , , , , sixth] = run([...everySecond(5), T0 + 10_000], { ticketsPerMinute: 5, urgentPerHour: 6 });
    expect(sixth!.allowed).toBe(false);
    const window = sixth!.window;
    // Lowered to 2: four of the five must leave before one more fits, the fourth at T0 + 3 s + 60 s.
    expect(decideIssuance(window, NORMAL, { ticketsPerMinute: 2, urgentPerHour: 6 }, T0 + 10_000)).toMatchObject({ allowed: false, retryAfterSeconds: 53 });
  });
});

describe('urgent tickets', () => {
  it('allows 6 an hour and refuses the 7th for the rest of the hour, while normal tickets go on', () => {
    const hourly = Array.from({ length: 7 }, (_, i) => T0 + i * 5 * 60_000);
    const decisions = run(hourly, DEFAULT_ISSUANCE_LIMITS, URGENT);
    expect(decisions.slice(0, 6).every((d) => d.allowed)).toBe(true);
    expect(decisions[6]).toMatchObject({ allowed: false, limit: 'urgent_per_hour', retryAfterSeconds: 30 * 60 });
    expect(decideIssuance(decisions[6]!.window, NORMAL, DEFAULT_ISSUANCE_LIMITS, hourly[6]!).allowed).toBe(true);
    expect(decideIssuance(decisions[6]!.window, URGENT, DEFAULT_ISSUANCE_LIMITS, T0 + 60 * 60_000).allowed).toBe(true);
  });

  it('count towards the tickets a minute as well', () => {
    const decisions = run([...everySecond(3)], { ticketsPerMinute: 3, urgentPerHour: 100 }, URGENT);
    expect(decisions.every((d) => d.allowed)).toBe(true);
    expect(decideIssuance(decisions[2]!.window, NORMAL, { ticketsPerMinute: 3, urgentPerHour: 100 }, T0 + 3000)).toMatchObject({ allowed: false, limit: 'tickets_per_minute' });
  });
});

describe('refusals in the event log', () => {
  it('are logged once per window and source, not once per refused request', () => {
    const limits = { ticketsPerMinute: 2, urgentPerHour: 6 };
    const decisions = run([T0, T0 + 1, ...everySecond(50, T0 + 2), T0 + 60_002, T0 + 60_003, T0 + 60_004], limits);
    const logged = decisions.filter((d) => !d.allowed && d.logRefusal);
    // The first refusal (at T0 + 2) and the first one a full minute later (T0 + 60 002 is allowed:
    // the two first tickets have left; T0 + 60 004 is refused and logged again).
    expect(decisions.filter((d) => !d.allowed).length).toBeGreaterThan(40);
    expect(logged.length).toBe(2);
  });
});

describe('forgetting a source', () => {
  it('happens only when nothing in its window could still refuse or be logged', () => {
    const [first] = run([T0]);
    expect(isIssuanceWindowIdle(first!.window, T0 + 59_999)).toBe(false);
    expect(isIssuanceWindowIdle(first!.window, T0 + 60_000)).toBe(true);
    const [urgent] = run([T0], DEFAULT_ISSUANCE_LIMITS, URGENT);
    expect(isIssuanceWindowIdle(urgent!.window, T0 + 60_000)).toBe(false);
    expect(isIssuanceWindowIdle(urgent!.window, T0 + 3_600_000)).toBe(true);
  });
});

describe('the cost of a decision', () => {
  it('does not grow with the limit: at most 60 slots are kept, however many tickets', () => {
    const limits = { ticketsPerMinute: 1_000_000, urgentPerHour: 1_000_000 };
    const decisions = run(Array.from({ length: 5_000 }, (_, i) => T0 + i * 37), limits, URGENT);
    expect(decisions.every((d) => d.allowed)).toBe(true);
    const last = decisions.at(-1)!.window;
    expect(last.slots.tickets_per_minute.length).toBeLessThanOrEqual(60);
    expect(last.slots.urgent_per_hour.length).toBeLessThanOrEqual(60);
  });
});
