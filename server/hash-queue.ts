/**
 * Admission to work that is costly in memory and CPU (a password hash: ~128 MB and ~0.3 s at
 * the default cost). At most `running` tasks run at once and `waiting` more wait their turn, in
 * order; beyond that a task is refused at once. No key (a client address) may hold more than
 * `perKey` of those places, so one PC sending a flood of logins cannot fill the queue and lock
 * everyone else out. No clock and no I/O: what it decides follows only from the calls made.
 */
export interface HashQueueLimits {
  running: number;
  waiting: number;
  perKey: number;
}

export interface HashQueueLoad {
  running: number;
  waiting: number;
  /** The most tasks ever running at once: tests check it never passed the limit. */
  peakRunning: number;
}

export class HashQueue {
  private running = 0;
  private peakRunning = 0;
  private readonly queue: { key: string; start: () => void }[] = [];
  /** Places (running or waiting) held per key; a key holding none is absent. */
  private readonly held = new Map<string, number>();

  constructor(private readonly limits: HashQueueLimits) {
    if (limits.running < 1 || limits.waiting < 0 || limits.perKey < 1) throw new RangeError('HashQueue needs running ≥ 1, waiting ≥ 0, perKey ≥ 1.');
  }

  get load(): HashQueueLoad {
    return { running: this.running, waiting: this.queue.length, peakRunning: this.peakRunning };
  }

  /**
   * Runs `task` when a place is free and settles as it does; null, with nothing started, when
   * the key already holds its share or the queue is full.
   */
  run<T>(key: string, task: () => Promise<T>): Promise<T> | null {
    if ((this.held.get(key) ?? 0) >= this.limits.perKey) return null;
    if (this.running >= this.limits.running && this.queue.length >= this.limits.waiting) return null;
    this.held.set(key, (this.held.get(key) ?? 0) + 1);
    return new Promise<void>((start) => {
      if (this.running < this.limits.running) {
        this.begin();
        start();
      } else {
        this.queue.push({ key, start });
      }
    })
      .then(task)
      .finally(() => this.finish(key));
  }

  private begin(): void {
    this.running++;
    this.peakRunning = Math.max(this.peakRunning, this.running);
  }

  private finish(key: string): void {
    this.running--;
    const left = (this.held.get(key) ?? 1) - 1;
    if (left === 0) this.held.delete(key);
    else this.held.set(key, left);
    const next = this.queue.shift();
    if (next) {
      this.begin();
      next.start();
    }
  }
}
