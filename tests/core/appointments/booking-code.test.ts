import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, newBookingCode, normaliseBookingCode } from '../../../core/appointments/booking-code.js';

const LOOK_ALIKES = ['0', 'O', '1', 'I', 'L', '5', 'S', '2', 'Z', '8', 'B'];

describe('the booking code alphabet', () => {
  it('has no characters people mistake for each other, and no character twice', () => {
    for (const c of LOOK_ALIKES) expect(BOOKING_CODE_ALPHABET).not.toContain(c);
    expect(new Set(BOOKING_CODE_ALPHABET).size).toBe(BOOKING_CODE_ALPHABET.length);
  });

  it('is every digit and capital letter except the look-alikes', () => {
    const expected = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((c) => !LOOK_ALIKES.includes(c)).join('');
    expect([...BOOKING_CODE_ALPHABET].sort().join('')).toBe(expected);
    expect(BOOKING_CODE_ALPHABET).toHaveLength(25);
  });
});

describe('newBookingCode', () => {
  it('makes six characters of the alphabet from whatever the random source gives', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: BOOKING_CODE_LENGTH, maxLength: BOOKING_CODE_LENGTH }), (draws) => {
        let i = 0;
        const code = newBookingCode((n) => draws[i++]! % n, () => false);
        expect(code).toHaveLength(BOOKING_CODE_LENGTH);
        expect([...code].every((c) => BOOKING_CODE_ALPHABET.includes(c))).toBe(true);
        expect(code).toBe(draws.map((d) => BOOKING_CODE_ALPHABET[d % BOOKING_CODE_ALPHABET.length]).join(''));
      }),
    );
  });

  it('asks the random source for an index below the alphabet size', () => {
    const asked: number[] = [];
    newBookingCode((n) => (asked.push(n), 0), () => false);
    expect(asked).toEqual(Array(BOOKING_CODE_LENGTH).fill(BOOKING_CODE_ALPHABET.length));
  });

  it('draws again while the code is taken by an open booking', () => {
    let draw = 0;
    // Every code of the first two draws is all one character: '333333', then '444444', then '666666'.
    const random = () => Math.floor(draw++ / BOOKING_CODE_LENGTH);
    const taken = new Set(['333333', '444444']);
    expect(newBookingCode(random, (code) => taken.has(code))).toBe('666666');
  });

  it('gives up instead of looping for ever when every code it draws is taken', () => {
    expect(() => newBookingCode(() => 0, () => true)).toThrow(/no free booking code/);
  });
});

describe('normaliseBookingCode', () => {
  it('ignores case, spaces and dashes', () => {
    expect(normaliseBookingCode('ac3-d4e')).toBe('AC3D4E');
    expect(normaliseBookingCode(' AC3 D4E ')).toBe('AC3D4E');
  });

  it('refuses text that cannot be a code: wrong length or a character outside the alphabet', () => {
    expect(normaliseBookingCode('AC3D4')).toBeNull();
    expect(normaliseBookingCode('AC3D4EF')).toBeNull();
    expect(normaliseBookingCode('AC3D4O')).toBeNull();
    expect(normaliseBookingCode('')).toBeNull();
  });

  it('accepts every code newBookingCode can make', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: BOOKING_CODE_LENGTH, maxLength: BOOKING_CODE_LENGTH }), (draws) => {
        let i = 0;
        const code = newBookingCode((n) => draws[i++]! % n, () => false);
        expect(normaliseBookingCode(code.toLowerCase())).toBe(code);
      }),
    );
  });
});
