import { officeDayOf } from '../../core/office-day.js';
import { newTicket } from '../../core/ticket-lifecycle.js';
import { formatTicketNumber } from '../../core/ticket-number.js';
import { openStore } from '../../db/store.js';
import { fixtureWriter } from './store-writer.js';

const DAY_MS = 24 * 3_600_000;

/**
 * Weeks of served citizens, written straight into an office database (another connection, one
 * transaction), as a database that has been in use for a while: each ticket with its issued,
 * called and finished events. Returns the number of events written.
 */
export function fillHistory(databaseFile: string, options: { days: number; ticketsPerServicePerDay: number; now: number }): number {
  const store = openStore(databaseFile);
  let events = 0;
  try {
    fixtureWriter(store).write(() => {
      for (let day = options.days; day >= 1; day--) {
        const opening = options.now - day * DAY_MS;
        for (const serviceCode of 'MPKA') {
          for (let n = 1; n <= options.ticketsPerServicePerDay; n++) {
            const arrivedAt = opening + n * 60_000;
            const ticket = fixtureWriter(store).tickets.create(
              newTicket({
                number: formatTicketNumber(serviceCode, n),
                officeDay: officeDayOf(opening),
                serviceCode,
                arrivedAt,
                status: 'done',
                calledAt: arrivedAt + 600_000,
                startedAt: arrivedAt + 660_000,
                finishedAt: arrivedAt + 1_200_000,
                counterId: 1 + (n % 4),
                outcome: 'other',
              }),
            );
            const data = { number: ticket.number, serviceCode, status: 'done', priority: 'normal', counterId: ticket.counterId, counterName: `Skranke ${ticket.counterId}` };
            for (const [type, at] of [['ticket.issued', arrivedAt], ['ticket.called', arrivedAt + 600_000], ['ticket.finished', arrivedAt + 1_200_000]] as const) {
              fixtureWriter(store).events.append({ at, type, ticketId: ticket.id, counterId: type === 'ticket.issued' ? null : ticket.counterId, staffId: null, data });
              events++;
            }
          }
        }
      }
    });
  } finally {
    store.close();
  }
  return events;
}
