/**
 * Decodes document readers in keyboard-wedge mode: the reader "types" the MRZ into whatever
 * window has focus, and the operating system owns keyboards, so the page must pick the scan
 * out of its own keystrokes. A reader types far faster than any person (a few ms per key), so
 * keys that follow each other within `maxKeyGapMs` form a burst; a burst of at least
 * `minBurstKeys` keys is the reader's. A burst becomes a scan only when its lines have an
 * ICAO 9303 shape: TD1 3 × 30, TD2 2 × 36, TD3 (passports, also MRV-A visas) 2 × 44.
 *
 * Pure and clock-free so the renderer and tests can use it alike: feed keystrokes with their
 * own time, and call `flush(now)` some time after the last key (e.g. from a timer of
 * `maxKeyGapMs` + a little) to finish a scan whose last line had no closing Enter.
 */

export interface WedgeKeystroke {
  /** `KeyboardEvent.key`: one printable character, `Enter`, or a key name that is ignored. */
  key: string;
  /**
   * Milliseconds. Use `KeyboardEvent.timeStamp` (when the key was received), not the time the
   * handler runs: a busy page delivers queued keys late and in clumps, which would distort gaps.
   */
  at: number;
  /** `KeyboardEvent.repeat`: a held-down key, which only a person produces. */
  repeat?: boolean;
}

export interface KeyboardWedgeOptions {
  /**
   * Longest pause between two keys of one burst. Readers type at ≈ 2–15 ms per key; people
   * rarely manage two keys within 50 ms and never dozens in a row. Default 50.
   */
  maxKeyGapMs?: number;
  /**
   * Keys a burst needs before it counts as the reader's (and ends as `unreadable` when it is
   * not a whole MRZ). Fast typists can roll a few keys within the gap, not twelve. Default 12.
   */
  minBurstKeys?: number;
}

export const DEFAULT_MAX_KEY_GAP_MS = 50;
export const DEFAULT_MIN_BURST_KEYS = 12;

export type WedgeResult =
  /** A whole MRZ, lines separated by '\n', characters exactly as typed. */
  | { kind: 'mrz'; mrz: string }
  /** The reader typed something that is no whole MRZ (misread, wrong keyboard layout): rescan. */
  | { kind: 'unreadable' };

/** Line count by line length; nothing else is an MRZ. */
const MRZ_SHAPES: ReadonlyMap<number, number> = new Map([
  [30, 3],
  [36, 2],
  [44, 2],
]);

interface Burst {
  lines: string[];
  current: string;
  keys: number;
  lastAt: number;
  /** Set once the typed text can no longer become an MRZ. */
  broken: boolean;
}

export class KeyboardWedgeDecoder {
  readonly #maxKeyGapMs: number;
  readonly #minBurstKeys: number;
  #burst: Burst | null = null;

  constructor(options: KeyboardWedgeOptions = {}) {
    this.#maxKeyGapMs = options.maxKeyGapMs ?? DEFAULT_MAX_KEY_GAP_MS;
    this.#minBurstKeys = options.minBurstKeys ?? DEFAULT_MIN_BURST_KEYS;
    if (!(this.#maxKeyGapMs > 0) || !(this.#minBurstKeys >= 1)) {
      throw new RangeError('maxKeyGapMs and minBurstKeys must be positive');
    }
  }

  /** Feeds one keystroke; returns a result when this key ended or completed a burst. */
  push(stroke: WedgeKeystroke): WedgeResult | null {
    if (stroke.repeat) return this.#finish();
    const burst = this.#burst;
    const continues = burst !== null && this.#withinGap(stroke.at - burst.lastAt);
    const isEnter = stroke.key === 'Enter';
    if (!isEnter && stroke.key.length !== 1) {
      // Shift, CapsLock, Dead and the like carry no text, but a reader presses Shift for every
      // capital, so inside a burst they count as activity: the gap is from key to key.
      if (continues) burst.lastAt = stroke.at;
      return null;
    }

    if (!continues) {
      const ended = this.#finish();
      this.#burst = { lines: [], current: '', keys: 0, lastAt: stroke.at, broken: false };
      this.#type(this.#burst, stroke.key, isEnter);
      return ended;
    }
    burst.lastAt = stroke.at;
    if (this.#type(burst, stroke.key, isEnter) && burst.keys >= this.#minBurstKeys) {
      this.#burst = null;
      return { kind: 'mrz', mrz: burst.lines.join('\n') };
    }
    return null;
  }

  /** Ends a burst that has been quiet for longer than `maxKeyGapMs` at `now`. */
  flush(now: number): WedgeResult | null {
    if (!this.#burst || !(now - this.#burst.lastAt > this.#maxKeyGapMs)) return null;
    return this.#finish();
  }

  /** Forgets a burst in progress (e.g. the page lost focus). */
  reset(): void {
    this.#burst = null;
  }

  #withinGap(gap: number): boolean {
    return gap >= 0 && gap <= this.#maxKeyGapMs;
  }

  /** Adds a key; true when an Enter closed the last line of a well-shaped MRZ. */
  #type(burst: Burst, key: string, isEnter: boolean): boolean {
    burst.keys++;
    if (!isEnter) {
      burst.current += key;
      const length = burst.lines[0]?.length;
      if (length !== undefined && burst.current.length > length) burst.broken = true;
      return false;
    }
    // Leading, doubled (CR LF) and trailing Enters carry no line.
    if (burst.current === '') return false;
    burst.lines.push(burst.current);
    burst.current = '';
    const shape = checkShape(burst.lines);
    if (shape === 'impossible') burst.broken = true;
    return !burst.broken && shape === 'complete';
  }

  #finish(): WedgeResult | null {
    const burst = this.#burst;
    this.#burst = null;
    if (!burst || burst.keys < this.#minBurstKeys) return null;
    if (!burst.broken) {
      // A reader that sends no Enter after the last line.
      const lines = burst.current === '' ? burst.lines : [...burst.lines, burst.current];
      if (checkShape(lines) === 'complete') return { kind: 'mrz', mrz: lines.join('\n') };
    }
    return { kind: 'unreadable' };
  }
}

function checkShape(lines: readonly string[]): 'complete' | 'partial' | 'impossible' {
  const length = lines[0]?.length ?? 0;
  const count = MRZ_SHAPES.get(length);
  if (count === undefined || lines.length > count) return 'impossible';
  if (lines.some((line) => line.length !== length)) return 'impossible';
  return lines.length === count ? 'complete' : 'partial';
}
