import { describe, expect, it } from 'vitest';
import type { CounterView } from '../../contract/counters.js';
import type { TicketView } from '../../contract/tickets.js';
import { EVENT_TYPES } from '../../core/events.js';
import { isDashboardEvent, longestWaitMs, openCounterCount } from '../../renderer/src/lib/dashboard-figures.js';

const waiting = (arrivedAt: string) => ({ arrivedAt }) as TicketView;
const counter = (id: number, held: boolean) => ({ id, name: `Skranke ${id}`, serviceCodes: [], ordering: 'arrival', heldBy: held ? { id: 1, displayName: 'Anna' } : null }) as CounterView;

describe('dashboard figures', () => {
  it('measures the longest current wait from the earliest arrival', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(longestWaitMs([waiting('2026-11-25T09:50:00Z'), waiting('2026-11-25T09:30:00Z')], now)).toBe(30 * 60_000);
    expect(longestWaitMs([], now)).toBeNull();
    // A PC clock behind the host's shows 0, not a negative wait.
    expect(longestWaitMs([waiting('2026-11-25T10:00:05Z')], now)).toBe(0);
  });

  it('counts the counters someone holds', () => {
    expect(openCounterCount([counter(1, true), counter(2, false), counter(3, true)])).toBe(2);
  });

  it('re-reads on ticket, counter and ID-check events only', () => {
    const relevant = EVENT_TYPES.filter(isDashboardEvent);
    expect(relevant).toContain('ticket.issued');
    expect(relevant).toContain('ticket.finished');
    expect(relevant).toContain('counter.opened');
    expect(relevant).toContain('id_check.completed');
    expect(relevant).not.toContain('staff.login');
    expect(relevant).not.toContain('config.changed');
    expect(relevant).not.toContain('export.downloaded');
  });
});
