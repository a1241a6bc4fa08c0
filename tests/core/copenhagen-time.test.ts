import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOfWallClock, offsetMinutesAt, utcOfWallClock, wallClockAt, type WallClock } from '../../core/copenhagen-time.js';

const at = (isoUtc: string) => Date.parse(isoUtc);
const HOUR = 3_600_000;
const wall = (text: string): WallClock => {
  const [date, time] = text.split(' ') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { year, month, day, hour, minute, second: 0 };
};

describe('the offset from UTC', () => {
  it.each([
    ['winter', '2026-01-15T12:00:00Z', 60],
    ['summer', '2026-07-15T12:00:00Z', 120],
    ['the last winter instant of the spring night', '2026-03-29T00:59:59.999Z', 60],
    ['the first summer instant of the spring night', '2026-03-29T01:00:00Z', 120],
    ['the last summer instant of the autumn night', '2026-10-25T00:59:59.999Z', 120],
    ['the first winter instant of the autumn night', '2026-10-25T01:00:00Z', 60],
  ])('%s: %s is UTC+%i min', (_, instant, minutes) => {
    expect(offsetMinutesAt(at(instant))).toBe(minutes);
  });
});

describe('wall clock → instant on the spring-forward night (2026-03-29, 02:00 → 03:00)', () => {
  it.each([
    ['01:59 is winter time', '2026-03-29 01:59', '2026-03-29T00:59:00Z', false],
    ['02:00 never shows: taken an hour later (03:00)', '2026-03-29 02:00', '2026-03-29T01:00:00Z', true],
    ['02:30 never shows: taken an hour later (03:30)', '2026-03-29 02:30', '2026-03-29T01:30:00Z', true],
    ['02:59 never shows: taken an hour later (03:59)', '2026-03-29 02:59', '2026-03-29T01:59:00Z', true],
    ['03:00 is summer time', '2026-03-29 03:00', '2026-03-29T01:00:00Z', false],
  ])('%s', (_, text, expectedUtc, skipped) => {
    expect(instantOfWallClock(wall(text))).toEqual({ at: at(expectedUtc), skipped });
  });
});

describe('wall clock → instant on the fall-back night (2026-10-25, 03:00 → 02:00)', () => {
  it.each([
    ['01:59 is summer time', '2026-10-25 01:59', '2026-10-24T23:59:00Z'],
    ['02:00 shows twice: the first (summer time)', '2026-10-25 02:00', '2026-10-25T00:00:00Z'],
    ['02:30 shows twice: the first (summer time)', '2026-10-25 02:30', '2026-10-25T00:30:00Z'],
    ['02:59 shows twice: the first (summer time)', '2026-10-25 02:59', '2026-10-25T00:59:00Z'],
    ['03:00 is winter time', '2026-10-25 03:00', '2026-10-25T02:00:00Z'],
  ])('%s', (_, text, expectedUtc) => {
    expect(instantOfWallClock(wall(text))).toEqual({ at: at(expectedUtc), skipped: false });
  });

  it('reads both 02:30s of the night back as 02:30', () => {
    expect(wallClockAt(at('2026-10-25T00:30:00Z'))).toEqual(wall('2026-10-25 02:30'));
    expect(wallClockAt(at('2026-10-25T01:30:00Z'))).toEqual(wall('2026-10-25 02:30'));
  });
});

describe('other zones (booking files name them)', () => {
  it('converts in the zone given, and refuses one Intl does not know', () => {
    expect(instantOfWallClock(wall('2026-07-01 09:00'), 'Europe/London').at).toBe(at('2026-07-01T08:00:00Z'));
    expect(instantOfWallClock(wall('2026-07-01 09:00'), 'UTC').at).toBe(at('2026-07-01T09:00:00Z'));
    expect(() => instantOfWallClock(wall('2026-07-01 09:00'), 'Nowhere/Special')).toThrow(RangeError);
  });
});

// Every minute of 2020–2040, so each year's two transition nights are in range.
const instantArb = fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2040-12-31T00:00:00Z') }).map((ms) => ms - (ms % 60_000));

/** The EU changes clocks on the last Sunday of March and of October. */
const lastSunday = (year: number, month: number) => 31 - new Date(Date.UTC(year, month - 1, 31)).getUTCDay();
const anyDayArb = fc.record({ year: fc.integer({ min: 2020, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
const transitionNightArb = fc
  .record({ year: fc.integer({ min: 2020, max: 2040 }), month: fc.constantFrom(3, 10) })
  .map(({ year, month }) => ({ year, month, day: lastSunday(year, month) }));
// Half the cases on a transition night between midnight and 05:00, where the rule matters.
const wallArb = fc.oneof(
  fc.record({ date: anyDayArb, hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) }),
  fc.record({ date: transitionNightArb, hour: fc.integer({ min: 0, max: 4 }), minute: fc.integer({ min: 0, max: 59 }) }),
).map(({ date, hour, minute }): WallClock => ({ ...date, hour, minute, second: 0 }));

describe('the clock read by arithmetic on a remembered offset agrees with Intl', () => {
  const intl = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Copenhagen', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const intlWall = (instant: number) => Object.fromEntries(intl.formatToParts(instant).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));

  it('at any instant from 1850 (Copenhagen mean time, +00:53:28, until 1893) to 2100, asked in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: at('1850-01-01T00:00:00Z'), max: at('2100-12-31T00:00:00Z') }), { minLength: 1, maxLength: 20 }), (instants) => {
        for (const instant of instants) expect(wallClockAt(instant)).toEqual(intlWall(instant));
      }),
      { numRuns: 200 },
    );
  });

  it('across the hour Copenhagen left its mean time for CET (1893), where the offset changed mid-hour', () => {
    const switchAt = at('1893-03-31T23:06:32Z');
    for (let instant = switchAt - HOUR; instant <= switchAt + HOUR; instant += 1_000) {
      expect(wallClockAt(instant)).toEqual(intlWall(instant));
    }
  });
});

describe('wall clock ↔ instant: properties (2020–2040)', () => {
  it('the offset is an hour in winter and two in summer, and is what the wall clock shows', () => {
    fc.assert(
      fc.property(instantArb, (instant) => {
        const offset = offsetMinutesAt(instant);
        expect([60, 120]).toContain(offset);
        expect(utcOfWallClock(wallClockAt(instant)) - instant).toBe(offset * 60_000);
      }),
      { numRuns: 500 },
    );
  });

  it('any instant read off the clock converts back to itself, or to the first of a repeated hour', () => {
    fc.assert(
      fc.property(instantArb, (instant) => {
        const back = instantOfWallClock(wallClockAt(instant));
        expect(back.skipped).toBe(false);
        expect([instant, instant - HOUR]).toContain(back.at);
        // Only the autumn night's second 02:xx goes back an hour, to the first.
        if (back.at !== instant) expect(offsetMinutesAt(back.at)).toBe(120);
      }),
      { numRuns: 500 },
    );
  });

  it('a wall time converts to an instant that shows it, or, only in the skipped spring hour, to one an hour later', () => {
    fc.assert(
      fc.property(wallArb, (written) => {
        const { at: instant, skipped } = instantOfWallClock(written);
        const shown = wallClockAt(instant);
        if (skipped) {
          expect(written).toMatchObject({ month: 3, day: lastSunday(written.year, 3), hour: 2 });
          expect(shown).toEqual({ ...written, hour: 3 });
        } else {
          expect(shown).toEqual(written);
          // The first occurrence: an hour earlier the clock does not show it.
          expect(wallClockAt(instant - HOUR)).not.toEqual(written);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
