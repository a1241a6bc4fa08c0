import type { Ticket } from '../types.js';
import { CopenhagenTime } from './local-time.js';
import type { StatsRange } from './range.js';
import { ticketMeasures } from './ticket-measures.js';

/** Lengths of the periods a day can be cut into, in minutes; each divides an hour. */
export const INTRADAY_PERIODS = [15, 30, 60] as const;
export type IntradayPeriod = (typeof INTRADAY_PERIODS)[number];

/**
 * Where the wait bands end, in minutes (each band includes its start, excludes its end; the last
 * band is open-ended). Narrow where most waits fall, wider past the common 15–30 minute SLAs.
 */
export const WAIT_BAND_EDGES = [5, 10, 15, 20, 30, 45, 60] as const;

/** One period of the Copenhagen clock, summed over every day of the range. */
export interface IntradaySlot {
  /** Minutes since midnight when the period begins, and when it ends (1440 for the last). */
  startMinute: number;
  endMinute: number;
  /** Tickets issued in the period (walk-ups included, a transfer's continuation not): as `issued`. */
  arrivals: number;
  /** Tickets served that were finished in the period: as `served`, by the time the citizen left. */
  served: number;
}

/** How many waits (as `waitMinutes`) fell in [fromMinutes, toMinutes); `toMinutes` null: and longer. */
export interface WaitBand {
  fromMinutes: number;
  toMinutes: number | null;
  count: number;
}

export interface IntradayReport {
  from: string;
  to: string;
  periodMinutes: IntradayPeriod;
  /** From the first period with anything to the last, empty ones between included, in clock order. */
  slots: IntradaySlot[];
  /** Every band, empty ones too; the counts add up to `waitMinutes.count` of the range. */
  waitBands: WaitBand[];
}

const MINUTES_PER_DAY = 1440;

/**
 * The rhythm of a day: arrivals and departures per period of the clock, and how the waits spread.
 * The hourly statistics (`groupBy=hour`) put each ticket in the hour it arrived; here a served
 * ticket counts when it was finished, so "arrivals vs. served" shows whether the counters kept up.
 * Pure and one pass: feed every ticket of the range's days, then ask for the report.
 */
export class IntradayAccumulator {
  private readonly times = new CopenhagenTime();
  private readonly arrivals: number[];
  private readonly served: number[];
  private readonly bands = new Array<number>(WAIT_BAND_EDGES.length + 1).fill(0);

  constructor(
    private readonly range: StatsRange,
    private readonly period: IntradayPeriod,
  ) {
    this.arrivals = new Array<number>(MINUTES_PER_DAY / period).fill(0);
    this.served = new Array<number>(MINUTES_PER_DAY / period).fill(0);
  }

  addTicket(t: Ticket): void {
    if (t.transferredFromId === null) this.arrivals[this.slotOf(t.arrivedAt)]!++;
    if (t.status === 'done' && t.finishedAt !== null) this.served[this.slotOf(t.finishedAt)]!++;
    const { waitMs } = ticketMeasures(t);
    if (waitMs !== null) this.bands[bandOf(waitMs)]!++;
  }

  report(): IntradayReport {
    const used = this.arrivals.map((a, i) => a + this.served[i]! > 0);
    const first = used.indexOf(true);
    const last = used.lastIndexOf(true);
    const slots: IntradaySlot[] = [];
    for (let i = first; first !== -1 && i <= last; i++) {
      slots.push({ startMinute: i * this.period, endMinute: (i + 1) * this.period, arrivals: this.arrivals[i]!, served: this.served[i]! });
    }
    return {
      from: this.range.from,
      to: this.range.to,
      periodMinutes: this.period,
      slots,
      waitBands: this.bands.map((count, i) => ({ fromMinutes: i === 0 ? 0 : WAIT_BAND_EDGES[i - 1]!, toMinutes: WAIT_BAND_EDGES[i] ?? null, count })),
    };
  }

  private slotOf(at: number): number {
    return Math.floor(this.times.minuteOfDay(at) / this.period);
  }
}

/** The band of a wait: by the exact wait, not the rounded minutes (4:59.9 is under 5, though it rounds to 5.0). */
function bandOf(waitMs: number): number {
  const index = WAIT_BAND_EDGES.findIndex((edge) => waitMs < edge * 60_000);
  return index === -1 ? WAIT_BAND_EDGES.length : index;
}
