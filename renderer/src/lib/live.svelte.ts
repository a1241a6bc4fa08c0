import { EVENT_TYPES } from '../../../core/events.js';

/**
 * The host's live event stream. EventSource reconnects by itself and sends Last-Event-ID, so the
 * host replays whatever happened while the network was gone; `connected` drives the pages'
 * "reconnecting" mark.
 */
export interface LiveMessage {
  seq: number;
  type: string;
  data: Record<string, unknown>;
}

export class LiveStream {
  connected = $state(false);
  private source: EventSource | null = null;

  constructor(private readonly onMessage: (message: LiveMessage) => void) {}

  /** Starts after `lastSeq` (from the page's first load) so nothing falls between the load and the stream. */
  start(lastSeq: number): void {
    this.stop();
    const source = new EventSource(`/api/events?lastEventId=${lastSeq}`);
    source.onopen = () => (this.connected = true);
    source.onerror = () => (this.connected = false);
    const handle = (event: MessageEvent<string>) => {
      const payload = JSON.parse(event.data) as { seq: number; type: string; data: Record<string, unknown> };
      this.onMessage({ seq: payload.seq, type: payload.type, data: payload.data });
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, handle);
    this.source = source;
  }

  stop(): void {
    this.source?.close();
    this.source = null;
    this.connected = false;
  }
}
