import type { ServerResponse } from 'node:http';
import { eventForViewer, LIVE_HEARTBEAT_EVENT, LIVE_RESET_EVENT, type EventAudience, type OfficeEvent } from '../core/events.js';
import type { ResumePlan } from '../core/live-resume.js';
import type { Store } from '../db/store.js';
import type { EventBus } from './event-bus.js';
import type { ReplayTurns } from './replay-turns.js';
import type { SessionWatch } from './session-watch.js';
import type { PublicReplayBlocks } from './public-replay-blocks.js';
import { sseEvent, SseWriter, type SseWriterLimits } from './sse-writer.js';

/**
 * Events read and written per replay step: well under a millisecond. Steps of all replays take
 * turns (replay-turns.ts), so no replay, nor all of them together, holds up the host for long.
 */
export const REPLAY_CHUNK = 100;

export interface LiveConnectionOptions {
  viewer: EventAudience;
  plan: ResumePlan;
  /** The newest sequence when the plan was made. */
  lastSeq: number;
  heartbeatMs: number;
  writer: SseWriterLimits;
  /** Where replay steps wait their turn, shared by every stream of the host. */
  replayTurns: ReplayTurns;
  /** For a public stream: the replay text all screens share. */
  publicBlocks?: PublicReplayBlocks;
  /** For a staff stream: the watch on its session, told how to end the stream. */
  watchSession?: (end: () => void) => SessionWatch;
  /** Called once when the connection is over, however it ended. */
  onClose: () => void;
}

/**
 * One client's live stream: the replay its plan asks for, in chunks that wait while the client's
 * socket is full, then live events, heartbeats, and the end when its staff session ends.
 *
 * The replay reads the log until it has caught up; live events published meanwhile are skipped,
 * because the next read of the log contains them (an event is published only after it commits).
 * Catching up and switching to live happen in one turn, so nothing falls in between.
 */
export class LiveConnection {
  private readonly writer: SseWriter;
  private cursor: number;
  private replaying = false;
  private notBefore: number | null = null;
  private readonly unsubscribe: () => void;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly session: SessionWatch | undefined;
  private closed = false;

  constructor(
    res: ServerResponse,
    private readonly store: Store,
    bus: EventBus,
    private readonly options: LiveConnectionOptions,
  ) {
    this.writer = new SseWriter(res, options.writer);
    res.on('close', this.close);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.writer.write(`retry: 2000\n: connected\n\n`);
    this.cursor = options.lastSeq;
    this.unsubscribe = bus.subscribe((event) => {
      if (!this.replaying) this.send(event);
    });
    // Keeps proxies from closing an idle stream, and tells the page the stream is alive.
    this.heartbeat = setInterval(() => {
      this.session?.check();
      this.writer.write(`event: ${LIVE_HEARTBEAT_EVENT}\ndata: {}\n\n`);
    }, options.heartbeatMs);
    // Last: a session found already ended ends the stream at once, and everything is set up to stop.
    this.session = options.watchSession?.(this.end);

    const plan = options.plan;
    if (plan.kind === 'reset') this.writer.write(sseEvent(this.cursor, LIVE_RESET_EVENT, { seq: this.cursor }));
    if (plan.kind === 'replay') {
      this.cursor = plan.after;
      this.notBefore = plan.notBefore;
      this.replaying = true;
      options.replayTurns.enqueue(this.replayStep);
    }
  }

  private readonly replayStep = (): void => {
    if (this.closed) return;
    if (!this.replayBlock()) return;
    this.writer.whenReady(() => this.options.replayTurns.enqueue(this.replayStep));
  };

  /** Sends the next stretch of the replay; false once it has caught up and the stream is live. */
  private replayBlock(): boolean {
    const shared = this.options.publicBlocks?.after(this.cursor, this.notBefore ?? 0);
    if (shared) {
      if (shared.text) this.writer.write(shared.text);
      this.cursor = shared.through;
      return true;
    }
    const page = this.store.events.since(this.cursor, REPLAY_CHUNK);
    // One write per chunk: a hundred small writes cost the event loop more than the reading.
    let text = '';
    for (const event of page) text += this.format(event);
    if (text) this.writer.write(text);
    if (page.length === REPLAY_CHUNK) return true;
    this.replaying = false;
    return false;
  }

  private send(event: OfficeEvent): void {
    const text = this.format(event);
    if (text) this.writer.write(text);
  }

  /** The event as this viewer may see it, or '' for one it may not or has had already. */
  private format(event: OfficeEvent): string {
    if (event.seq <= this.cursor) return '';
    this.cursor = event.seq;
    if (this.notBefore !== null && event.at < this.notBefore) return '';
    const visible = eventForViewer(event, this.options.viewer);
    return visible ? sseEvent(event.seq, event.type, visible) : '';
  }

  /** Ends the stream after what has been written (its session ended; the page reconnects). */
  readonly end = (): void => {
    this.writer.end();
    this.close();
  };

  /** Ends the stream at once: the host is shutting down and will not wait for a slow reader. */
  abort(): void {
    this.writer.destroy();
    this.close();
  }

  private readonly close = (): void => {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.unsubscribe();
    this.session?.stop();
    this.options.onClose();
  };
}
