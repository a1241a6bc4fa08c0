import { describe, it, expect } from 'vitest';
import fc from 'fast-check';

import {
  isOfficeDay,
  minuteOfOfficeDay,
  nextOfficeDay,
  officeDayOf,
  startOfOfficeDay,
  weekdayOfOfficeDay,
} from '../../core/office-day.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (isoUtc: string) => Date.parse(isoUtc);

/** The calendar day before `day`, by plain UTC date arithmetic (no time zones involved). */
function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

describe('officeDayOf: Copenhagen midnight, not UTC midnight', () => {
  it.each([
    ['winter (UTC+1)', '2026-01-14T22:59:59.999Z', '2026-01-14', '2026-01-14T23:00:00.000Z', '2026-01-15'],
    ['summer (UTC+2)', '2026-06-30T21:59:59.999Z', '2026-06-30', '2026-06-30T22:00:00.000Z', '2026-07-01'],
    ['New Year', '2026-12-31T22:59:59.999Z', '2026-12-31', '2026-12-31T23:00:00.000Z', '2027-01-01'],
    ['into the spring-forward day', '2026-03-28T22:59:59.999Z', '2026-03-28', '2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['out of the spring-forward day', '2026-03-29T21:59:59.999Z', '2026-03-29', '2026-03-29T22:00:00.000Z', '2026-03-30'],
    ['into the fall-back day', '2026-10-24T21:59:59.999Z', '2026-10-24', '2026-10-24T22:00:00.000Z', '2026-10-25'],
    ['out of the fall-back day', '2026-10-25T22:59:59.999Z', '2026-10-25', '2026-10-25T23:00:00.000Z', '2026-10-26'],
  ])('%s: 23:59:59.999 is still one day, 00:00 the next', (_, lastMoment, dayBefore, midnight, dayAfter) => {
    expect(officeDayOf(at(lastMoment))).toBe(dayBefore);
    expect(officeDayOf(at(midnight))).toBe(dayAfter);
  });

  it('puts a ticket issued at 00:30 UTC in winter on the same Copenhagen day (01:30 local)', () => {
    expect(officeDayOf(at('2026-02-10T00:30:00Z'))).toBe('2026-02-10');
  });

  it('puts 23:30 UTC in summer on the next Copenhagen day (01:30 local)', () => {
    expect(officeDayOf(at('2026-08-10T23:30:00Z'))).toBe('2026-08-11');
  });
});

describe('startOfOfficeDay', () => {
  it.each([
    ['a winter day', '2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['a summer day', '2026-07-01', '2026-06-30T22:00:00.000Z'],
    ['the day before spring-forward', '2026-03-28', '2026-03-27T23:00:00.000Z'],
    ['the spring-forward day', '2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['the day after spring-forward', '2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['the day before fall-back', '2026-10-24', '2026-10-23T22:00:00.000Z'],
    ['the fall-back day', '2026-10-25', '2026-10-24T22:00:00.000Z'],
    ['the day after fall-back', '2026-10-26', '2026-10-25T23:00:00.000Z'],
    ['a leap day', '2028-02-29', '2028-02-28T23:00:00.000Z'],
  ])('%s (%s) begins at %s', (_, day, instant) => {
    expect(new Date(startOfOfficeDay(day)).toISOString()).toBe(instant);
  });

  it.each([
    ['2026-03-29', 23],
    ['2026-10-25', 25],
    ['2026-03-28', 24],
    ['2026-03-30', 24],
    ['2026-10-24', 24],
    ['2026-10-26', 24],
    ['2026-06-15', 24],
  ])('%s is %d hours long', (day, hours) => {
    expect(startOfOfficeDay(nextOfficeDay(day)) - startOfOfficeDay(day)).toBe(hours * HOUR);
  });
});

describe('minuteOfOfficeDay', () => {
  it.each([
    ['local midnight in winter', '2026-01-14T23:00:00Z', 0],
    ['one minute before local midnight in winter', '2026-01-14T22:59:59.999Z', 1439],
    ['local midnight in summer', '2026-06-30T22:00:00Z', 0],
    ['opening at 10:00 in winter', '2026-02-10T09:00:00Z', 600],
    ['opening at 10:00 in summer', '2026-06-10T08:00:00Z', 600],
    ['seconds do not count', '2026-02-10T09:15:59.999Z', 615],
    ['01:59 local, just before the clocks jump', '2026-03-29T00:59:00Z', 119],
    ['03:00 local, the instant the clocks jump', '2026-03-29T01:00:00Z', 180],
    ['02:59 summer time, just before the clocks fall back', '2026-10-25T00:59:00Z', 179],
    ['02:00 winter time, the instant the clocks fall back', '2026-10-25T01:00:00Z', 120],
  ])('%s → %d', (_, instant, minute) => {
    expect(minuteOfOfficeDay(at(instant))).toBe(minute);
  });
});

describe('weekdayOfOfficeDay', () => {
  it.each([
    ['2026-03-02', 1],
    ['2026-03-03', 2],
    ['2026-03-04', 3],
    ['2026-03-05', 4],
    ['2026-03-06', 5],
    ['2026-03-07', 6],
    ['2026-03-29', 7],
    ['2026-10-25', 7],
    ['2024-02-29', 4],
    ['2000-01-01', 6],
  ])('%s is ISO weekday %d', (day, weekday) => {
    expect(weekdayOfOfficeDay(day)).toBe(weekday);
  });
});

describe('nextOfficeDay', () => {
  it.each([
    ['2026-03-02', '2026-03-03'],
    ['2026-01-31', '2026-02-01'],
    ['2026-02-28', '2026-03-01'],
    ['2028-02-28', '2028-02-29'],
    ['2028-02-29', '2028-03-01'],
    ['2026-12-31', '2027-01-01'],
    ['2026-03-29', '2026-03-30'],
    ['2026-10-25', '2026-10-26'],
  ])('%s → %s', (day, next) => {
    expect(nextOfficeDay(day)).toBe(next);
  });
});

describe('isOfficeDay', () => {
  it.each(['2026-03-02', '2024-02-29', '2026-12-31', '2000-01-01', '2100-12-31'])('accepts %s', (text) => {
    expect(isOfficeDay(text)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '26-01-05',
    '2026/01/05',
    '2026-01-05T00:00',
    ' 2026-01-05',
    '2026-01-05 ',
    '',
    'today',
  ])('rejects %j', (text) => {
    expect(isOfficeDay(text)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over every day from 2000 to 2100.
// ---------------------------------------------------------------------------------------------

const FIRST_DAY = Date.UTC(2000, 0, 1);
const LAST_DAY = Date.UTC(2100, 11, 31);
const dayArb = fc
  .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY })
  .map((i) => new Date(FIRST_DAY + i * DAY).toISOString().slice(0, 10));
const RUNS = { numRuns: 300 };

describe('office days: properties (2000–2100)', () => {
  it('a day begins inside itself, and the millisecond before belongs to the previous day', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const start = startOfOfficeDay(day);
        expect(officeDayOf(start)).toBe(day);
        expect(officeDayOf(start - 1)).toBe(previousDay(day));
        expect(minuteOfOfficeDay(start)).toBe(0);
        expect(minuteOfOfficeDay(start - 1)).toBe(1439);
      }),
      RUNS,
    );
  });

  it('a day lasts 23, 24 or 25 hours, and is followed by the next calendar day', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const length = startOfOfficeDay(nextOfficeDay(day)) - startOfOfficeDay(day);
        expect([23 * HOUR, 24 * HOUR, 25 * HOUR]).toContain(length);
        expect(previousDay(nextOfficeDay(day))).toBe(day);
        expect(isOfficeDay(day)).toBe(true);
        expect(weekdayOfOfficeDay(nextOfficeDay(day))).toBe((weekdayOfOfficeDay(day) % 7) + 1);
      }),
      RUNS,
    );
  });

  it('every instant lies in the day officeDayOf names, at a minute 0–1439', () => {
    const instantArb = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
    fc.assert(
      fc.property(instantArb, (instant) => {
        const day = officeDayOf(instant);
        expect(isOfficeDay(day)).toBe(true);
        expect(instant).toBeGreaterThanOrEqual(startOfOfficeDay(day));
        expect(instant).toBeLessThan(startOfOfficeDay(nextOfficeDay(day)));
        const minute = minuteOfOfficeDay(instant);
        expect(Number.isInteger(minute)).toBe(true);
        expect(minute).toBeGreaterThanOrEqual(0);
        expect(minute).toBeLessThanOrEqual(1439);
      }),
      RUNS,
    );
  });

  it('on a 24-hour day the minute of the day is the minutes elapsed since its start', () => {
    const instantArb = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
    fc.assert(
      fc.property(instantArb, (instant) => {
        const day = officeDayOf(instant);
        const start = startOfOfficeDay(day);
        fc.pre(startOfOfficeDay(nextOfficeDay(day)) - start === DAY);
        expect(minuteOfOfficeDay(instant)).toBe(Math.floor((instant - start) / 60_000));
      }),
      RUNS,
    );
  });
});
