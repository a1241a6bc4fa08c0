export interface Throttled {
  /** Asks for a run: now if the last one was long enough ago, else once when the interval is over. */
  request(): void;
  /** Drops a run that is waiting for its turn (the page is closing). */
  cancel(): void;
}

/**
 * Runs `run` at most once per `intervalMs`, and never drops the last request: a burst of events
 * gives one run at once and one at the end of the interval, which sees the burst's last change.
 */
export function throttle(run: () => void, intervalMs: number): Throttled {
  let lastRun = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    lastRun = Date.now();
    run();
  };
  return {
    request() {
      if (timer !== undefined) return;
      const wait = lastRun + intervalMs - Date.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
