import type { PastDay } from '../core/planning/backtest.js';
import { arrivalForecast, bookedLeadMinutes, bookedSlots, sameWeekdayBefore, serviceMinutes } from '../core/planning/history.js';
import type { PlanHistory } from '../core/planning/plan-request.js';
import { dayRefusal } from '../core/day-window.js';
import { compareOfficeDays, nextOfficeDay, startOfOfficeDay, weekdayOfOfficeDay } from '../core/office-day.js';
import { counterSessions } from '../core/stats/capacity.js';
import { CopenhagenTime } from '../core/stats/local-time.js';
import { StatsReader } from '../db/stats.js';
import { badRequest } from './errors.js';

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

/** What a simulation or recommendation asks of the history: the same weekday of the last weeks, or a coming date. */
export interface HistoryQuestion {
  weekday?: number;
  weeks?: number;
  /** A coming day: its weekday's history, with that day's own bookings as slots instead of the booked citizens of the past. */
  date?: string;
}

/**
 * The office's history for a planning question, read on the statistics' connection. `today` is
 * the office day now; a date must be today or later (the past is the backtest's).
 */
export function planHistory(databaseFile: string, today: string, question: HistoryQuestion, field: string): PlanHistory {
  const { date, weeks = 8 } = question;
  if (date !== undefined) {
    const refusal = dayRefusal(date, today);
    if (refusal) throw badRequest(refusal.code, `${field}.date: ${refusal.message}`);
    if (compareOfficeDays(date, today) < 0) throw badRequest('invalid_request', `${field}.date: give today or a later day as YYYY-MM-DD.`);
  }
  if (date !== undefined && question.weekday !== undefined) throw badRequest('invalid_request', `${field}.weekday: give a weekday or a date, not both.`);
  const weekday = date !== undefined ? weekdayOfOfficeDay(date) : (question.weekday ?? weekdayOfOfficeDay(today));
  const days = readPastDays(databaseFile, sameWeekdayBefore(today, weekday, weeks));
  const tickets = days.flatMap((d) => d.tickets);
  const times = new CopenhagenTime();
  const history = { perQuarter: arrivalForecast(days.map((d) => d.tickets), times, date !== undefined), serviceMinutes: serviceMinutes(tickets) };
  if (date === undefined) return history;
  const reader = new StatsReader(databaseFile);
  try {
    return { ...history, appointments: bookedSlots(reader.bookings(date, date), times), appointmentLeadMinutes: bookedLeadMinutes(tickets) };
  } finally {
    reader.close();
  }
}
