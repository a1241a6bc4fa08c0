import type { ServerResponse } from 'node:http';

/** One Server-Sent Event; `id` moves the browser's Last-Event-ID. */
export function sseEvent(id: number, type: string, data: unknown): string {
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export interface SseWriterLimits {
  /** Text held for a client whose socket is full, beyond which the client is dropped. */
  maxQueuedBytes: number;
  /** How long a socket may stay full before the client is dropped. */
  stallMs: number;
}

/**
 * Writes one client's event stream without letting a client that stops reading grow the host's
 * memory: once the socket's buffer is full, text waits in a bounded queue until 'drain', and a
 * client whose buffer stays full too long, or whose queue overflows, is disconnected. A page
 * that is merely slow reconnects with Last-Event-ID and loses nothing.
 */
export class SseWriter {
  private queue: (string | Buffer)[] = [];
  private queuedBytes = 0;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;
  private readyWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly limits: SseWriterLimits,
  ) {
    res.on('drain', this.onDrain);
    res.on('close', this.onClose);
  }

  /** The socket is full: producers of bulk text (the replay) should wait for `whenReady`. */
  get full(): boolean {
    return this.stallTimer !== undefined;
  }

  get open(): boolean {
    return !this.closed;
  }

  write(text: string | Buffer): void {
    if (this.closed) return;
    if (this.full) {
      this.queue.push(text);
      this.queuedBytes += Buffer.byteLength(text);
      if (this.queuedBytes > this.limits.maxQueuedBytes) this.destroy();
      return;
    }
    if (!this.res.write(text)) this.stallTimer = setTimeout(() => this.destroy(), this.limits.stallMs);
  }

  /** Calls `next` once the socket has room (at once if it has), unless the client is gone. */
  whenReady(next: () => void): void {
    if (this.closed) return;
    if (this.full) this.readyWaiters.push(next);
    else next();
  }

  end(): void {
    if (this.closed) return;
    this.res.end();
    this.onClose();
  }

  /** Disconnects at once, whatever is still unsent. */
  destroy(): void {
    if (this.closed) return;
    this.res.destroy();
    this.onClose();
  }

  private readonly onDrain = (): void => {
    clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
    const queued = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    // Whatever does not fit now queues again, in order, behind a new stall timer.
    for (const text of queued) this.write(text);
    if (this.full) return;
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const next of waiters) next();
  };

  private readonly onClose = (): void => {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.stallTimer);
    this.queue = [];
    this.readyWaiters = [];
    this.res.off('drain', this.onDrain);
  };
}
