import { instantOnOfficeDay, isOfficeDay, nextOfficeDay, officeDayOf, parseTimeOfDay, startOfOfficeDay, weekdayOfOfficeDay } from './office-day.js';

/**
 * When the office is open: a weekly schedule in Copenhagen time plus dates it stays closed
 * (public holidays, a staff day). Only the kiosk acts on it — it shows "Closed" — while ticket
 * issuance through the API stays allowed, because citizens inside at closing time are still
 * served and a clerk may let a late citizen in (README, "Configuration in the manager page").
 *
 * An interval runs from the instant the Copenhagen clock shows its opening time to the instant it
 * shows its closing time, by the one rule of core/copenhagen-time.ts on the two daylight-saving
 * nights: a time in the skipped spring hour is taken an hour later, a time in the repeated autumn
 * hour the first time it is shown.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `HH:MM`; a closing time may be `24:00` (midnight at the end of the day). */
export interface OpeningInterval {
  opens: string;
  closes: string;
}

export interface ClosedDate {
  /** `YYYY-MM-DD`, a Copenhagen calendar day. */
  date: string;
  /** What the manager wants to remember about it ("Grundlovsdag"); staff only. */
  note?: string;
}

export interface OpeningHours {
  /** Off: the office is always open (a new office, or a manager who does not want the kiosk to close). */
  enabled: boolean;
  week: Record<Weekday, OpeningInterval[]>;
  closedDates: ClosedDate[];
}

export interface DayHours {
  date: string;
  weekday: Weekday;
  /** The day's intervals; empty on a closed date. */
  intervals: OpeningInterval[];
  /** A closed date overrides the weekly schedule. */
  closedDate: boolean;
}

export interface OpeningStatus {
  /** False when opening hours are switched off: always open, nothing to show. */
  scheduled: boolean;
  openNow: boolean;
  hoursToday: OpeningInterval[];
  /** The next moment the office opens, when it is closed now and opens again within a year. */
  nextOpening: number | null;
  /** Today and the six days after it, with closed dates applied. */
  week: DayHours[];
}

/** How far ahead to look for the next opening: a year covers any run of closed dates an office sets. */
const HORIZON_DAYS = 400;
const DAY_END = 24 * 60;

/** `HH:MM` (or `24:00`) as minutes after midnight, or null. */
export function minutesOfTime(text: string): number | null {
  return text === '24:00' ? DAY_END : parseTimeOfDay(text);
}

export function weekdayOf(day: string): Weekday {
  return WEEKDAYS[weekdayOfOfficeDay(day) - 1]!;
}

/** The hours of one Copenhagen day: the weekday's intervals, or none on a closed date. */
export function hoursOnDay(hours: OpeningHours, day: string): DayHours {
  const weekday = weekdayOf(day);
  const closedDate = hours.closedDates.some((c) => c.date === day);
  return { date: day, weekday, intervals: closedDate ? [] : hours.week[weekday], closedDate };
}

/** Whether citizens may take a ticket at the kiosk at this instant. */
export function isOpenAt(hours: OpeningHours, instant: number): boolean {
  if (!hours.enabled) return true;
  const day = officeDayOf(instant);
  return hoursOnDay(hours, day).intervals.some((interval) => {
    const [from, to] = intervalInstants(day, interval);
    return from <= instant && instant < to;
  });
}

/**
 * The first instant after `instant` at which the office opens (closed just before, open then), or
 * null when opening hours are off or nothing opens within the horizon.
 */
export function nextOpeningAfter(hours: OpeningHours, instant: number): number | null {
  if (!hours.enabled || WEEKDAYS.every((w) => hours.week[w].length === 0)) return null;
  let day = officeDayOf(instant);
  for (let i = 0; i < HORIZON_DAYS; i++, day = nextOfficeDay(day)) {
    for (const interval of hoursOnDay(hours, day).intervals) {
      const [from, to] = intervalInstants(day, interval);
      // An interval that starts where the previous one ends (or at midnight after a day open to
      // 24:00) continues an opening; it is not one.
      if (from > instant && from < to && !isOpenAt(hours, from - 1)) return from;
    }
  }
  return null;
}

/** What the kiosk needs to know at `now`. */
export function openingStatus(hours: OpeningHours, now: number): OpeningStatus {
  const week: DayHours[] = [];
  for (let i = 0, day = officeDayOf(now); i < 7; i++, day = nextOfficeDay(day)) week.push(hoursOnDay(hours, day));
  const openNow = isOpenAt(hours, now);
  return {
    scheduled: hours.enabled,
    openNow,
    hoursToday: week[0]!.intervals,
    nextOpening: openNow ? null : nextOpeningAfter(hours, now),
    week,
  };
}

/**
 * What is wrong with a schedule the schema let through, in words a manager understands; empty
 * when it is fine. The schema checks shapes; this checks that the times make a schedule.
 */
export function openingHoursProblems(hours: OpeningHours): string[] {
  const problems: string[] = [];
  for (const weekday of WEEKDAYS) {
    let previousEnd = -1;
    const intervals = hours.week[weekday].map((i) => ({ text: `${i.opens}–${i.closes}`, from: minutesOfTime(i.opens), to: minutesOfTime(i.closes) }));
    for (const { text, from, to } of intervals) {
      if (from === null || to === null || from === DAY_END) problems.push(`${weekday} ${text}: times must be HH:MM, 00:00–24:00.`);
      else if (from >= to) problems.push(`${weekday} ${text}: the office must open before it closes (no interval past midnight).`);
      else if (from < previousEnd) problems.push(`${weekday} ${text}: the intervals must be in order and must not overlap.`);
      else previousEnd = to;
    }
  }
  const seen = new Set<string>();
  for (const { date } of hours.closedDates) {
    if (!isOfficeDay(date)) problems.push(`Closed date ${date} is not a date (YYYY-MM-DD).`);
    else if (seen.has(date)) problems.push(`Closed date ${date} is listed twice.`);
    seen.add(date);
  }
  return problems;
}

function intervalInstants(day: string, interval: OpeningInterval): [number, number] {
  return [instantOfTime(day, minutesOfTime(interval.opens)!), instantOfTime(day, minutesOfTime(interval.closes)!)];
}

function instantOfTime(day: string, minute: number): number {
  return minute === DAY_END ? startOfOfficeDay(nextOfficeDay(day)) : instantOnOfficeDay(day, minute);
}
