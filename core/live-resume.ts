import type { EventAudience } from './events.js';

/** What the event log looks like when a stream opens. */
export interface LogBounds {
  /** The newest sequence number, 0 for an empty log. */
  lastSeq: number;
  /** The first event of today's office day, or null when today has none yet. */
  firstSeqToday: number | null;
  /** When today's office day began, epoch milliseconds. */
  startOfToday: number;
}

/**
 * Where a stream starts. `live`: only what happens from now on. `replay`: every event after
 * `after` (and, when `notBefore` is set, none from before it) before going live. `reset`: the
 * page must reload its state, then follow live from the newest event.
 */
export type ResumePlan =
  | { kind: 'live' }
  | { kind: 'replay'; after: number; notBefore: number | null }
  | { kind: 'reset' };

/**
 * Staff get everything after their Last-Event-ID, as the README promises. A waiting-room screen
 * needs only today's calls: replaying a year of history to an anonymous caller is what let anyone
 * on the network exhaust the host, so a public Last-Event-ID from before today is answered with
 * a reset instead. An id beyond the newest event (a restored backup, a made-up number) would
 * otherwise hide every event up to it, so it is a reset for everyone.
 */
export function planResume(requested: number | undefined, viewer: EventAudience, log: LogBounds): ResumePlan {
  if (requested === undefined) return { kind: 'live' };
  if (requested > log.lastSeq) return { kind: 'reset' };
  if (viewer !== 'public') return { kind: 'replay', after: requested, notBefore: null };
  const firstToday = log.firstSeqToday ?? log.lastSeq + 1;
  if (requested < firstToday - 1) return { kind: 'reset' };
  return { kind: 'replay', after: requested, notBefore: log.startOfToday };
}
