import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOOKING_CODE_ALPHABET } from '../../core/appointments/booking-code.js';
import { BookingCodeKeys, type CodeKeyAction } from '../../renderer/src/lib/booking-code-keys.js';

/** Types `keys` with `gapMs` between them from `start`, then lets the pause end the last burst. */
function typed(keys: readonly string[], gapMs: number, start = 1000): CodeKeyAction[] {
  const decoder = new BookingCodeKeys();
  const actions = keys.flatMap((key, i) => decoder.push({ key, at: start + i * gapMs }));
  const last = start + (keys.length - 1) * gapMs;
  expect(decoder.flush(last + 50)).toEqual([]); // not yet a pause: 50 ms is still within the gap
  return [...actions, ...decoder.flush(last + 51)];
}

const chars = (text: string) => [...text];

describe('a barcode reader typing a booking code', () => {
  it('gives the code once the burst is over, whether or not it ends with Enter', () => {
    expect(typed([...chars('K4PX9C'), 'Enter'], 3)).toEqual([{ kind: 'scanned', code: 'K4PX9C' }]);
    expect(typed(chars('K4PX9C'), 3)).toEqual([{ kind: 'scanned', code: 'K4PX9C' }]);
  });

  it('sets case, spaces and dashes aside, and counts Shift as part of the burst', () => {
    expect(typed([...chars('k4p-x9c'), 'Enter'], 5)).toEqual([{ kind: 'scanned', code: 'K4PX9C' }]);
    const shifted = ['Shift', 'K', 'Shift', '4', 'Shift', 'P', 'X', '9', 'C', 'Enter'];
    expect(typed(shifted, 30)).toEqual([{ kind: 'scanned', code: 'K4PX9C' }]);
  });

  it('tells a passport zone typed by the document reader from a code', () => {
    const zone = ['P<DNKMADSEN<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<', 'Enter', 'X012345674DNK8001014F3001011<<<<<<<<<<<<<<06', 'Enter'];
    expect(typed(zone.flatMap((part) => (part === 'Enter' ? [part] : chars(part))), 4)).toEqual([{ kind: 'not-a-code' }]);
    // Seven characters, or characters outside the alphabet, are no code either.
    expect(typed(chars('K4PX9CA'), 3)).toEqual([{ kind: 'not-a-code' }]);
    expect(typed(chars('K4PX0C'), 3)).toEqual([{ kind: 'not-a-code' }]);
  });
});

describe('a person at a keyboard', () => {
  it('types character by character, in capitals, leaving out what the code alphabet lacks', () => {
    expect(typed(['k', '4', 'o', '0', 'p'], 150)).toEqual([
      { kind: 'type', char: 'K' },
      { kind: 'type', char: '4' },
      { kind: 'type', char: 'P' },
    ]);
  });

  it('erases with Backspace and checks in with Enter', () => {
    expect(typed(['x', 'Backspace', 'Enter'], 200)).toEqual([{ kind: 'type', char: 'X' }, { kind: 'erase' }, { kind: 'submit' }]);
  });

  it('keeps two keys rolled within the gap as two keys', () => {
    expect(typed(['a', 'c'], 20)).toEqual([
      { kind: 'type', char: 'A' },
      { kind: 'type', char: 'C' },
    ]);
  });

  it('never mistakes anything a person types for a scan, at any pace slower than a reader', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...BOOKING_CODE_ALPHABET, 'Backspace', 'Enter'), { minLength: 1, maxLength: 12 }), fc.integer({ min: 51, max: 2000 }), (keys, gap) => {
        const actions = typed(keys, gap);
        expect(actions.some((a) => a.kind === 'scanned' || a.kind === 'not-a-code')).toBe(false);
        expect(actions).toHaveLength(keys.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('between the two', () => {
  it('passes on what a person typed before a scan, then the scan', () => {
    const decoder = new BookingCodeKeys();
    expect(decoder.push({ key: 'a', at: 0 })).toEqual([]);
    const scan = [...chars('ACDEFG'), 'Enter'].flatMap((key, i) => decoder.push({ key, at: 500 + i * 4 }));
    expect(scan).toEqual([{ kind: 'type', char: 'A' }]);
    expect(decoder.flush(600)).toEqual([{ kind: 'scanned', code: 'ACDEFG' }]);
  });

  it('forgets an unfinished burst when reset', () => {
    const decoder = new BookingCodeKeys();
    decoder.push({ key: 'a', at: 0 });
    decoder.reset();
    expect(decoder.flush(1000)).toEqual([]);
  });
});
