import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idleState, KIOSK_IDLE_POLICY } from '../../renderer/src/lib/kiosk-idle.js';

const t0 = Date.parse('2026-03-02T09:00:00Z');

describe('idleState', () => {
  it('leaves a citizen alone for the first minute', () => {
    expect(idleState(t0, t0)).toEqual({ kind: 'active' });
    expect(idleState(t0, t0 + 59_999)).toEqual({ kind: 'active' });
  });

  it('asks "are you still there?" after 60 s and counts down 20 s (WCAG 2.2.1) in whole seconds', () => {
    expect(idleState(t0, t0 + 60_000)).toEqual({ kind: 'asking', secondsLeft: 20 });
    expect(idleState(t0, t0 + 60_001)).toEqual({ kind: 'asking', secondsLeft: 20 });
    expect(idleState(t0, t0 + 61_000)).toEqual({ kind: 'asking', secondsLeft: 19 });
    expect(idleState(t0, t0 + 79_500)).toEqual({ kind: 'asking', secondsLeft: 1 });
  });

  it('starts over once the countdown has run out', () => {
    expect(idleState(t0, t0 + 80_000)).toEqual({ kind: 'expired' });
    expect(idleState(t0, t0 + 3_600_000)).toEqual({ kind: 'expired' });
  });

  it('counts from the last activity, not from the start of the visit', () => {
    const touchedAt = t0 + 55_000;
    expect(idleState(touchedAt, t0 + 80_000)).toEqual({ kind: 'active' });
    expect(idleState(touchedAt, touchedAt + 60_000)).toEqual({ kind: 'asking', secondsLeft: 20 });
  });

  it('never throws a citizen out when the clock is set backwards', () => {
    expect(idleState(t0, t0 - 120_000)).toEqual({ kind: 'active' });
  });

  it('follows the policy it is given', () => {
    const policy = { askAfterMs: 5_000, answerWithinMs: 3_000 };
    expect(idleState(t0, t0 + 5_000, policy)).toEqual({ kind: 'asking', secondsLeft: 3 });
    expect(idleState(t0, t0 + 8_000, policy)).toEqual({ kind: 'expired' });
  });

  it('moves only forward as time passes: active, then asking with a falling count, then expired', () => {
    const rank = { active: 0, asking: 1, expired: 2 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), (a, b) => {
        const [early, late] = [idleState(t0, t0 + Math.min(a, b)), idleState(t0, t0 + Math.max(a, b))];
        expect(rank[late.kind]).toBeGreaterThanOrEqual(rank[early.kind]);
        if (early.kind === 'asking' && late.kind === 'asking') expect(late.secondsLeft).toBeLessThanOrEqual(early.secondsLeft);
        if (late.kind === 'asking') {
          expect(late.secondsLeft).toBeGreaterThanOrEqual(1);
          expect(late.secondsLeft).toBeLessThanOrEqual(KIOSK_IDLE_POLICY.answerWithinMs / 1000);
        }
      }),
    );
  });
});
