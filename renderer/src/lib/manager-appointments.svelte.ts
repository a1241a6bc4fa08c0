import type { ServiceView } from '../../../contract/services.js';
import type { AppointmentDayView, AppointmentView, ImportResult } from '../../../contract/appointments.js';
import { officeDayOf } from '../../../core/office-day.js';
import type { LocalizedText } from '../../../core/types.js';
import { ApiCallError } from './api.js';
import { addDays } from './date-presets.js';
import { LatestRequest } from './latest-request.svelte.js';
import { LiveStream } from './live.svelte.js';
import { appointmentsApi } from './manager-appointments-api.js';
import { bookingErrorText } from './manager-appointments-texts.js';

/** An import of a hundred rows sends a hundred events; the list is read again once they have settled. */
const RELOAD_AFTER_EVENTS_MS = 300;

/**
 * The booking screen's state: which day and service are shown, the host's list for that day,
 * and what the clerk just did (the code of a new booking, an import's result, a refusal). The
 * list follows the live stream, so a check-in at the kiosk shows here without a reload.
 */
export class AppointmentDesk {
  day = $state(officeDayOf(Date.now()));
  serviceCode = $state('');
  services = $state<ServiceView[]>([]);
  readonly list = new LatestRequest<AppointmentDayView>();
  /** The booking just made: its code is shown large until the clerk closes it. */
  booked = $state<AppointmentView | null>(null);
  imported = $state<ImportResult | null>(null);
  /** Why the last action was refused, in words for the clerk. */
  problem = $state<LocalizedText | null>(null);
  busy = $state(false);
  private readonly live = new LiveStream(
    (message) => {
      if (message.type.startsWith('appointment.')) this.reloadSoon();
    },
    () => {},
    () => this.reloadSoon(),
  );
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  start(): void {
    appointmentsApi.services().then(
      (list) => {
        this.services = list;
        if (!list.some((s) => s.code === this.serviceCode)) this.serviceCode = list[0]?.code ?? '';
      },
      () => undefined,
    );
    this.live.start();
    void this.reload();
  }

  stop(): void {
    this.live.stop();
    clearTimeout(this.reloadTimer);
  }

  reload(): Promise<void> {
    const day = this.day;
    return this.list.load(() => appointmentsApi.day(day));
  }

  showDay(day: string): void {
    if (!day || day === this.day) return;
    this.day = day;
    void this.reload();
  }

  shiftDay(days: number): void {
    this.showDay(addDays(this.day, days));
  }

  /** The new booking, or null when refused (`problem` says why); the page shows its code once the form has closed. */
  book(serviceCode: string, start: string, name: string): Promise<AppointmentView | null> {
    const trimmed = name.trim();
    return this.act(() => appointmentsApi.book({ serviceCode, start, ...(trimmed ? { name: trimmed } : {}) }));
  }

  async move(id: number, start: string): Promise<boolean> {
    return (await this.act(() => appointmentsApi.move(id, start))) !== null;
  }

  async cancel(id: number): Promise<boolean> {
    return (await this.act(() => appointmentsApi.cancel(id))) !== null;
  }

  async importFile(file: File): Promise<void> {
    this.imported = await this.act(() => appointmentsApi.importFile(file));
  }

  showBooked(booking: AppointmentView | null): void {
    this.booked = booking;
  }

  clearProblem(): void {
    this.problem = null;
  }

  /** Runs one change; the list is read again after it, whether or not the live stream is connected. */
  private async act<T>(change: () => Promise<T>): Promise<T | null> {
    if (this.busy) return null;
    this.busy = true;
    this.problem = null;
    try {
      return await change();
    } catch (error) {
      this.problem = (error instanceof ApiCallError ? bookingErrorText[error.code] : undefined) ?? bookingErrorText.failed!;
      return null;
    } finally {
      this.busy = false;
      void this.reload();
    }
  }

  private reloadSoon(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), RELOAD_AFTER_EVENTS_MS);
  }
}
