/**
 * Turns what a document reader sent into the lines of an ICAO 9303 machine-readable zone, or null
 * when nothing plausible is there. Readers differ:
 * - keyboard wedges and HID readers send CR, LF or CRLF, often with a trailing newline (which
 *   makes the `mrz` package throw) and sometimes in lower case (which makes every field invalid);
 * - serial readers (3M/Thales RTE) frame data with control characters and pad with `_` for `<`;
 * - some readers pad every line to a fixed width, others drop a line's trailing `<` fillers;
 * - some send the whole zone as one line without separators.
 */

const FILLER = '<';
const MRZ_ALPHABET = /^[A-Z0-9<]+$/;
// C0 controls except CR and LF (the line separators), plus DEL: serial framing such as STX/ETX.
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Line count → line lengths that count may have, longest first: a line that reaches 44 is a
 * TD3 or a visa (whose data line may end in fillers), never a TD2 with a few fillers too many.
 */
const LINE_LENGTHS: Record<number, readonly number[]> = { 2: [44, 36], 3: [30] };

/** Length of a zone sent without separators → how to cut it: TD3, TD2, TD1. */
const CONCATENATED: Record<number, { lines: number; length: number }> = {
  88: { lines: 2, length: 44 },
  72: { lines: 2, length: 36 },
  90: { lines: 3, length: 30 },
};

export function normaliseMrz(raw: string): string[] | null {
  const lines = raw
    .toUpperCase()
    .replace(CONTROL_CHARACTERS, '')
    .replaceAll('_', FILLER)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

  const split = lines.length === 1 ? splitConcatenated(lines[0] ?? '') : lines;
  if (split === null || !split.every((line) => MRZ_ALPHABET.test(line))) return null;

  const target = (LINE_LENGTHS[split.length] ?? []).find((length) => fitsLength(split, length));
  return target === undefined ? null : split.map((line) => fitLine(line, target));
}

function splitConcatenated(line: string): string[] | null {
  const cut = CONCATENATED[line.length];
  if (cut === undefined) return null;
  return Array.from({ length: cut.lines }, (_, i) =>
    line.slice(i * cut.length, (i + 1) * cut.length),
  );
}

/**
 * Lines may be longer than `length` only by fillers (padding) and shorter only because fillers
 * were dropped; at least one line must reach the length, or the guess is baseless.
 */
function fitsLength(lines: readonly string[], length: number): boolean {
  const extraIsFiller = lines.every((line) => isAllFiller(line.slice(length)));
  return extraIsFiller && lines.some((line) => line.length >= length);
}

function fitLine(line: string, length: number): string {
  return line.slice(0, length).padEnd(length, FILLER);
}

function isAllFiller(text: string): boolean {
  return [...text].every((char) => char === FILLER);
}
