import { describe, expect, it } from 'vitest';
import { cleanName, isSlotOver, isWholeMinute, slotFrom } from '../../../core/appointments/booking.js';

const NINE = Date.UTC(2026, 10, 25, 8, 0);

describe('cleanName', () => {
  it('trims, collapses whitespace and control characters, and treats empty as no name', () => {
    expect(cleanName('  J.\tH.  ')).toBe('J. H.');
    expect(cleanName('Jens\n\u0000Hansen')).toBe('Jens Hansen');
    expect(cleanName('   ')).toBeNull();
    expect(cleanName(null)).toBeNull();
    expect(cleanName(undefined)).toBeNull();
  });
});

describe('isWholeMinute', () => {
  it('accepts any whole minute and refuses seconds or milliseconds', () => {
    expect(isWholeMinute(NINE + 7 * 60_000)).toBe(true);
    expect(isWholeMinute(NINE + 1000)).toBe(false);
    expect(isWholeMinute(NINE + 1)).toBe(false);
  });
});

describe('slotFrom and isSlotOver', () => {
  it('makes a slot of the given length and calls it over only once it has ended', () => {
    const slot = slotFrom(NINE, 15);
    expect(slot).toEqual({ start: NINE, end: NINE + 15 * 60_000 });
    expect(isSlotOver(slot, NINE + 15 * 60_000 - 1)).toBe(false);
    expect(isSlotOver(slot, NINE + 15 * 60_000)).toBe(true);
  });
});
