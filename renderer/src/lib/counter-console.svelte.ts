import type { CounterView } from '../../../contract/counters.js';
import type { ServiceView } from '../../../contract/services.js';
import type { MeView } from '../../../contract/staff.js';
import type { TicketView } from '../../../contract/tickets.js';
import type { LocalizedText, Outcome } from '../../../core/types.js';
import { api, ApiCallError } from './api.js';
import { fitsTicket, type ConsoleAction } from './console-actions.js';
import { counterText, errorText, refusalText } from './counter-texts.js';
import { LiveStream, type LiveMessage } from './live.svelte.js';
import { WaitingQueue } from './waiting-queue.svelte.js';

export interface Notice {
  kind: 'error' | 'info';
  text: LocalizedText;
}

/** How often an offline console asks the host whether it is back. */
const RETRY_MS = 3000;
const REFRESH_DEBOUNCE_MS = 150;

/**
 * A clerk's console: who is logged in, which counter they hold, the citizen at it, and whether
 * any of that is confirmed by the host right now. While the host cannot be reached the console
 * is `offline`: actions are refused and the page marks the last known ticket as not confirmed,
 * until a full re-read from the host succeeds.
 */
export class CounterConsole {
  /** False until the host has answered once, so a logged-in clerk never sees the login form flash. */
  ready = $state(false);
  me = $state<MeView | null>(null);
  counters = $state<CounterView[]>([]);
  services = $state<ServiceView[]>([]);
  current = $state<TicketView | null>(null);
  offline = $state(false);
  busy = $state(false);
  notice = $state<Notice | null>(null);
  readonly queue = new WaitingQueue();

  private readonly live = new LiveStream(
    (message) => this.onEvent(message),
    () => this.onStreamChange(),
    () => this.scheduleRefresh(),
  );
  private liveRunning = false;
  private retryTimer: ReturnType<typeof setInterval> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private probing = false;
  /**
   * Bumped whenever this console changes the ticket: a re-read that began before the change
   * must not paint its older picture over it.
   */
  private version = 0;

  get counterId(): number | null {
    return this.me?.counterId ?? null;
  }

  get counter(): CounterView | undefined {
    return this.counters.find((c) => c.id === this.counterId);
  }

  can(action: ConsoleAction): boolean {
    return !this.busy && !this.offline && this.counterId !== null && fitsTicket(action, this.current?.status ?? null);
  }

  connect(): void {
    void this.probe().finally(() => (this.ready = true));
  }

  disconnect(): void {
    this.stopLive();
    clearInterval(this.retryTimer);
    clearTimeout(this.refreshTimer);
  }

  login = (username: string, password: string) =>
    this.run(async () => {
      try {
        this.me = await api.login(username, password);
      } catch (error) {
        if (!(error instanceof ApiCallError) || error.status !== 401) throw error;
        this.notice = { kind: 'error', text: errorText.wrong_login! };
        return;
      }
      await this.refresh();
    });

  logout = () =>
    this.run(async () => {
      const hadCitizen = this.current !== null;
      await api.logout();
      this.toLogin(hadCitizen ? counterText.requeuedOnLogout : null);
    });

  openCounter = (counterId: number) =>
    this.run(async () => {
      await api.openCounter(counterId);
      await this.refresh();
    });

  closeCounter = () =>
    this.run(async () => {
      await api.closeCounter(this.requireCounterId());
      await this.refresh();
    });

  callNext = () =>
    this.run(async () => {
      const ticket = await api.callNext(this.requireCounterId());
      this.settle(ticket);
      if (!ticket) this.notice = { kind: 'info', text: counterText.nobody };
    });

  callTicket = (ticketId: number, reason: string) =>
    this.run(async () => this.settle(await api.callTicket(this.requireCounterId(), ticketId, reason)));

  walkUp = (serviceCode: string) => this.run(async () => this.settle(await api.walkUp(this.requireCounterId(), serviceCode)));

  recall = () => this.run(async () => this.settle(await api.recall(this.requireCurrentId())));
  startServing = () => this.run(async () => this.settle(await api.start(this.requireCurrentId())));

  /** The actions that end the citizen's visit at this counter. */
  finish = (outcome: Outcome) => this.endVisit((id) => api.finish(id, outcome));
  noShow = () => this.endVisit(api.noShow);
  requeue = () => this.endVisit(api.requeue);
  transfer = (serviceCode: string) => this.endVisit((id) => api.transfer(id, serviceCode));

  private endVisit(action: (ticketId: number) => Promise<TicketView>): Promise<void> {
    return this.run(async () => {
      await action(this.requireCurrentId());
      this.settle(null);
    });
  }

  /** One action at a time: a double click or a second key press must never call two citizens. */
  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy || this.offline) return;
    this.busy = true;
    this.notice = null;
    try {
      await action();
    } catch (error) {
      await this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  /** Takes the host's answer as the ticket now at the counter. */
  private settle(ticket: TicketView | null): void {
    this.version++;
    this.current = ticket;
    this.queue.scheduleRefresh();
  }

  private async fail(error: unknown): Promise<void> {
    if (!(error instanceof ApiCallError)) {
      const message = String(error);
      this.notice = { kind: 'error', text: { da: message, en: message } };
      return;
    }
    if (error.code === 'network') return this.goOffline();
    if (error.status === 401) return this.toLogin(counterText.sessionExpired);
    this.notice = { kind: 'error', text: refusalText(error.code, error.message) };
    // A refusal usually means the console's picture was out of date (a colleague, another tab).
    if (error.status === 403 || error.status === 404 || error.status === 409) await this.refresh();
  }

  /** Re-reads everything from the host. The only way out of the offline state. */
  private async refresh(): Promise<void> {
    const version = this.version;
    try {
      const me = await api.me();
      const [counters, services, detail] = await Promise.all([
        api.counters(),
        this.services.length > 0 ? this.services : api.services(),
        me.counterId === null ? null : api.counter(me.counterId),
      ]);
      this.setOnline();
      if (version !== this.version) return;
      this.me = me;
      this.counters = counters;
      this.services = services;
      this.current = detail?.currentTicket ?? null;
      this.startLive();
      this.queue.scheduleRefresh();
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'network') return this.goOffline();
      if (error instanceof ApiCallError && error.status === 401) {
        this.setOnline();
        return this.toLogin(this.me ? counterText.sessionExpired : null);
      }
      throw error;
    }
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.probe(), REFRESH_DEBOUNCE_MS);
  }

  /** A re-read that reports nothing but its effect: used by timers and the stream. */
  private async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      await this.refresh();
    } catch {
      // An unexpected answer leaves the console as it was; the next event or retry reads again.
    } finally {
      this.probing = false;
    }
  }

  private goOffline(): void {
    this.offline = true;
    this.retryTimer ??= setInterval(() => void this.probe(), RETRY_MS);
  }

  private setOnline(): void {
    this.offline = false;
    clearInterval(this.retryTimer);
    this.retryTimer = undefined;
  }

  private toLogin(message: LocalizedText | null): void {
    this.stopLive();
    this.me = null;
    this.current = null;
    this.version++;
    this.notice = message ? { kind: 'info', text: message } : null;
  }

  private onEvent(message: LiveMessage): void {
    if (message.type.startsWith('ticket.')) this.queue.scheduleRefresh();
    const mine = this.counterId !== null && message.counterId === this.counterId;
    // A change to this counter made elsewhere (another tab, an expired session) or to the
    // counters a clerk may choose from: read the host's picture again.
    if (mine || message.type.startsWith('counter.')) this.scheduleRefresh();
  }

  private onStreamChange(): void {
    // Reconnected: whatever happened meanwhile is re-read, not guessed. Disconnected: ask the
    // host at once, so the clerk learns it is gone before pressing a key.
    if (this.liveRunning) this.scheduleRefresh();
  }

  /** Staff streams carry full events; started only once logged in, so priorities are included. */
  private startLive(): void {
    if (this.liveRunning || !this.me) return;
    this.liveRunning = true;
    this.live.start();
  }

  private stopLive(): void {
    this.liveRunning = false;
    this.live.stop();
    this.queue.stop();
  }

  private requireCounterId(): number {
    if (this.counterId === null) throw new Error('No counter is open.');
    return this.counterId;
  }

  private requireCurrentId(): number {
    if (!this.current) throw new Error('No ticket at the counter.');
    return this.current.id;
  }
}
