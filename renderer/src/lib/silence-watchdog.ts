/**
 * Calls `onSilence` once when `heard()` has not been called for `timeoutMs`. A live stream whose
 * connection died without an error (a router dropping an idle connection, a host PC that slept)
 * looks open forever; its heartbeats stopping is the only sign.
 */
export class SilenceWatchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly onSilence: () => void,
  ) {}

  /** Something arrived: the silence starts again from now. */
  heard(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onSilence();
    }, this.timeoutMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
