import { describe, expect, it } from 'vitest';

import {
  ageOn,
  parseIsoDate,
  readBirthDate,
  readExpiryDate,
  toIsoDate,
  type MrzDateReading,
} from '../../../core/idcheck/dates.js';

const today = parseIsoDate('2025-06-01') ?? { year: 0, month: 0, day: 0 };

function iso(reading: MrzDateReading): string {
  return reading.kind === 'date' ? toIsoDate(reading.date) : reading.kind;
}

describe('parseIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2025-13-01')).toBeNull();
    expect(parseIsoDate('2025-6-1')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
  });
});

describe('readBirthDate', () => {
  it.each([
    ['120601', '2012-06-01'],
    ['250601', '2025-06-01'],
    ['250602', '1925-06-02'], // 2025-06-02 would be tomorrow
    ['300101', '1930-01-01'],
    ['000229', '2000-02-29'],
    ['12<<<<', '2012-12-31'], // unknown month and day: the latest the filler allows
    ['1202<<', '2012-02-29'],
    ['25<<<<', '2025-06-01'], // the latest possible date is capped at today
    ['<<<<<<', 'missing'],
    ['120231', 'invalid'],
    ['121301', 'invalid'],
    ['12<<01', 'invalid'],
    ['1A0101', 'invalid'],
  ])('reads %s as %s (today 2025-06-01)', (raw, expected) => {
    expect(iso(readBirthDate(raw, today))).toBe(expected);
  });
});

describe('readExpiryDate', () => {
  it.each([
    ['450601', '2045-06-01'], // up to 20 years ahead
    ['460101', '1946-01-01'], // further ahead is read as the past
    ['250531', '2025-05-31'],
    ['120415', '2012-04-15'],
    ['000229', '2000-02-29'],
    ['010229', 'invalid'],
    ['<<<<<<', 'missing'],
    ['2506<<', 'invalid'],
    ['251301', 'invalid'],
  ])('reads %s as %s (today 2025-06-01)', (raw, expected) => {
    expect(iso(readExpiryDate(raw, today))).toBe(expected);
  });

  it('moves the century window with today', () => {
    const in2090 = parseIsoDate('2090-01-01') ?? today;
    expect(iso(readExpiryDate('050101', in2090))).toBe('2105-01-01');
    expect(iso(readExpiryDate('890101', in2090))).toBe('2089-01-01');
  });
});

describe('ageOn', () => {
  const date = (value: string) => parseIsoDate(value) ?? today;

  it('counts a birthday from its first day', () => {
    expect(ageOn(date('2012-06-01'), date('2025-06-01'))).toBe(13);
    expect(ageOn(date('2012-06-02'), date('2025-06-01'))).toBe(12);
    expect(ageOn(date('2012-05-31'), date('2025-06-01'))).toBe(13);
  });

  it('lets someone born on 29 February turn a year older on 1 March in common years', () => {
    expect(ageOn(date('2012-02-29'), date('2025-02-28'))).toBe(12);
    expect(ageOn(date('2012-02-29'), date('2025-03-01'))).toBe(13);
    expect(ageOn(date('2012-02-29'), date('2028-02-29'))).toBe(16);
  });
});
