import { setImmediate as nextTurn } from 'node:timers/promises';
import { StatsAccumulator } from '../../core/stats/accumulator.js';
import type { GroupBy } from '../../core/stats/grouping.js';
import type { StatsRange } from '../../core/stats/range.js';
import type { StatsReader } from '../../db/stats.js';

/** Tickets between two turns of the event loop: ~10 ms of work, so clerks' requests never wait long. */
export const TICKETS_PER_TURN = 20_000;

/**
 * The statistics of a range by each of `groupBys`, from one pass over its tickets. A year of a
 * large office takes seconds; the pass gives way to other requests every few thousand tickets
 * (the reader has its own connection, so the office keeps writing meanwhile), and stops there
 * once `cancelled` aborts. Ask the result for `report(groupBy)`.
 */
export async function collectStats(
  reader: StatsReader,
  range: StatsRange,
  groupBys: readonly GroupBy[],
  now: number,
  cancelled?: AbortSignal,
): Promise<StatsAccumulator> {
  const accumulator = new StatsAccumulator(
    {
      range,
      now,
      names: { services: reader.services(), counters: reader.counterNames(), staff: reader.staffNames() },
      counterEvents: reader.counterEvents(range.start, range.end),
    },
    groupBys,
  );
  let sinceTurn = 0;
  for (const ticket of reader.tickets(range.from, range.to)) {
    accumulator.addTicket(ticket);
    if (++sinceTurn === TICKETS_PER_TURN) {
      sinceTurn = 0;
      await nextTurn();
      cancelled?.throwIfAborted();
    }
  }
  for (const check of reader.idChecks(range.start, range.end)) accumulator.addIdCheck(check);
  for (const booking of reader.bookings(range.from, range.to)) accumulator.addBooking(booking);
  return accumulator;
}
