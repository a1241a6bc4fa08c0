import { percentileOfSorted } from '../percentile.js';
import type { PriorityClass } from '../types.js';

/** Durations are reported in minutes with one decimal; a manager reads "12.5 min", not ms. */
export function toMinutes(ms: number): number {
  return Math.round(ms / 6_000) / 10;
}

/** Shares (0–1) with three decimals: 0.667, which a sheet shows as 66.7 %. */
export function toShare(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/** Average, median, 90th percentile and maximum of a set of durations, in minutes. Null for none. */
export interface DurationFigures {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/** The durations a ticket can have; NaN where it has none (a ticket never called has no wait). */
export interface TicketDurations {
  wait: number;
  walk: number;
  service: number;
  /** The wait also counts among the waits of its priority class (urgent, booked, walk-in). */
  priority: PriorityClass;
}

/**
 * What can be summarised: the three durations, and the waits of one priority class alone —
 * urgent tickets, booked citizens (`appointment`) and walk-ins (`normal`).
 */
export const DURATION_METRICS = ['wait', 'walk', 'service', 'urgentWait', 'appointmentWait', 'walkInWait'] as const;
export type DurationMetric = (typeof DURATION_METRICS)[number];

/** Each class as a small number, so a ticket's class costs one byte. */
const PRIORITY_CODES: Record<PriorityClass, number> = { urgent: 1, appointment: 2, normal: 3 };

/** The waits of which class a metric takes; null: every ticket's. */
const PRIORITY_OF_METRIC: Record<DurationMetric, number | null> = {
  wait: null,
  walk: null,
  service: null,
  urgentWait: PRIORITY_CODES.urgent,
  appointmentWait: PRIORITY_CODES.appointment,
  walkInWait: PRIORITY_CODES.normal,
};

/** The column a metric reads its values from. */
const VALUES_OF_METRIC: Record<DurationMetric, 'wait' | 'walk' | 'service'> = {
  wait: 'wait',
  walk: 'walk',
  service: 'service',
  urgentWait: 'wait',
  appointmentWait: 'wait',
  walkInWait: 'wait',
};

const CHUNK = 65_536;

interface Chunk {
  wait: Float32Array;
  walk: Float32Array;
  service: Float32Array;
  priority: Uint8Array;
  /** Per grouping, the ticket's group number. */
  groups: Uint16Array[];
}

/**
 * Every ticket's durations (ms) and group numbers, column by column in fixed-size chunks:
 * percentiles need all values, and a year of a large office is a million tickets. A ticket costs
 * 13 bytes plus 2 per grouping, whatever the number of groupings asked for; no chunk is copied
 * to grow. Durations are 32-bit floats: exact to the millisecond up to 4.6 hours, to a few
 * milliseconds beyond, where the figures are reported to the tenth of a minute anyway.
 */
export class DurationStore {
  private readonly chunks: Chunk[] = [];
  private size = 0;
  /** One buffer for every `byGroup`, so a report does not leave a trail of 4 MB arrays behind. */
  private scratch = new Float32Array(0);

  /** `groupings`: how many group numbers each ticket carries (one per grouping, in a fixed order). */
  constructor(private readonly groupings: number) {}

  add(durations: TicketDurations, groupNumbers: readonly number[]): void {
    const offset = this.size % CHUNK;
    if (offset === 0) this.chunks.push(newChunk(this.groupings));
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk.wait[offset] = durations.wait;
    chunk.walk[offset] = durations.walk;
    chunk.service[offset] = durations.service;
    chunk.priority[offset] = PRIORITY_CODES[durations.priority];
    for (let g = 0; g < this.groupings; g++) chunk.groups[g]![offset] = groupNumbers[g]!;
    this.size++;
  }

  /** The figures of every ticket with this duration. */
  total(metric: DurationMetric): DurationFigures {
    return this.byGroup(metric, null, 1)[0]!;
  }

  /**
   * The figures of each group (0 … groupCount − 1) of grouping `grouping`: the values are laid
   * out group after group in the scratch buffer (a counting sort), then each group's stretch is
   * sorted in place.
   */
  byGroup(metric: DurationMetric, grouping: number | null, groupCount: number): DurationFigures[] {
    const groupOf = (chunk: Chunk, i: number) => (grouping === null ? 0 : chunk.groups[grouping]![i]!);
    const counts = new Float64Array(groupCount);
    const sums = new Float64Array(groupCount);
    this.forEachValue(metric, (chunk, i, value) => {
      const group = groupOf(chunk, i);
      counts[group]!++;
      sums[group]! += value;
    });
    const starts = new Float64Array(groupCount + 1);
    for (let g = 0; g < groupCount; g++) starts[g + 1] = starts[g]! + counts[g]!;
    if (this.scratch.length < starts[groupCount]!) this.scratch = new Float32Array(this.size);
    const next = starts.slice(0, groupCount);
    this.forEachValue(metric, (chunk, i, value) => {
      this.scratch[next[groupOf(chunk, i)]!++] = value;
    });
    return Array.from({ length: groupCount }, (_, g) => figuresOf(this.scratch.subarray(starts[g]!, starts[g + 1]!).sort(), sums[g]!));
  }

  private forEachValue(metric: DurationMetric, visit: (chunk: Chunk, index: number, value: number) => void): void {
    this.chunks.forEach((chunk, c) => {
      const length = Math.min(CHUNK, this.size - c * CHUNK);
      const values = chunk[VALUES_OF_METRIC[metric]];
      const onlyPriority = PRIORITY_OF_METRIC[metric];
      for (let i = 0; i < length; i++) {
        const value = values[i]!;
        if (!Number.isNaN(value) && (onlyPriority === null || chunk.priority[i] === onlyPriority)) visit(chunk, i, value);
      }
    });
  }
}

function newChunk(groupings: number): Chunk {
  return {
    wait: new Float32Array(CHUNK),
    walk: new Float32Array(CHUNK),
    service: new Float32Array(CHUNK),
    priority: new Uint8Array(CHUNK),
    groups: Array.from({ length: groupings }, () => new Uint16Array(CHUNK)),
  };
}

/** Figures of sorted durations (ms); `percentileOfSorted` reads only `length` and indexes, which a typed array has. */
function figuresOf(sorted: Float32Array, sum: number): DurationFigures {
  const count = sorted.length;
  if (count === 0) return { count, mean: null, median: null, p90: null, max: null };
  const values = sorted as unknown as readonly number[];
  return {
    count,
    mean: toMinutes(sum / count),
    median: toMinutes(percentileOfSorted(values, 0.5)!),
    p90: toMinutes(percentileOfSorted(values, 0.9)!),
    max: toMinutes(sorted[count - 1]!),
  };
}
