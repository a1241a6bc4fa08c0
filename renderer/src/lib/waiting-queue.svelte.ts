import type { TicketView } from '../../../contract/tickets.js';
import { api } from './api.js';

/** Events come in bursts (a call is issued, called, started in a second); one read answers them all. */
const DEBOUNCE_MS = 150;

/** The office's waiting tickets, oldest first, re-read from the host whenever the live stream says the queue changed. */
export class WaitingQueue {
  tickets = $state<TicketView[]>([]);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latestRequest = 0;

  scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  async refresh(): Promise<void> {
    const request = ++this.latestRequest;
    try {
      const tickets = await api.queue();
      // Two reads can overtake each other; only the newest may paint the list.
      if (request === this.latestRequest) this.tickets = tickets;
    } catch {
      // The console's own connection check reports an unreachable host; the list keeps its last
      // state, which the page marks as not confirmed while offline.
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.tickets = [];
  }
}
