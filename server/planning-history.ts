import type { PastDay } from '../core/planning/backtest.js';
import { startOfOfficeDay, nextOfficeDay } from '../core/office-day.js';
import { counterSessions } from '../core/stats/capacity.js';
import { StatsReader } from '../db/stats.js';

/** The past days the planner learns from, read on the statistics' own read-only connection. */
export function readPastDays(databaseFile: string, officeDays: readonly string[]): PastDay[] {
  const reader = new StatsReader(databaseFile);
  try {
    return officeDays.map((officeDay) => {
      const window = { start: startOfOfficeDay(officeDay), end: startOfOfficeDay(nextOfficeDay(officeDay)) };
      return { officeDay, tickets: [...reader.tickets(officeDay, officeDay)], sessions: counterSessions(reader.counterEvents(window.start, window.end), window) };
    });
  } finally {
    reader.close();
  }
}
