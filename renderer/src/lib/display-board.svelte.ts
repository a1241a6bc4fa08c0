import type { DisplayCall } from '../../../contract/display.js';
import { api } from './api.js';
import { LiveStream, type LiveMessage } from './live.svelte.js';
import { now } from './now.svelte.js';
import { todaysCalls } from './todays-calls.js';

/** How many calls the screen lists, the newest included. */
export const SHOWN_CALLS = 6;
/** The screen keeps trying to load while the host is away (a TV switched on before the host). */
const LOAD_RETRY_MS = 5000;

/** A ticket called again moves to the top instead of being listed twice. */
function withCall(calls: readonly DisplayCall[], call: DisplayCall): DisplayCall[] {
  return [call, ...calls.filter((c) => c.number !== call.number)].slice(0, SHOWN_CALLS);
}

/**
 * What the waiting-room screen shows: the office name and the latest calls, newest first, kept
 * live by the event stream. Missed calls arrive in order when the stream comes back (the host
 * replays from the last event the screen saw), so they pass through here one by one like any call.
 */
export class DisplayBoard {
  officeName = $state('Borgerservice');
  calls = $state<DisplayCall[]>([]);
  /** The newest call that arrived live: the screen flashes it. */
  flashSeq = $state<number | null>(null);
  readonly live = new LiveStream(
    (message) => this.receive(message),
    () => {},
    // Away since before today: the calls shown are stale. Load the board afresh; the stream then
    // resumes from the board's own lastSeq, so no call falls in between.
    () => this.start(),
  );
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onCall: (call: DisplayCall) => void) {}

  /** What the screen shows: today's calls only, re-read as the clock passes midnight. */
  get shownCalls(): readonly DisplayCall[] {
    return todaysCalls(this.calls, now.ms);
  }

  start(): void {
    api.display().then(
      (board) => {
        this.officeName = board.officeName;
        this.calls = board.calls.reduceRight<DisplayCall[]>(withCall, []);
        this.live.start(board.lastSeq);
      },
      () => (this.retryTimer = setTimeout(() => this.start(), LOAD_RETRY_MS)),
    );
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    this.live.stop();
  }

  private receive(message: LiveMessage): void {
    if (message.type !== 'ticket.called' && message.type !== 'ticket.recalled') return;
    const data = message.data as { number?: unknown; counterName?: unknown };
    if (typeof data.number !== 'string') return;
    const call: DisplayCall = {
      seq: message.seq,
      at: new Date(message.at).toISOString(),
      type: message.type,
      number: data.number,
      counterName: typeof data.counterName === 'string' ? data.counterName : null,
    };
    this.calls = withCall(this.calls, call);
    this.flashSeq = call.seq;
    this.onCall(call);
  }
}
