import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_MAX_KEY_GAP_MS,
  KeyboardWedgeDecoder,
  type WedgeKeystroke,
  type WedgeResult,
} from '../../core/keyboard-wedge.js';

// ICAO 9303 public specimens (fictional state UTO).
const TD3 = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
];
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];

/** Keystrokes as a wedge reader types them: Shift before capitals, Enter after each line. */
function typed(
  lines: readonly string[],
  options: { start?: number; gapMs: number; finalEnter?: boolean },
) {
  const strokes: WedgeKeystroke[] = [];
  let at = options.start ?? 0;
  const press = (key: string) => {
    strokes.push({ key, at });
    at += options.gapMs;
  };
  lines.forEach((line, index) => {
    for (const char of line) {
      if (/[A-Z]/.test(char)) strokes.push({ key: 'Shift', at });
      press(char);
    }
    if (index < lines.length - 1 || options.finalEnter !== false) press('Enter');
  });
  return strokes;
}

function run(decoder: KeyboardWedgeDecoder, strokes: readonly WedgeKeystroke[]): WedgeResult[] {
  return strokes.flatMap((stroke) => decoder.push(stroke) ?? []);
}

const lastAt = (strokes: readonly WedgeKeystroke[]) => strokes.at(-1)!.at;

describe('KeyboardWedgeDecoder', () => {
  it('decodes a TD3 passport typed at 5 ms per key as soon as the last Enter arrives', () => {
    const decoder = new KeyboardWedgeDecoder();
    expect(run(decoder, typed(TD3, { gapMs: 5 }))).toEqual([{ kind: 'mrz', mrz: TD3.join('\n') }]);
  });

  it('decodes TD1 (3 × 30) and TD2 (2 × 36) typed at 10 ms per key', () => {
    const decoder = new KeyboardWedgeDecoder();
    const strokes = [...typed(TD1, { gapMs: 10 }), ...typed(TD2, { gapMs: 10, start: 5000 })];
    expect(run(decoder, strokes)).toEqual([
      { kind: 'mrz', mrz: TD1.join('\n') },
      { kind: 'mrz', mrz: TD2.join('\n') },
    ]);
  });

  it('finishes a scan without a closing Enter only after the idle gap', () => {
    const decoder = new KeyboardWedgeDecoder();
    const strokes = typed(TD3, { gapMs: 5, finalEnter: false });
    expect(run(decoder, strokes)).toEqual([]);
    expect(decoder.flush(lastAt(strokes) + DEFAULT_MAX_KEY_GAP_MS)).toBeNull();
    expect(decoder.flush(lastAt(strokes) + DEFAULT_MAX_KEY_GAP_MS + 1)).toEqual({
      kind: 'mrz',
      mrz: TD3.join('\n'),
    });
    expect(decoder.flush(lastAt(strokes) + 10_000)).toBeNull();
  });

  it('ignores leading and doubled Enters (readers that send CR LF)', () => {
    const decoder = new KeyboardWedgeDecoder();
    const strokes = typed(['', ...TD1.flatMap((line) => [line, ''])], { gapMs: 5 });
    expect(run(decoder, strokes)).toEqual([{ kind: 'mrz', mrz: TD1.join('\n') }]);
  });

  it('never takes a person typing an MRZ at 150 ms per key for a scan', () => {
    const decoder = new KeyboardWedgeDecoder();
    const strokes = typed(TD3, { gapMs: 150 });
    expect(run(decoder, strokes)).toEqual([]);
    expect(decoder.flush(lastAt(strokes) + 1000)).toBeNull();
  });

  it('is not corrupted by a person’s key shortly before the burst', () => {
    const decoder = new KeyboardWedgeDecoder();
    const strokes = [{ key: 'x', at: 0 }, ...typed(TD3, { gapMs: 5, start: 120 })];
    expect(run(decoder, strokes)).toEqual([{ kind: 'mrz', mrz: TD3.join('\n') }]);
  });

  it('turns a key that lands inside the burst into "unreadable", never into a wrong MRZ', () => {
    const decoder = new KeyboardWedgeDecoder();
    const strokes = [{ key: 'x', at: 0 }, ...typed(TD3, { gapMs: 5, start: 10 })];
    expect(run(decoder, strokes)).toEqual([]);
    expect(decoder.flush(lastAt(strokes) + 100)).toEqual({ kind: 'unreadable' });
  });

  it('is not disturbed by a person typing right after a scan', () => {
    const decoder = new KeyboardWedgeDecoder();
    const scan = typed(TD1, { gapMs: 5 });
    const after = [...'hej'].map((key, index) => ({ key, at: lastAt(scan) + 30 + 150 * index }));
    expect(run(decoder, [...scan, ...after])).toEqual([{ kind: 'mrz', mrz: TD1.join('\n') }]);
    expect(decoder.flush(lastAt(after) + 1000)).toBeNull();
  });

  it('reports a fast burst that is no MRZ as unreadable, and a short fast roll as nothing', () => {
    const decoder = new KeyboardWedgeDecoder();
    const barcode = typed(['5701234567892'], { gapMs: 5 });
    expect(run(decoder, barcode)).toEqual([]);
    expect(decoder.flush(lastAt(barcode) + 100)).toEqual({ kind: 'unreadable' });
    const roll = typed(['the'], { gapMs: 20, start: 10_000, finalEnter: false });
    expect(run(decoder, roll)).toEqual([]);
    expect(decoder.flush(lastAt(roll) + 100)).toBeNull();
  });

  it('rejects lines of the wrong length; a line after a whole MRZ is a burst of its own', () => {
    const decoder = new KeyboardWedgeDecoder();
    const short = typed([TD3[0]!, TD3[1]!.slice(1)], { gapMs: 5 });
    expect(run(decoder, short)).toEqual([]);
    expect(decoder.flush(lastAt(short) + 100)).toEqual({ kind: 'unreadable' });
    const long = typed([TD3[0]!, `${TD3[1]!}<`], { gapMs: 5, start: 10_000, finalEnter: false });
    expect(run(decoder, long)).toEqual([]);
    expect(decoder.flush(lastAt(long) + 100)).toEqual({ kind: 'unreadable' });
    const extraLine = typed([...TD1, TD1[2]!], { gapMs: 5, start: 20_000 });
    expect(run(decoder, extraLine)).toEqual([{ kind: 'mrz', mrz: TD1.join('\n') }]);
    expect(decoder.flush(lastAt(extraLine) + 100)).toEqual({ kind: 'unreadable' });
  });

  it('treats a held-down key (repeat) as a person', () => {
    const decoder = new KeyboardWedgeDecoder();
    const held = Array.from({ length: 100 }, (_, index) => ({
      key: '<',
      at: index * 30,
      repeat: index > 0,
    }));
    expect(run(decoder, held)).toEqual([]);
    expect(decoder.flush(10_000)).toBeNull();
  });

  it('honours its thresholds as options', () => {
    const strict = new KeyboardWedgeDecoder({ maxKeyGapMs: 20 });
    expect(run(strict, typed(TD3, { gapMs: 30 }))).toEqual([]);
    const lenient = new KeyboardWedgeDecoder({ maxKeyGapMs: 40 });
    expect(run(lenient, typed(TD3, { gapMs: 30 }))).toEqual([{ kind: 'mrz', mrz: TD3.join('\n') }]);
    const needsMore = new KeyboardWedgeDecoder({ minBurstKeys: 3 });
    const roll = typed(['the'], { gapMs: 20, finalEnter: false });
    run(needsMore, roll);
    expect(needsMore.flush(lastAt(roll) + 100)).toEqual({ kind: 'unreadable' });
    expect(() => new KeyboardWedgeDecoder({ maxKeyGapMs: 0 })).toThrow(RangeError);
  });

  it('forgets a burst on reset', () => {
    const decoder = new KeyboardWedgeDecoder();
    const strokes = typed(TD3, { gapMs: 5 });
    run(decoder, strokes.slice(0, 60));
    decoder.reset();
    expect(run(decoder, strokes.slice(60))).toEqual([]);
  });
});

describe('KeyboardWedgeDecoder properties', () => {
  const keys = fc.oneof(
    fc.constantFrom('Enter', 'Shift', 'CapsLock', 'Dead', 'Unidentified', '<', 'A', '0', ' '),
    fc.string({ minLength: 0, maxLength: 3 }),
  );
  const stroke = fc.record({
    key: keys,
    at: fc.oneof(
      fc.integer({ min: -1000, max: 1_000_000 }),
      fc.double({ noDefaultInfinity: false }),
    ),
    repeat: fc.option(fc.boolean(), { nil: undefined }),
  });

  it('never throws on random keystroke streams', () => {
    fc.assert(
      fc.property(
        fc.array(stroke, { maxLength: 300, size: 'max' }),
        fc.double(),
        (strokes, now) => {
          const decoder = new KeyboardWedgeDecoder();
          for (const item of strokes) decoder.push(item);
          decoder.flush(now);
        },
      ),
    );
  });

  it('never yields anything for keys further apart than the gap, whatever they are', () => {
    // Long enough to reach minBurstKeys (fast-check keeps arrays short unless told).
    const text = fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<', 'Enter'), {
      minLength: 12,
      maxLength: 200,
      size: 'max',
    });
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: DEFAULT_MAX_KEY_GAP_MS + 1, max: 400 }),
        (keysTyped, gap) => {
          const decoder = new KeyboardWedgeDecoder();
          const strokes = keysTyped.map((key, index) => ({ key, at: index * gap }));
          expect(run(decoder, strokes)).toEqual([]);
          expect(decoder.flush(keysTyped.length * gap + 1000)).toBeNull();
        },
      ),
    );
  });

  it('decodes any well-shaped MRZ typed with uneven gaps up to the limit', () => {
    const gapWithin = fc.integer({ min: 0, max: DEFAULT_MAX_KEY_GAP_MS });
    const mrzChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<');
    const document = fc.constantFrom([30, 3], [36, 2], [44, 2]).chain(([length, count]) =>
      fc.array(fc.string({ unit: mrzChar, minLength: length, maxLength: length }), {
        minLength: count,
        maxLength: count,
      }),
    );
    fc.assert(
      fc.property(
        document,
        fc.array(gapWithin, { minLength: 300, maxLength: 300 }),
        fc.boolean(),
        (lines, gaps, finalEnter) => {
          const decoder = new KeyboardWedgeDecoder();
          const strokes = typed(lines, { gapMs: 0, start: 500, finalEnter });
          let at = 500;
          const timed = strokes.map((item, index) => ({ ...item, at: (at += gaps[index]!) }));
          const results = run(decoder, timed);
          const flushed = decoder.flush(lastAt(timed) + DEFAULT_MAX_KEY_GAP_MS + 1);
          expect([...results, ...(flushed ? [flushed] : [])]).toEqual([
            { kind: 'mrz', mrz: lines.join('\n') },
          ]);
        },
      ),
    );
  });
});
