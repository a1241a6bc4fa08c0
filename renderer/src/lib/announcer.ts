/**
 * The waiting room hears one call at a time: calls that arrive together are queued and announced
 * in order, with a pause between them. No DOM and no clock of its own; the page injects the sound
 * and the timing, so tests can drive it with a fake clock.
 */
export interface Announcement {
  /** The event's sequence number: a recall of the same ticket is a new announcement. */
  seq: number;
  /** When the call was made, epoch milliseconds. */
  at: number;
  number: string;
  counterName: string | null;
}

export interface AnnouncerTiming {
  now: () => number;
  wait: (ms: number) => Promise<void>;
}

export interface AnnouncerOptions {
  /** Plays one announcement (chime, then speech) and settles when it has been said. */
  perform: (announcement: Announcement) => Promise<void>;
  timing: AnnouncerTiming;
  /** Silence between two announcements, so they are heard as two. */
  gapMs: number;
  /** The longest one announcement may take: a speech engine that never reports "done" must not silence the rest. */
  maxDurationMs: number;
  /** A call older than this when its turn comes is shown but not read out (calls replayed after an outage). */
  maxAgeMs: number;
}

export class Announcer {
  private readonly pending: Announcement[] = [];
  private draining: Promise<void> = Promise.resolve();
  /** Set and cleared inside `drain` in the same turn as its last look at the queue, so no call slips between. */
  private running = false;
  private stopped = false;

  constructor(private readonly options: AnnouncerOptions) {}

  enqueue(announcement: Announcement): void {
    if (this.stopped) return;
    this.pending.push(announcement);
    if (!this.running) this.draining = this.drain();
  }

  /** Settles once everything queued so far has been announced or skipped. */
  idle(): Promise<void> {
    return this.draining;
  }

  /** Forgets what is queued and announces nothing more (the page is closing). */
  stop(): void {
    this.stopped = true;
    this.pending.length = 0;
  }

  private async drain(): Promise<void> {
    const { perform, timing, gapMs, maxDurationMs, maxAgeMs } = this.options;
    this.running = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) {
        if (timing.now() - next.at > maxAgeMs) continue;
        // A failed chime or voice must not block the calls after it.
        await Promise.race([perform(next).catch(() => undefined), timing.wait(maxDurationMs)]);
        await timing.wait(gapMs);
      }
    } finally {
      this.running = false;
    }
  }
}
