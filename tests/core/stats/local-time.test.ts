import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minuteOfOfficeDay, officeDayOf, startOfOfficeDay, nextOfficeDay } from '../../../core/office-day.js';
import { CopenhagenTime } from '../../../core/stats/local-time.js';

const times = new CopenhagenTime();

describe('Copenhagen wall-clock time for exports', () => {
  it('writes ISO times with the offset of the moment, so the two 02:30s of the autumn night differ', () => {
    expect(times.iso(Date.parse('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(times.iso(Date.parse('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
    expect(times.iso(Date.parse('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00'); // 02:00 does not exist in spring
    expect(times.iso(Date.parse('2026-11-25T08:07:09.999Z'))).toBe('2026-11-25T09:07:09+01:00');
  });

  it('gives sheets the wall clock as a zone-less date', () => {
    expect(times.wallClock(Date.parse('2026-10-24T21:30:00Z'))).toEqual(new Date(Date.UTC(2026, 9, 24, 23, 30)));
    expect(times.wallClock(Date.parse('2026-12-31T23:30:00.500Z'))).toEqual(new Date(Date.UTC(2027, 0, 1, 0, 30)));
  });

  it('knows where each office day ends: 23, 24 or 25 hours after it began', () => {
    expect(times.endOfOfficeDay('2026-10-25') - startOfOfficeDay('2026-10-25')).toBe(25 * 3_600_000);
    expect(times.endOfOfficeDay('2026-03-29') - startOfOfficeDay('2026-03-29')).toBe(23 * 3_600_000);
    expect(times.endOfOfficeDay('2026-11-25')).toBe(Date.parse('2026-11-26T00:00:00+01:00'));
  });

  it('agrees with the office-day functions at any instant of the 2020s', () => {
    const fresh = new CopenhagenTime();
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (at) => {
        expect(fresh.officeDay(at)).toBe(officeDayOf(at));
        expect(fresh.hourOfDay(at)).toBe(Math.floor(minuteOfOfficeDay(at) / 60));
        const day = officeDayOf(at);
        expect(fresh.endOfOfficeDay(day)).toBe(startOfOfficeDay(nextOfficeDay(day)));
      }),
      { numRuns: 500 },
    );
  });
});
