import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { DEFAULT_OPENING_HOURS } from '../../core/defaults.js';
import { minuteOfOfficeDay, nextOfficeDay, officeDayOf, startOfOfficeDay } from '../../core/office-day.js';
import {
  WEEKDAYS,
  isOpenAt,
  minutesOfTime,
  nextOpeningAfter,
  openingHoursProblems,
  openingStatus,
  type OpeningHours,
  type OpeningInterval,
  type Weekday,
} from '../../core/opening-hours.js';

const at = (isoUtc: string) => Date.parse(isoUtc);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const HOUR = 3_600_000;

const usualHours: OpeningHours = { ...DEFAULT_OPENING_HOURS, enabled: true };

function schedule(days: Partial<Record<Weekday, [string, string][]>>, closedDates: string[] = []): OpeningHours {
  const week = Object.fromEntries(WEEKDAYS.map((w) => [w, (days[w] ?? []).map(([opens, closes]) => ({ opens, closes }))]));
  return { enabled: true, week: week as Record<Weekday, OpeningInterval[]>, closedDates: closedDates.map((date) => ({ date })) };
}

describe('the usual hours: weekdays 10–15, Thursday until 17:30', () => {
  it('are off in a new office, so its kiosk never closes on hours nobody chose', () => {
    expect(DEFAULT_OPENING_HOURS.enabled).toBe(false);
    expect(isOpenAt(DEFAULT_OPENING_HOURS, at('2026-11-29T03:00:00Z'))).toBe(true);
    expect(nextOpeningAfter(DEFAULT_OPENING_HOURS, at('2026-11-29T03:00:00Z'))).toBeNull();
    expect(openingHoursProblems(DEFAULT_OPENING_HOURS)).toEqual([]);
  });

  it.each([
    ['Thursday 09:59:59 (winter, UTC+1)', '2026-11-26T08:59:59.999Z', false],
    ['Thursday 10:00', '2026-11-26T09:00:00Z', true],
    ['Thursday 17:29', '2026-11-26T16:29:00Z', true],
    ['Thursday 17:30', '2026-11-26T16:30:00Z', false],
    ['Friday 14:59 (summer, UTC+2)', '2026-06-26T12:59:00Z', true],
    ['Friday 15:00', '2026-06-26T13:00:00Z', false],
    ['Friday 16:00 in winter', '2026-11-27T15:00:00Z', false],
    ['Saturday noon', '2026-11-28T11:00:00Z', false],
  ])('%s → open %s', (_, instant, open) => {
    expect(isOpenAt(usualHours, at(instant))).toBe(open);
  });

  it('skips closed dates: closed on 24 and 25 December, open again on Monday the 28th', () => {
    const christmas = { ...usualHours, closedDates: [{ date: '2026-12-24', note: 'Juleaften' }, { date: '2026-12-25' }] };
    expect(isOpenAt(christmas, at('2026-12-24T10:00:00Z'))).toBe(false);
    expect(iso(nextOpeningAfter(christmas, at('2026-12-24T10:00:00Z')))).toBe('2026-12-28T09:00:00.000Z');
  });
});

describe('daylight saving: Copenhagen wall-clock times on the nights the clocks change', () => {
  it('from the Friday before spring-forward, opens on Monday at 10:00 summer time (08:00 UTC)', () => {
    expect(iso(nextOpeningAfter(usualHours, at('2026-03-27T15:00:00Z')))).toBe('2026-03-30T08:00:00.000Z');
  });

  it('from the Friday before fall-back, opens on Monday at 10:00 winter time (09:00 UTC)', () => {
    expect(iso(nextOpeningAfter(usualHours, at('2026-10-23T14:00:00Z')))).toBe('2026-10-26T09:00:00.000Z');
  });

  it('spring-forward Sunday, 01:00–04:00, is open two real hours', () => {
    const night = schedule({ sun: [['01:00', '04:00']] });
    expect(iso(nextOpeningAfter(night, at('2026-03-28T20:00:00Z')))).toBe('2026-03-29T00:00:00.000Z');
    expect(isOpenAt(night, at('2026-03-28T23:59:59Z'))).toBe(false);
    expect(isOpenAt(night, at('2026-03-29T00:59:00Z'))).toBe(true); // 01:59 CET
    expect(isOpenAt(night, at('2026-03-29T01:00:00Z'))).toBe(true); // 03:00 CEST
    expect(isOpenAt(night, at('2026-03-29T01:59:59Z'))).toBe(true); // 03:59:59 CEST
    expect(isOpenAt(night, at('2026-03-29T02:00:00Z'))).toBe(false); // 04:00 CEST
  });

  it('spring-forward Sunday: an opening time in the skipped hour is taken an hour later', () => {
    const night = schedule({ sun: [['02:30', '05:00']] });
    expect(iso(nextOpeningAfter(night, at('2026-03-28T20:00:00Z')))).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });

  it('spring-forward Sunday, 09:00 is summer time', () => {
    const sunday = schedule({ sun: [['09:00', '12:00']] });
    expect(iso(nextOpeningAfter(sunday, at('2026-03-28T20:00:00Z')))).toBe('2026-03-29T07:00:00.000Z');
    expect(isOpenAt(sunday, at('2026-03-29T09:59:00Z'))).toBe(true);
    expect(isOpenAt(sunday, at('2026-03-29T10:00:00Z'))).toBe(false);
  });

  it('fall-back Sunday, 01:00–04:00, is open four real hours, through both 02:30s', () => {
    const night = schedule({ sun: [['01:00', '04:00']] });
    expect(iso(nextOpeningAfter(night, at('2026-10-24T20:00:00Z')))).toBe('2026-10-24T23:00:00.000Z'); // 01:00 CEST
    expect(isOpenAt(night, at('2026-10-25T00:30:00Z'))).toBe(true); // first 02:30 (CEST)
    expect(isOpenAt(night, at('2026-10-25T01:30:00Z'))).toBe(true); // second 02:30 (CET)
    expect(isOpenAt(night, at('2026-10-25T02:59:59Z'))).toBe(true); // 03:59:59 CET
    expect(isOpenAt(night, at('2026-10-25T03:00:00Z'))).toBe(false); // 04:00 CET
  });

  it('fall-back Sunday, 20:00–24:00, closes at the real midnight of the 25-hour day', () => {
    const evening = schedule({ sun: [['20:00', '24:00']] });
    expect(isOpenAt(evening, at('2026-10-25T22:59:59Z'))).toBe(true); // 23:59:59 CET
    expect(iso(nextOpeningAfter(evening, at('2026-10-25T12:00:00Z')))).toBe('2026-10-25T19:00:00.000Z');
  });

  it('fall-back Sunday: an opening time in the repeated hour opens the first time it is shown', () => {
    const night = schedule({ sun: [['02:30', '03:00']] });
    expect(iso(nextOpeningAfter(night, at('2026-10-24T20:00:00Z')))).toBe('2026-10-25T00:30:00.000Z');
    expect(isOpenAt(night, at('2026-10-25T01:59:00Z'))).toBe(true); // 02:59 CET, before 03:00 CET
  });
});

describe('the next opening', () => {
  it('is later the same day after a lunch break', () => {
    const lunch = schedule({ mon: [['10:00', '12:00'], ['13:00', '15:00']] });
    expect(isOpenAt(lunch, at('2026-11-23T11:30:00Z'))).toBe(false); // 12:30 local
    expect(iso(nextOpeningAfter(lunch, at('2026-11-23T10:00:00Z')))).toBe('2026-11-23T12:00:00.000Z');
  });

  it('is not where one interval continues another, nor at a midnight the office is open through', () => {
    const continuous = schedule({ sun: [['20:00', '24:00']], mon: [['00:00', '02:00'], ['10:00', '12:00'], ['12:00', '15:00']] });
    expect(isOpenAt(continuous, at('2026-11-22T23:30:00Z'))).toBe(true); // Monday 00:30 local
    expect(iso(nextOpeningAfter(continuous, at('2026-11-22T20:00:00Z')))).toBe('2026-11-23T09:00:00.000Z'); // Monday 10:00
    expect(iso(nextOpeningAfter(continuous, at('2026-11-23T10:00:00Z')))).toBe('2026-11-29T19:00:00.000Z'); // Sunday 20:00
  });

  it('does not exist when the week has no hours or the hours are off', () => {
    expect(nextOpeningAfter(schedule({}), at('2026-11-23T10:00:00Z'))).toBeNull();
    expect(isOpenAt(schedule({}), at('2026-11-23T10:00:00Z'))).toBe(false);
    expect(nextOpeningAfter({ ...usualHours, enabled: false }, at('2026-11-22T10:00:00Z'))).toBeNull();
  });
});

describe('openingStatus: what the kiosk shows', () => {
  it('gives today, the next seven days with closed dates, and the next opening when closed', () => {
    const hours = { ...usualHours, closedDates: [{ date: '2026-11-27' }] };
    const status = openingStatus(hours, at('2026-11-26T17:00:00Z')); // Thursday 18:00
    expect(status).toMatchObject({ scheduled: true, openNow: false, hoursToday: [{ opens: '10:00', closes: '17:30' }] });
    expect(iso(status.nextOpening)).toBe('2026-11-30T09:00:00.000Z');
    expect(status.week.map((d) => d.date)).toEqual(['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(status.week[1]).toEqual({ date: '2026-11-27', weekday: 'fri', intervals: [], closedDate: true });
    expect(status.week[4]).toEqual({ date: '2026-11-30', weekday: 'mon', intervals: [{ opens: '10:00', closes: '15:00' }], closedDate: false });
  });

  it('has no next opening while open, and says "not scheduled" when the hours are off', () => {
    expect(openingStatus(usualHours, at('2026-11-26T10:00:00Z'))).toMatchObject({ openNow: true, nextOpening: null });
    expect(openingStatus(DEFAULT_OPENING_HOURS, at('2026-11-28T22:00:00Z'))).toMatchObject({ scheduled: false, openNow: true, nextOpening: null });
  });
});

describe('openingHoursProblems: a schedule must make sense', () => {
  it.each([
    [schedule({ mon: [['15:00', '10:00']] }), /open before it closes/],
    [schedule({ tue: [['22:00', '02:00']] }), /no interval past midnight/],
    [schedule({ wed: [['10:00', '13:00'], ['12:00', '15:00']] }), /must not overlap/],
    [schedule({ thu: [['13:00', '15:00'], ['10:00', '12:00']] }), /in order/],
    [schedule({ fri: [['24:00', '24:00']] }), /00:00–24:00/],
    [schedule({ fri: [['9:00', '12:00']] }), /HH:MM/],
    [schedule({}, ['2026-02-30']), /not a date/],
    [schedule({}, ['2026-12-24', '2026-12-24']), /twice/],
  ])('refuses %#', (hours, message) => {
    expect(openingHoursProblems(hours).join(' ')).toMatch(message);
  });

  it('accepts intervals that touch, and a day open until 24:00', () => {
    expect(openingHoursProblems(schedule({ mon: [['00:00', '12:00'], ['12:00', '24:00']] }, ['2026-12-24']))).toEqual([]);
    expect(minutesOfTime('24:00')).toBe(1440);
  });
});

// Properties over arbitrary schedules and instants, half of them on the two daylight-saving days.
const hhmm = (quarter: number) => (quarter === 96 ? '24:00' : `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`);
// Quarter hours cut the day into pieces and each piece is open or not, so intervals may touch.
const dayIntervals = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 95 }), { maxLength: 5 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }))
  .map(([cuts, open]) => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), 96];
    const intervals: OpeningInterval[] = [];
    for (let i = 0; i + 1 < points.length; i++) if (open[i]) intervals.push({ opens: hhmm(points[i]!), closes: hhmm(points[i + 1]!) });
    return intervals;
  });
const arbitraryHours: fc.Arbitrary<OpeningHours> = fc.record({
  enabled: fc.constant(true),
  week: fc.record(Object.fromEntries(WEEKDAYS.map((w) => [w, dayIntervals])) as Record<Weekday, fc.Arbitrary<OpeningInterval[]>>),
  closedDates: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }).map((offsets) =>
    offsets.map((n) => ({ date: new Date(Date.UTC(2026, 2, 20 + n)).toISOString().slice(0, 10) })),
  ),
});
const arbitraryInstant = fc.oneof(
  fc.integer({ min: at('2026-03-20T00:00:00Z'), max: at('2026-04-30T00:00:00Z') }),
  fc.integer({ min: at('2026-03-28T20:00:00Z'), max: at('2026-03-29T22:00:00Z') }),
  fc.integer({ min: at('2026-10-24T20:00:00Z'), max: at('2026-10-25T23:00:00Z') }),
);

describe('properties', () => {
  it('every generated schedule is valid', () => {
    fc.assert(fc.property(arbitraryHours, (hours) => openingHoursProblems(hours).length === 0));
  });

  it('on a 24-hour day, open exactly when the Copenhagen clock is inside an interval of the day', () => {
    fc.assert(
      fc.property(arbitraryHours, arbitraryInstant, (hours, instant) => {
        const day = officeDayOf(instant);
        fc.pre(startOfOfficeDay(nextOfficeDay(day)) - startOfOfficeDay(day) === 24 * HOUR);
        const minute = minuteOfOfficeDay(instant);
        const weekday = WEEKDAYS[(new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7]!;
        const closed = hours.closedDates.some((c) => c.date === day);
        const inside = hours.week[weekday].some((i) => minutesOfTime(i.opens)! <= minute && minute < minutesOfTime(i.closes)!);
        expect(isOpenAt(hours, instant)).toBe(!closed && inside);
      }),
    );
  });

  it('the next opening is later, open, closed just before it, and closed all the way to it from a closed instant', () => {
    fc.assert(
      fc.property(arbitraryHours, arbitraryInstant, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), (hours, instant, samples) => {
        const next = nextOpeningAfter(hours, instant);
        const anyHours = WEEKDAYS.some((w) => hours.week[w].length > 0);
        // At most 8 closed dates: within the horizon a schedule with any hours opens again.
        expect(next === null).toBe(!anyHours);
        if (next === null) return;
        expect(next).toBeGreaterThan(instant);
        expect(isOpenAt(hours, next)).toBe(true);
        expect(isOpenAt(hours, next - 1)).toBe(false);
        if (!isOpenAt(hours, instant)) {
          for (const s of samples) expect(isOpenAt(hours, instant + Math.floor(s * (next - instant - 1)))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
