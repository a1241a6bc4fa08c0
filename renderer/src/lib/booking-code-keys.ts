import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, normaliseBookingCode } from '../../../core/appointments/booking-code.js';
import { DEFAULT_MAX_KEY_GAP_MS } from '../../../core/keyboard-wedge.js';

/**
 * What keystrokes at the kiosk mean for a booking code. Two things type: a person at a keyboard
 * (rare on a kiosk, but it must work for keyboard users) and a barcode reader in keyboard-wedge
 * mode, which types the code printed on the booking letter followed by Enter. Like the document
 * reader's decoder (core/keyboard-wedge.ts) the reader is told by its speed: keys within
 * `DEFAULT_MAX_KEY_GAP_MS` of each other form a burst, and a burst of at least a code's length
 * is the reader's. A person's keys are passed on one by one; a reader's burst becomes the code
 * (`scanned`) when it is one, and otherwise `not-a-code` — a passport zone typed by the
 * document reader, which the ID check picks up on its own.
 *
 * Pure and clock-free: feed keys with `KeyboardEvent.timeStamp`, and call `flush(now)` a little
 * after the last key, since only a pause shows that a burst is over.
 */
export type CodeKeyAction =
  | { kind: 'type'; char: string }
  | { kind: 'erase' }
  | { kind: 'submit' }
  | { kind: 'scanned'; code: string }
  | { kind: 'not-a-code' };

export interface CodeKeystroke {
  /** `KeyboardEvent.key`. */
  key: string;
  /** Milliseconds, `KeyboardEvent.timeStamp`. */
  at: number;
}

/** A person can roll two or three keys within the gap, never a whole code. */
const READER_MIN_CHARS = BOOKING_CODE_LENGTH;

interface Burst {
  keys: string[];
  chars: number;
  lastAt: number;
}

export class BookingCodeKeys {
  #burst: Burst | null = null;

  constructor(private readonly maxKeyGapMs = DEFAULT_MAX_KEY_GAP_MS) {}

  /** Feeds one key; returns what the burst it ended meant (nothing while a burst goes on). */
  push(stroke: CodeKeystroke): CodeKeyAction[] {
    const burst = this.#burst;
    const gap = burst === null ? Infinity : stroke.at - burst.lastAt;
    const continues = gap >= 0 && gap <= this.maxKeyGapMs;
    // Shift, CapsLock and the like carry no text; inside a burst they keep it going.
    if (!isMeaningful(stroke.key)) {
      if (continues) burst!.lastAt = stroke.at;
      return [];
    }
    if (continues) {
      burst!.keys.push(stroke.key);
      if (stroke.key.length === 1) burst!.chars++;
      burst!.lastAt = stroke.at;
      return [];
    }
    const ended = this.#finish();
    this.#burst = { keys: [stroke.key], chars: stroke.key.length === 1 ? 1 : 0, lastAt: stroke.at };
    return ended;
  }

  /** Ends a burst that has been quiet for longer than the gap at `now`. */
  flush(now: number): CodeKeyAction[] {
    if (this.#burst === null || !(now - this.#burst.lastAt > this.maxKeyGapMs)) return [];
    return this.#finish();
  }

  /** Forgets keys not yet passed on (the visit ended). */
  reset(): void {
    this.#burst = null;
  }

  #finish(): CodeKeyAction[] {
    const burst = this.#burst;
    this.#burst = null;
    if (burst === null) return [];
    if (burst.chars >= READER_MIN_CHARS) return [readerBurst(burst.keys)];
    return burst.keys.flatMap(personKey);
  }
}

function isMeaningful(key: string): boolean {
  return key.length === 1 || key === 'Enter' || key === 'Backspace';
}

/** One line of text (Enter only at its end) that is a booking code once case, spaces and dashes are set aside. */
function readerBurst(keys: readonly string[]): CodeKeyAction {
  const lines = keys
    .map((k) => (k === 'Enter' ? '\n' : k === 'Backspace' ? '' : k))
    .join('')
    .split('\n')
    .filter((line) => line !== '');
  const code = lines.length === 1 ? normaliseBookingCode(lines[0]!) : null;
  return code === null ? { kind: 'not-a-code' } : { kind: 'scanned', code };
}

function personKey(key: string): CodeKeyAction[] {
  if (key === 'Enter') return [{ kind: 'submit' }];
  if (key === 'Backspace') return [{ kind: 'erase' }];
  const char = key.toUpperCase();
  return BOOKING_CODE_ALPHABET.includes(char) ? [{ kind: 'type', char }] : [];
}
