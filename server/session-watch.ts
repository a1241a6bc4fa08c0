import type { Store } from '../db/store.js';
import { sessionStillValid, type SessionPolicy } from './auth.js';

export interface SessionWatch {
  /** Checks now (a clock that jumped, say); calls `onEnded` if the session no longer stands. */
  check(): void;
  stop(): void;
}

/**
 * Follows the session a long-lived connection was opened with and calls `onEnded` as soon as it
 * ends: at once when sessions are deleted (logout, password reset, deactivation), and when it
 * would idle out. The check waits a turn after a deletion, so it reads the committed state.
 */
export function watchSession(store: Store, tokenHash: string, policy: Pick<SessionPolicy, 'idleMinutes' | 'clock'>, onEnded: () => void): SessionWatch {
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(idleTimer);
    unsubscribe();
  };
  const check = () => {
    if (stopped) return;
    if (!sessionStillValid(store, tokenHash, policy)) {
      stop();
      onEnded();
      return;
    }
    scheduleIdleCheck();
  };
  const scheduleIdleCheck = () => {
    clearTimeout(idleTimer);
    const session = store.sessions.find(tokenHash);
    if (!session) return;
    // A second past the idle limit, so the check lands after it, not a hair before.
    const dueMs = session.lastSeenAt + policy.idleMinutes * 60_000 - policy.clock() + 1000;
    idleTimer = setTimeout(check, Math.max(1000, dueMs));
  };
  const unsubscribe = store.sessions.onEnded(() => setImmediate(check));
  // The request that opened the stream has just checked the session; from here on the watch does.
  scheduleIdleCheck();
  return { check, stop };
}
