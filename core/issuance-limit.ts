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

export const ISSUANCE_LIMIT_KINDS = ['tickets_per_minute', 'urgent_per_hour'] as const;
export type IssuanceLimitKind = (typeof ISSUANCE_LIMIT_KINDS)[number];

const WINDOW_MS: Record<IssuanceLimitKind, number> = { tickets_per_minute: 60_000, urgent_per_hour: 3_600_000 };

/**
 * One source's recent tickets, as times in ascending order, per limit. A sliding window rather
 * than a token bucket: "30 a minute" then means no 60 seconds ever hold more than 30, which is
 * what a manager reads into the setting. `refusalLoggedAt` remembers when a refusal was last put
 * in the event log, so a flood is recorded once per window instead of once per request.
 */
export interface IssuanceWindow {
  issuedAt: Record<IssuanceLimitKind, readonly number[]>;
  refusalLoggedAt: Record<IssuanceLimitKind, number | null>;
}

export const EMPTY_ISSUANCE_WINDOW: IssuanceWindow = {
  issuedAt: { tickets_per_minute: [], urgent_per_hour: [] },
  refusalLoggedAt: { tickets_per_minute: null, urgent_per_hour: null },
};

export type IssuanceDecision =
  | { allowed: true; window: IssuanceWindow }
  | {
      allowed: false;
      window: IssuanceWindow;
      limit: IssuanceLimitKind;
      /** Whole seconds until the oldest ticket in the window leaves it; at least 1. */
      retryAfterSeconds: number;
      /** True for the first refusal of a limit within its window: that one is worth an event. */
      logRefusal: boolean;
    };

function maxOf(kind: IssuanceLimitKind, limits: IssuanceLimits): number {
  return kind === 'tickets_per_minute' ? limits.ticketsPerMinute : limits.urgentPerHour;
}

/**
 * May this source issue one more ticket at `now`? An allowed ticket is counted at once (before
 * it is stored), so a burst of requests arriving together cannot all slip through before any of
 * them is counted. A refused one is not counted: a kiosk that waits is let in again on time.
 */
export function decideIssuance(window: IssuanceWindow, ticket: { urgent: boolean }, limits: IssuanceLimits, now: number): IssuanceDecision {
  const kinds: IssuanceLimitKind[] = ticket.urgent ? ['tickets_per_minute', 'urgent_per_hour'] : ['tickets_per_minute'];
  const issuedAt = { ...window.issuedAt };
  for (const kind of ISSUANCE_LIMIT_KINDS) issuedAt[kind] = recentOnly(issuedAt[kind], kind, now);
  const pruned: IssuanceWindow = { issuedAt, refusalLoggedAt: window.refusalLoggedAt };

  for (const kind of kinds) {
    const recent = issuedAt[kind];
    const max = maxOf(kind, limits);
    if (recent.length >= max) {
      // With a lowered limit more than `max` may still be in the window: wait until only max - 1 remain.
      const freesAt = recent[recent.length - max]! + WINDOW_MS[kind];
      const lastLogged = window.refusalLoggedAt[kind];
      const logRefusal = lastLogged === null || now - lastLogged >= WINDOW_MS[kind];
      return {
        allowed: false,
        window: logRefusal ? { issuedAt, refusalLoggedAt: { ...window.refusalLoggedAt, [kind]: now } } : pruned,
        limit: kind,
        retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)),
        logRefusal,
      };
    }
  }
  for (const kind of kinds) issuedAt[kind] = [...issuedAt[kind], now];
  return { allowed: true, window: pruned };
}

/** True when the window holds nothing that could still refuse or be logged: it may be forgotten. */
export function isIssuanceWindowIdle(window: IssuanceWindow, now: number): boolean {
  return ISSUANCE_LIMIT_KINDS.every((kind) => {
    const last = window.issuedAt[kind].at(-1);
    const logged = window.refusalLoggedAt[kind];
    return (last === undefined || now - last >= WINDOW_MS[kind]) && (logged === null || now - logged >= WINDOW_MS[kind]);
  });
}

function recentOnly(times: readonly number[], kind: IssuanceLimitKind, now: number): readonly number[] {
  const since = now - WINDOW_MS[kind];
  let first = 0;
  while (first < times.length && times[first]! <= since) first++;
  return first === 0 ? times : times.slice(first);
}
