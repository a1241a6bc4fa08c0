import { backtestAccuracy, backtestDay, type PastDay } from '../core/planning/backtest.js';
import { arrivalForecast, serviceMinutes } from '../core/planning/history.js';
import { startOfOfficeDay, nextOfficeDay } from '../core/office-day.js';
import { counterSessions } from '../core/stats/capacity.js';
import { CopenhagenTime } from '../core/stats/local-time.js';
import type { QueuePolicyConfig } from '../core/queue-policy.js';
import type { Counter, Service } from '../core/types.js';
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

/**
 * Each past day replayed with its own arrivals and open counters, service times drawn from all
 * the given days' served citizens; the forecast of arrivals per hour is their mean.
 */
export function backtestPastDays(days: readonly PastDay[], office: { services: readonly Service[]; counters: readonly Counter[]; policy: QueuePolicyConfig }, runs: number, seed: number) {
  const times = new CopenhagenTime();
  const setting = {
    servicesOfCounter: new Map(office.counters.map((c) => [c.id, c.serviceCodes])),
    serviceMinutes: serviceMinutes(days.flatMap((d) => d.tickets)),
    slaMinutes: new Map(office.services.map((s) => [s.code, s.slaMinutes])),
    policy: office.policy,
    runs,
    seed,
    times,
  };
  const results = days.map((day) => backtestDay(day, setting));
  const perQuarter = arrivalForecast(days.map((d) => d.tickets), times);
  const forecast = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    arrivals: [...perQuarter.values()].reduce((sum, quarters) => sum + quarters.slice(hour * 4, hour * 4 + 4).reduce((a, b) => a + b, 0), 0),
  })).filter((h) => h.arrivals > 0);
  return { days: results, accuracy: backtestAccuracy(results), forecast };
}
