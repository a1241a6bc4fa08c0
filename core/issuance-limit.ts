/**
 * How many tickets one kiosk (or one address without a kiosk token) may issue. A kiosk serves one
 * citizen at a time, a few a minute at most; far more than that is a script or a stuck key, and
 * it would bury the real queue. Urgent tickets jump the line, so they have a tighter limit of
 * their own. Staff are never limited (see server/issuance-limiter.ts).
 */
export interface IssuanceLimits {
  ticketsPerMinute: number;
  urgentPerHour: number;
}

export const DEFAULT_ISSUANCE_LIMITS: IssuanceLimits = { ticketsPerMinute: 30, urgentPerHour: 6 };

/** What a manager may set; the top is "no limit in practice", for load tests and benchmarks. */
export const ISSUANCE_LIMIT_RANGE = { min: 1, max: 1_000_000 } as const;

export const ISSUANCE_LIMIT_KINDS = ['tickets_per_minute', 'urgent_per_hour'] as const;
export type IssuanceLimitKind = (typeof ISSUANCE_LIMIT_KINDS)[number];

/**
 * Each limit counts in 60 slots: tickets a minute by the second, urgent tickets an hour by the
 * minute. A sliding window of slots rather than a token bucket: "30 a minute" then means no 60
 * whole seconds ever hold more than 30, which is what a manager reads into the setting, and the
 * cost of a decision stays the same whatever the limit is set to.
 */
const SLOT_MS: Record<IssuanceLimitKind, number> = { tickets_per_minute: 1_000, urgent_per_hour: 60_000 };
const SLOTS = 60;

/** Slots in ascending order, only those holding tickets: [slot number, tickets in it]. */
type Slots = readonly (readonly [slot: number, count: number])[];

/**
 * One source's recent tickets per limit. `refusalLoggedAt` remembers when a refusal was last put
 * in the event log, so a flood is recorded once per window instead of once per refused request.
 */
export interface IssuanceWindow {
  slots: Record<IssuanceLimitKind, Slots>;
  refusalLoggedAt: Record<IssuanceLimitKind, number | null>;
}

export const EMPTY_ISSUANCE_WINDOW: IssuanceWindow = {
  slots: { tickets_per_minute: [], urgent_per_hour: [] },
  refusalLoggedAt: { tickets_per_minute: null, urgent_per_hour: null },
};

export type IssuanceDecision =
  | { allowed: true; window: IssuanceWindow }
  | {
      allowed: false;
      window: IssuanceWindow;
      limit: IssuanceLimitKind;
      /** Whole seconds until enough tickets have left the window for one more; at least 1. */
      retryAfterSeconds: number;
      /** True for the first refusal of a limit within its window: that one is worth an event. */
      logRefusal: boolean;
    };

export function maxOf(kind: IssuanceLimitKind, limits: IssuanceLimits): number {
  return kind === 'tickets_per_minute' ? limits.ticketsPerMinute : limits.urgentPerHour;
}

const windowMs = (kind: IssuanceLimitKind): number => SLOT_MS[kind] * SLOTS;

/**
 * May this source issue one more ticket at `now`? An allowed ticket is counted at once (before
 * it is stored), so a burst of requests arriving together cannot all slip through before any of
 * them is counted. A refused one is not counted: a kiosk that waits is let in again on time.
 */
export function decideIssuance(window: IssuanceWindow, ticket: { urgent: boolean }, limits: IssuanceLimits, now: number): IssuanceDecision {
  const kinds: IssuanceLimitKind[] = ticket.urgent ? ['tickets_per_minute', 'urgent_per_hour'] : ['tickets_per_minute'];
  const slots = { ...window.slots };
  for (const kind of ISSUANCE_LIMIT_KINDS) slots[kind] = recentOnly(slots[kind], kind, now);

  for (const kind of kinds) {
    const max = maxOf(kind, limits);
    let excess = total(slots[kind]) - max + 1;
    if (excess <= 0) continue;
    // With a lowered limit more than `max` may be in the window: wait until enough have left.
    let freesAt = now;
    for (const [slot, count] of slots[kind]) {
      freesAt = (slot + SLOTS) * SLOT_MS[kind];
      excess -= count;
      if (excess <= 0) break;
    }
    const lastLogged = window.refusalLoggedAt[kind];
    const logRefusal = lastLogged === null || now - lastLogged >= windowMs(kind);
    return {
      allowed: false,
      window: { slots, refusalLoggedAt: logRefusal ? { ...window.refusalLoggedAt, [kind]: now } : window.refusalLoggedAt },
      limit: kind,
      retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)),
      logRefusal,
    };
  }
  for (const kind of kinds) slots[kind] = counted(slots[kind], Math.floor(now / SLOT_MS[kind]));
  return { allowed: true, window: { slots, refusalLoggedAt: window.refusalLoggedAt } };
}

/** True when the window holds nothing that could still refuse or be logged: it may be forgotten. */
export function isIssuanceWindowIdle(window: IssuanceWindow, now: number): boolean {
  return ISSUANCE_LIMIT_KINDS.every((kind) => {
    const logged = window.refusalLoggedAt[kind];
    return recentOnly(window.slots[kind], kind, now).length === 0 && (logged === null || now - logged >= windowMs(kind));
  });
}

function recentOnly(slots: Slots, kind: IssuanceLimitKind, now: number): Slots {
  const oldest = Math.floor(now / SLOT_MS[kind]) - SLOTS + 1;
  let first = 0;
  while (first < slots.length && slots[first]![0] < oldest) first++;
  return first === 0 ? slots : slots.slice(first);
}

function total(slots: Slots): number {
  let sum = 0;
  for (const [, count] of slots) sum += count;
  return sum;
}

function counted(slots: Slots, slot: number): Slots {
  const last = slots.at(-1);
  return last?.[0] === slot ? [...slots.slice(0, -1), [slot, last[1] + 1]] : [...slots, [slot, 1]];
}
