import { offsetMinutesAt } from '../copenhagen-time.js';
import { nextOfficeDay, startOfOfficeDay } from '../office-day.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/**
 * Copenhagen wall-clock time for exports of up to a million tickets. `Intl` costs microseconds
 * per call, four timestamps a ticket; Copenhagen's offset only changes on a whole UTC hour, so one
 * `Intl` call per hour seen gives every timestamp in it, and the rest is arithmetic on the wall
 * clock (with each date's text made once). The caches belong to the instance, never shared.
 */
export class CopenhagenTime {
  private readonly offsetByUtcHour = new Map<number, number>();
  private readonly dayEnds = new Map<string, number>();
  private readonly dateTexts = new Map<number, string>();

  /** Minutes Copenhagen is ahead of UTC at the instant (60 in winter, 120 in summer). */
  offsetMinutes(epochMs: number): number {
    const utcHour = Math.floor(epochMs / HOUR_MS);
    let offset = this.offsetByUtcHour.get(utcHour);
    if (offset === undefined) {
      offset = offsetMinutesAt(utcHour * HOUR_MS);
      this.offsetByUtcHour.set(utcHour, offset);
    }
    return offset;
  }

  /**
   * ISO 8601 with the offset, to the second: `2026-10-25T02:30:00+01:00`. The offset is what
   * tells the two 02:30s of the autumn night apart.
   */
  iso(epochMs: number): string {
    const offset = this.offsetMinutes(epochMs);
    const wall = epochMs + offset * 60_000;
    const day = Math.floor(wall / DAY_MS);
    const second = Math.floor((wall - day * DAY_MS) / 1000);
    const clock = `${TWO_DIGITS[Math.floor(second / 3600)]}:${TWO_DIGITS[Math.floor(second / 60) % 60]}:${TWO_DIGITS[second % 60]}`;
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    return `${this.dateText(day)}T${clock}${sign}${TWO_DIGITS[Math.floor(abs / 60)]}:${TWO_DIGITS[abs % 60]}`;
  }

  /**
   * A Date whose UTC fields read as the Copenhagen wall clock. Spreadsheets store times without a
   * zone, so a sheet must be given the clock the office saw, not the UTC instant.
   */
  wallClock(epochMs: number): Date {
    const wall = epochMs + this.offsetMinutes(epochMs) * 60_000;
    return new Date(wall - (wall % 1000));
  }

  /** Hour on the Copenhagen clock, 0–23 (the autumn night's 02 comes twice). */
  hourOfDay(epochMs: number): number {
    const wall = epochMs + this.offsetMinutes(epochMs) * 60_000;
    return Math.floor((wall - Math.floor(wall / DAY_MS) * DAY_MS) / HOUR_MS);
  }

  /** Minutes since midnight on the Copenhagen clock, 0–1439, as `minuteOfOfficeDay` but cached (the autumn night's 02:xx comes twice). */
  minuteOfDay(epochMs: number): number {
    const wall = epochMs + this.offsetMinutes(epochMs) * 60_000;
    return Math.floor((wall - Math.floor(wall / DAY_MS) * DAY_MS) / 60_000);
  }

  /** `YYYY-MM-DD` of the Copenhagen day, as `officeDayOf` but cached. */
  officeDay(epochMs: number): string {
    return this.dateText(Math.floor((epochMs + this.offsetMinutes(epochMs) * 60_000) / DAY_MS));
  }

  /** The instant the Copenhagen day `day` ends (the next day's midnight), cached. */
  endOfOfficeDay(day: string): number {
    let end = this.dayEnds.get(day);
    if (end === undefined) {
      end = startOfOfficeDay(nextOfficeDay(day));
      this.dayEnds.set(day, end);
    }
    return end;
  }

  private dateText(dayNumber: number): string {
    let text = this.dateTexts.get(dayNumber);
    if (text === undefined) {
      text = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
      this.dateTexts.set(dayNumber, text);
    }
    return text;
  }
}
