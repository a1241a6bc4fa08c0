import { nextOfficeDay, startOfOfficeDay, weekdayOfOfficeDay } from '../../core/office-day.js';
import { simulateDay } from '../../core/planning/simulate-day.js';
import type { DayScenario } from '../../core/planning/scenario.js';
import { newTicket } from '../../core/ticket-lifecycle.js';
import { formatTicketNumber } from '../../core/ticket-number.js';
import { openStore } from '../../db/store.js';
import { fixtureWriter } from './store-writer.js';

/**
 * Past office days with known parameters, written into an office database (another connection,
 * one transaction) as the host would have left them: served tickets, and each counter's
 * `counter.opened` and `counter.closed` events. The days are drawn by the planner's simulation of
 * `scenario`, whose shifts must name counters 1, 2, … in order (one counter per shift unit).
 */
export function fillPlanningHistory(databaseFile: string, options: { from: string; to: string; weekday: number; scenario: DayScenario; seed: number }): string[] {
  const store = openStore(databaseFile);
  const writer = fixtureWriter(store);
  const written: string[] = [];
  try {
    writer.write(() => {
      for (let day = options.from, n = 0; day <= options.to; day = nextOfficeDay(day), n++) {
        if (weekdayOfOfficeDay(day) !== options.weekday) continue;
        const midnight = startOfOfficeDay(day);
        const simulated = simulateDay(options.scenario, options.seed, n);
        const numbers = new Map<string, number>();
        for (const t of simulated.tickets) {
          const number = (numbers.get(t.serviceCode) ?? 0) + 1;
          numbers.set(t.serviceCode, number);
          writer.tickets.create(
            newTicket({
              number: formatTicketNumber(t.serviceCode, number),
              officeDay: day,
              serviceCode: t.serviceCode,
              priority: t.priority,
              arrivedAt: midnight + Math.round(t.arrivedAt),
              callableAt: midnight + Math.round(t.callableAt),
              status: 'done',
              calledAt: midnight + Math.round(t.calledAt),
              startedAt: midnight + Math.round(t.calledAt),
              finishedAt: midnight + Math.round(t.finishedAt),
              counterId: t.counter + 1,
              outcome: 'other',
            }),
          );
        }
        const lastFinish = Math.max(...simulated.tickets.map((t) => midnight + Math.round(t.finishedAt)));
        let counterId = 0;
        for (const shift of options.scenario.counters) {
          for (let k = 0; k < shift.count; k++) {
            counterId++;
            const opened = midnight + shift.fromMinute * 60_000;
            const closed = Math.max(midnight + shift.toMinute * 60_000, lastFinish);
            for (const [type, at] of [['counter.opened', opened], ['counter.closed', closed]] as const) {
              writer.events.append({ at, type, ticketId: null, counterId, staffId: null, data: { counterName: `Skranke ${counterId}` } });
            }
          }
        }
        written.push(day);
      }
    });
  } finally {
    store.close();
  }
  return written;
}
