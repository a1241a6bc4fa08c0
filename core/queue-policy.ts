import type { CounterOrdering, PriorityClass } from './types.js';

/**
 * Who goes next. The office's own policy, so every number here is configuration: Danish law has
 * no priority rule for hospital summonses (see docs), the urgent lane is the office's choice.
 */
export interface QueuePolicyConfig {
  /**
   * After this many urgent calls in a row (office-wide), the next call goes to a non-urgent ticket
   * if one waits. 0 means no cap: urgent tickets always go first (the guard time still applies).
   */
  maxConsecutiveUrgent: number;
  /** A ticket that has waited this long goes before everything else, so nobody starves. */
  guardMinutes: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicyConfig = {
  maxConsecutiveUrgent: 3,
  guardMinutes: 45,
};

/** The little the policy needs to know about a waiting ticket. */
export interface QueueCandidate {
  id: number;
  serviceCode: string;
  priority: PriorityClass;
  /** Arrival time; transfers keep the original, requeues too. */
  arrivedAt: number;
  /** A booked citizen may have checked in early; until then the ticket is not callable. */
  callableAt: number;
}

export interface CounterPreferences {
  /** Most preferred first. */
  serviceCodes: readonly string[];
  ordering: CounterOrdering;
}

export interface QueueSituation {
  waiting: readonly QueueCandidate[];
  counter: CounterPreferences;
  /** Priorities of the office's most recent calls, newest first (only the first few matter). */
  recentCalls: readonly PriorityClass[];
  now: number;
  config: QueuePolicyConfig;
}

/**
 * Picks the next ticket for a counter, or null when nobody it serves is callable.
 *
 * Order: (1) anyone past the guard time, longest wait first; (2) urgent tickets, first come first
 * served, unless the last `maxConsecutiveUrgent` calls were all urgent and a non-urgent ticket
 * waits; (3) booked citizens whose slot is due; (4) everyone else by the counter's ordering.
 */
export function pickNextTicket(situation: QueueSituation): QueueCandidate | null {
  const { counter, now, config } = situation;
  const callable = situation.waiting.filter((t) => counter.serviceCodes.includes(t.serviceCode) && t.callableAt <= now);
  if (callable.length === 0) return null;

  const guardMs = config.guardMinutes * 60_000;
  const starving = callable.filter((t) => now - waitingSince(t) >= guardMs);
  if (starving.length > 0) return oldest(starving);

  const urgent = callable.filter((t) => t.priority === 'urgent');
  const others = callable.filter((t) => t.priority !== 'urgent');
  const urgentStreakFull =
    config.maxConsecutiveUrgent > 0 &&
    situation.recentCalls.length >= config.maxConsecutiveUrgent &&
    situation.recentCalls.slice(0, config.maxConsecutiveUrgent).every((p) => p === 'urgent');
  if (urgent.length > 0 && !(urgentStreakFull && others.length > 0)) return oldest(urgent);

  const dueAppointments = others.filter((t) => t.priority === 'appointment');
  if (dueAppointments.length > 0) return inCounterOrder(dueAppointments, counter);
  return inCounterOrder(others, counter);
}

/**
 * The first ticket of each line (service × priority). `pickNextTicket` only ever picks a line's
 * head, so the host may hand it just these; tests prove both give the same answer.
 */
export function queueHeads(waiting: readonly QueueCandidate[], now: number): QueueCandidate[] {
  const heads = new Map<string, QueueCandidate>();
  for (const t of waiting) {
    if (t.callableAt > now) continue;
    const line = `${t.serviceCode}|${t.priority}`;
    const head = heads.get(line);
    if (!head || isBefore(t, head)) heads.set(line, t);
  }
  return [...heads.values()];
}

/**
 * A booked citizen's wait counts from the slot (the later of arrival and callable time), so an
 * early check-in does not jump the guard.
 */
export function waitingSince(t: QueueCandidate): number {
  return Math.max(t.arrivedAt, t.callableAt);
}

function oldest(tickets: readonly QueueCandidate[]): QueueCandidate {
  return tickets.reduce((best, t) => (isBefore(t, best) ? t : best));
}

function inCounterOrder(tickets: readonly QueueCandidate[], counter: CounterPreferences): QueueCandidate {
  if (counter.ordering === 'arrival') return oldest(tickets);
  for (const code of counter.serviceCodes) {
    const ofService = tickets.filter((t) => t.serviceCode === code);
    if (ofService.length > 0) return oldest(ofService);
  }
  return oldest(tickets);
}

/** Earlier wait start first; the ticket id breaks ties so the order is total and repeatable. */
export function isBefore(a: QueueCandidate, b: QueueCandidate): boolean {
  const byWait = waitingSince(a) - waitingSince(b);
  return byWait !== 0 ? byWait < 0 : a.id < b.id;
}
