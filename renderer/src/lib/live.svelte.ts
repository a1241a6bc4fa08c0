import { EVENT_TYPES, LIVE_HEARTBEAT_EVENT, LIVE_HEARTBEAT_MS, LIVE_RESET_EVENT } from '../../../core/events.js';
import { SilenceWatchdog } from './silence-watchdog.js';

/**
 * The host's live event stream. EventSource reconnects by itself and sends Last-Event-ID, so the
 * host replays whatever happened while the network was gone; `connected` drives the pages'
 * "reconnecting" mark.
 */
export interface LiveMessage {
  seq: number;
  /** When the event happened, epoch milliseconds. */
  at: number;
  type: string;
  /** The counter the event concerns; only staff sessions receive it. */
  counterId: number | null;
  data: Record<string, unknown>;
}

/** How long to wait before opening a new stream after the browser gave up on the old one. */
const RESTART_MS = 3000;
/** Three missed heartbeats: one late beat on a busy host is not a dead stream. */
const SILENT_STREAM_MS = 3 * LIVE_HEARTBEAT_MS;

export class LiveStream {
  connected = $state(false);
  private source: EventSource | null = null;
  private lastSeq: number | undefined;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly watchdog = new SilenceWatchdog(SILENT_STREAM_MS, () => this.open());

  /**
   * `onReset`: the host will not replay what the page missed (it was away since before today);
   * the page must read its whole state again. The stream itself goes on live.
   */
  constructor(
    private readonly onMessage: (message: LiveMessage) => void,
    private readonly onConnectionChange: (connected: boolean) => void = () => {},
    private readonly onReset: () => void = () => {},
  ) {}

  /**
   * Starts after `lastSeq` (from the page's first load) so nothing falls between the load and the
   * stream. Without it the host sends only what happens from now on.
   */
  start(lastSeq?: number): void {
    this.stop();
    this.lastSeq = lastSeq;
    window.addEventListener('offline', this.dropWhileOffline);
    window.addEventListener('online', this.resume);
    this.open();
  }

  stop(): void {
    window.removeEventListener('offline', this.dropWhileOffline);
    window.removeEventListener('online', this.resume);
    this.close();
  }

  private open(): void {
    this.close();
    const query = this.lastSeq === undefined ? '' : `?lastEventId=${this.lastSeq}`;
    const source = new EventSource(`/api/events${query}`);
    source.onopen = () => {
      this.setConnected(true);
      this.watchdog.heard();
    };
    source.onerror = () => {
      this.setConnected(false);
      // CONNECTING means the browser retries by itself; CLOSED means it gave up (an error page
      // from the host while it restarts), and a waiting-room screen must never stay dark.
      if (source.readyState === EventSource.CLOSED) this.restartTimer = setTimeout(() => this.open(), RESTART_MS);
    };
    const handle = (event: MessageEvent<string>) => {
      this.watchdog.heard();
      const payload = JSON.parse(event.data) as { seq: number; at: number; type: string; counterId?: number | null; data: Record<string, unknown> };
      this.lastSeq = payload.seq;
      this.onMessage({ seq: payload.seq, at: payload.at, type: payload.type, counterId: payload.counterId ?? null, data: payload.data });
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, handle);
    source.addEventListener(LIVE_HEARTBEAT_EVENT, () => this.watchdog.heard());
    source.addEventListener(LIVE_RESET_EVENT, (event: MessageEvent<string>) => {
      this.watchdog.heard();
      this.lastSeq = (JSON.parse(event.data) as { seq: number }).seq;
      this.onReset();
    });
    this.source = source;
  }

  private close(): void {
    clearTimeout(this.restartTimer);
    this.watchdog.stop();
    this.source?.close();
    this.source = null;
    this.setConnected(false);
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    this.onConnectionChange(connected);
  }

  // An open stream does not notice a pulled network cable until TCP gives up, minutes later; the
  // browser's offline event is the first sign, so the screen shows it is not live at once.
  private readonly dropWhileOffline = () => this.close();
  private readonly resume = () => this.open();
}
