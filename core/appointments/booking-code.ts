/**
 * Booking codes are read off a phone or a letter and typed on a touch screen, so the alphabet
 * leaves out characters people mistake for each other: 0/O, 1/I/L, 5/S, 2/Z and 8/B.
 */
export const BOOKING_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const BOOKING_CODE_LENGTH = 6;

/** How many fresh codes to draw before giving up; with 25⁶ ≈ 244 million codes a clash is already rare. */
const MAX_ATTEMPTS = 20;

/**
 * A new random code that `isTaken` does not know. `randomIndex(n)` must return a uniformly
 * random whole number in [0, n) from a cryptographic source: a guessable code would let anyone
 * take a booked citizen's place.
 */
export function newBookingCode(randomIndex: (n: number) => number, isTaken: (code: string) => boolean): string {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let code = '';
    for (let i = 0; i < BOOKING_CODE_LENGTH; i++) code += BOOKING_CODE_ALPHABET[randomIndex(BOOKING_CODE_ALPHABET.length)];
    if (!isTaken(code)) return code;
  }
  throw new Error(`no free booking code after ${MAX_ATTEMPTS} attempts`);
}

/**
 * What the citizen typed, as a code to look up: case, spaces and dashes do not matter
 * ("abc-def" finds "ABCDEF"). Null when it cannot be a booking code at all.
 */
export function normaliseBookingCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== BOOKING_CODE_LENGTH) return null;
  return [...code].every((c) => BOOKING_CODE_ALPHABET.includes(c)) ? code : null;
}
