import fc from 'fast-check';
import type { QueuePolicyConfig } from '../../core/queue-policy.js';

/** What the queue-policy property tests share. */
export const MINUTE = 60_000;
/** A Monday morning in the office. */
export const NOW = Date.UTC(2026, 2, 2, 9, 0);
export const SERVICES = ['M', 'P', 'K', 'A'] as const;
export const RUNS = { numRuns: 300 };

export const configArb: fc.Arbitrary<QueuePolicyConfig> = fc.record({
  maxConsecutiveUrgent: fc.integer({ min: 0, max: 4 }),
  // Half the time nobody in the generated queue can reach the guard, so the other rules get exercised.
  guardMinutes: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 150, max: 600 })),
});

