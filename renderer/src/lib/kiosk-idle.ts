/**
 * When the kiosk gives up on a citizen who walked away: after a quiet spell it asks "Are you
 * still there?" with a visible countdown, then starts over so the next citizen never sees the
 * previous one's verdict or ticket. Pure and clock-free: the caller passes the times.
 */

export interface IdlePolicy {
  /** Quiet time (no touch, key or scan) before the question appears. */
  askAfterMs: number;
  /** How long the question stays up before the screen starts over. */
  answerWithinMs: number;
}

/**
 * WCAG 2.1 success criterion 2.2.1 (Timing Adjustable, level A): a time limit may stand only if
 * the user is warned and has at least 20 seconds to extend it with a simple action — here the
 * "I am here" button — so the countdown is 20 seconds, not shorter.
 */
export const KIOSK_IDLE_POLICY: IdlePolicy = { askAfterMs: 60_000, answerWithinMs: 20_000 };

export type IdleState =
  | { kind: 'active' }
  /** `secondsLeft` counts down from `answerWithinMs` in whole seconds, never below 1. */
  | { kind: 'asking'; secondsLeft: number }
  | { kind: 'expired' };

export function idleState(lastActivityAt: number, now: number, policy: IdlePolicy = KIOSK_IDLE_POLICY): IdleState {
  const quietMs = now - lastActivityAt;
  // A clock set backwards (NTP after a cold boot) must not throw a citizen out mid-visit.
  if (!(quietMs >= 0) || quietMs < policy.askAfterMs) return { kind: 'active' };
  const leftMs = policy.askAfterMs + policy.answerWithinMs - quietMs;
  if (leftMs <= 0) return { kind: 'expired' };
  return { kind: 'asking', secondsLeft: Math.ceil(leftMs / 1000) };
}
