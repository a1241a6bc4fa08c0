import type { CounterView } from '../../../contract/counters.js';
import type { ServiceView } from '../../../contract/services.js';
import type { TicketView } from '../../../contract/tickets.js';
import { officeDayOf } from '../../../core/office-day.js';
import type { StatsReport } from '../../../core/stats/accumulator.js';
import type { IntradayReport } from '../../../core/stats/intraday.js';
import { api, ApiCallError } from './api.js';
import { isDashboardEvent } from './dashboard-figures.js';
import { LiveStream } from './live.svelte.js';
import { managerStatsApi } from './manager-stats-api.js';
import { throttle } from './throttle.js';

/**
 * A whole re-read costs the host five small queries; a busy morning sends several events a
 * second. At most one re-read per this interval, and the last event of a burst is never lost.
 */
const REFRESH_INTERVAL_MS = 2000;
/** The stream takes a moment to open; only after this long without it does the page say it is not live. */
const STREAM_GRACE_MS = 5000;

export type RefreshProblem = 'failed' | 'session';

/** Today's figures, re-read from the host whenever the live stream says something changed. */
export class LiveDashboard {
  services = $state<ServiceView[]>([]);
  waiting = $state<TicketView[]>([]);
  counters = $state<CounterView[]>([]);
  /** Today's statistics; only the summary is shown. */
  today = $state<StatsReport | null>(null);
  /** Today's arrivals and served citizens per hour, and the spread of waits. */
  rhythm = $state<IntradayReport | null>(null);
  /** The Copenhagen day the figures are of: after midnight the next re-read starts a new day. */
  day = $state(officeDayOf(Date.now()));
  updatedAt = $state<number | null>(null);
  problem = $state<RefreshProblem | null>(null);
  /** The live stream is not there: the figures shown may be old. */
  streamDown = $state(false);

  private readonly live = new LiveStream(
    (message) => {
      if (isDashboardEvent(message.type)) this.refresher.request();
    },
    // Connected (again): whatever happened while the stream was not there is re-read, not guessed.
    (connected) => {
      this.streamDown = !connected;
      if (connected) this.refresher.request();
    },
    () => this.refresher.request(),
  );
  private readonly refresher = throttle(() => void this.refresh(), REFRESH_INTERVAL_MS);
  private latestRequest = 0;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;

  start(): void {
    this.refresher.request();
    this.live.start();
    this.graceTimer = setTimeout(() => (this.streamDown = !this.live.connected), STREAM_GRACE_MS);
  }

  stop(): void {
    clearTimeout(this.graceTimer);
    this.live.stop();
    this.refresher.cancel();
  }

  private async refresh(): Promise<void> {
    const request = ++this.latestRequest;
    const day = officeDayOf(Date.now());
    const range = { from: day, to: day };
    try {
      const [services, waiting, counters, today, rhythm] = await Promise.all([
        api.services(),
        api.queue(),
        api.counters(),
        managerStatsApi.stats(range, 'day'),
        managerStatsApi.intraday(range, 60),
      ]);
      // Two reads can overtake each other; only the newest may paint the figures.
      if (request !== this.latestRequest) return;
      this.services = services;
      this.waiting = waiting;
      this.counters = counters;
      this.today = today;
      this.rhythm = rhythm;
      this.day = day;
      this.updatedAt = Date.now();
      this.problem = null;
    } catch (error) {
      if (request !== this.latestRequest) return;
      // The figures on screen stay, marked as old; the next event or reconnect tries again.
      this.problem = error instanceof ApiCallError && error.status === 401 ? 'session' : 'failed';
    }
  }
}
