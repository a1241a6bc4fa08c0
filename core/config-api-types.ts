import type { DayHours, OpeningInterval } from './opening-hours.js';
import type { CounterOrdering, Service } from './types.js';

/** The JSON of the configuration API (manager page) and of the kiosk's opening hours. Times are ISO 8601. */

/** A service as the manager sees it, inactive ones too. */
export interface ServiceSetupView extends Service {
  /** Tickets of this service waiting now: a deactivated service keeps serving them. */
  waitingTickets: number;
}

export interface CounterSetupView {
  id: number;
  name: string;
  /** Most preferred first. */
  serviceCodes: string[];
  ordering: CounterOrdering;
  active: boolean;
  heldBy: { id: number; displayName: string } | null;
}

/** `GET /api/opening-hours`, for the kiosk; anyone may read it. */
export interface OpeningHoursStatusView {
  /** False when the office has no opening hours switched on: always open. */
  scheduled: boolean;
  openNow: boolean;
  hoursToday: OpeningInterval[];
  /** When the office opens next; present only while it is closed and opens within a year. */
  nextOpening?: string;
  /** Today and the six following days, closed dates applied. */
  week: DayHours[];
}

/** `GET /api/kiosk-devices` (admin): a paired kiosk PC; its token is never shown again. */
export interface KioskDeviceView {
  id: number;
  name: string;
  pairedAt: string;
  /** Updated at most once a minute; null until the kiosk's first request. */
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/kiosk-devices`: the one time the token is shown, to be typed into the kiosk PC. */
export interface PairedKioskView {
  id: number;
  name: string;
  token: string;
}
