/**
 * Counts attempts per key (a client address) in fixed windows: at most `max` in any window of
 * `windowMs`, then refused until that window ends. The time is always given, never read: the
 * host passes its clock. Keys whose window has ended are dropped once more than `maxKeys` are
 * held, so a stream of new addresses cannot grow the table without bound.
 */
export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class AttemptWindow {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one attempt by `key` at `now` and says whether it may go ahead. */
  hit(key: string, now: number): AttemptVerdict {
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.windowMs || now < window.start) {
      window = { start: now, count: 0 };
      this.windows.delete(key);
      this.windows.set(key, window);
      if (this.windows.size > this.maxKeys) this.forgetEnded(now);
    }
    window.count++;
    if (window.count <= this.max) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
  }

  /** How many keys are held now (for tests of the bound). */
  get size(): number {
    return this.windows.size;
  }

  private forgetEnded(now: number): void {
    for (const [key, window] of this.windows) {
      if (now >= window.start + this.windowMs) this.windows.delete(key);
    }
    // Still too many live windows: forget the oldest (a Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size <= this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
