import { describe, expect, it } from 'vitest';
import { dayRefusal, isWithinBookingHorizon, lastAcceptedDay } from '../../core/day-window.js';
import { addOfficeDays, compareOfficeDays, isOfficeDay, officeDayOf } from '../../core/office-day.js';

describe('the days the host accepts', () => {
  it('runs from 2000-01-01 to two years after today', () => {
    expect(lastAcceptedDay('2026-12-06')).toBe('2028-12-06');
    // 29 February has no twin two years on.
    expect(lastAcceptedDay('2028-02-29')).toBe('2030-03-01');
    expect(dayRefusal('2000-01-01', '2026-12-06')).toBeNull();
    expect(dayRefusal('2028-12-06', '2026-12-06')).toBeNull();
    expect(dayRefusal('1999-12-31', '2026-12-06')?.code).toBe('invalid_range');
    expect(dayRefusal('2028-12-07', '2026-12-06')?.code).toBe('invalid_range');
    expect(dayRefusal('9999-12-31', '2026-12-06')?.code).toBe('invalid_range');
    expect(dayRefusal('0001-01-01', '2026-12-06')?.code).toBe('invalid_range');
    expect(dayRefusal('2026-02-30', '2026-12-06')?.code).toBe('invalid_date');
    expect(dayRefusal('10000-01-01', '2026-12-06')?.code).toBe('invalid_date');
  });

  it('takes bookings up to the end of the last accepted Copenhagen day', () => {
    const now = Date.parse('2026-12-06T10:00:00+01:00');
    expect(isWithinBookingHorizon(Date.parse('2028-12-06T23:59:00+01:00'), now)).toBe(true);
    expect(isWithinBookingHorizon(Date.parse('2028-12-07T00:00:00+01:00'), now)).toBe(false);
    expect(isWithinBookingHorizon(Date.parse('9999-12-31T23:45:00Z'), now)).toBe(false);
  });
});

describe('office days are ordered as dates', () => {
  it('refuses to order a day that is not YYYY-MM-DD with a four-digit year', () => {
    expect(compareOfficeDays('2026-12-06', '2026-12-07')).toBeLessThan(0);
    expect(compareOfficeDays('2026-12-06', '2026-12-06')).toBe(0);
    expect(() => compareOfficeDays('10000-01-01', '2026-12-06')).toThrow(RangeError);
    expect(() => compareOfficeDays('2026-12-06', '2026-1-6')).toThrow(RangeError);
  });

  it('never writes an office day with a five-digit year', () => {
    expect(() => officeDayOf(Date.parse('9999-12-31T23:45:00Z'))).toThrow(RangeError);
    expect(officeDayOf(Date.parse('9999-12-31T22:45:00Z'))).toBe('9999-12-31');
    expect(() => addOfficeDays('9999-12-31', 1)).toThrow(RangeError);
    expect(isOfficeDay('0001-01-01')).toBe(true);
  });
});
