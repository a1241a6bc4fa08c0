import type { OpeningHoursStatusView } from '../../../contract/config.js';
import { request } from './api.js';

/** How often the kiosk asks whether the office is open: closing and opening show within a minute. */
export const OPENING_POLL_MS = 60_000;

/**
 * The office's opening status, asked of the host now and then every minute. Until the host has
 * answered, or when it cannot be asked, the office counts as open: a kiosk must not turn
 * citizens away because of a network hiccup (the services list reports a host that is down).
 */
export class OpeningStatus {
  current = $state<OpeningHoursStatusView | null>(null);
  #timer: ReturnType<typeof setInterval> | undefined;

  get closed(): boolean {
    return this.current !== null && !this.current.openNow;
  }

  start(): void {
    void this.refresh();
    this.#timer = setInterval(() => void this.refresh(), OPENING_POLL_MS);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  private async refresh(): Promise<void> {
    try {
      this.current = await request<OpeningHoursStatusView>('GET', '/api/opening-hours');
    } catch {
      // Keep the last answer; see the class comment.
    }
  }
}
