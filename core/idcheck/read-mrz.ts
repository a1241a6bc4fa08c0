import { parse, states, type FieldName, type ParseResult } from 'mrz';

import type { MrzFormat } from './types.js';

/**
 * The `mrz` package reads the zone's layout and verifies its check digits; this module keeps
 * only what the ID check needs and none of the package's error texts (they quote the raw zone,
 * which is personal data).
 */
export type MrzReading =
  | { kind: 'unreadable' }
  | { kind: 'unsupported_format' }
  | ({ kind: 'read' } & MrzContent);

export interface MrzContent {
  format: MrzFormat;
  /** The two-character document code as printed, e.g. `P<`, `ID`, `V<`. */
  documentCode: string;
  /** ICAO code without fillers; Germany's `D<<` becomes `DEU`. */
  issuingState: string;
  /** Whether `issuingState` is on the package's list of ICAO codes (UTO is not). */
  issuingStateKnown: boolean;
  /** Including the part that continues in the optional field on long TD1 numbers. */
  documentNumber: string | null;
  /** Raw `YYMMDD` (fillers allowed). */
  birthDate: string;
  expiryDate: string;
  /** Every check digit the format has matched (including the composite one). */
  checkDigitsValid: boolean;
}

const CHECK_DIGIT_FIELDS: readonly FieldName[] = [
  'documentNumberCheckDigit',
  'birthDateCheckDigit',
  'expirationDateCheckDigit',
  'personalNumberCheckDigit',
  'compositeCheckDigit',
];

/** Germany writes a one-letter code (`D<<`) in place of DEU, the only state to do so. */
const ONE_LETTER_STATE_CODES: Record<string, string> = { D: 'DEU' };

export function readMrz(lines: readonly string[]): MrzReading {
  let result: ParseResult;
  try {
    result = parse(lines);
  } catch {
    // The package throws only when line count and lengths match none of its formats.
    return { kind: 'unreadable' };
  }
  const format = result.format;
  if (format !== 'TD1' && format !== 'TD2' && format !== 'TD3') {
    return { kind: 'unsupported_format' };
  }

  const rawState = rawField(result, lines, 'issuingState').replace(/<+$/, '');
  return {
    kind: 'read',
    format,
    documentCode: rawField(result, lines, 'documentCode'),
    issuingState: ONE_LETTER_STATE_CODES[rawState] ?? rawState,
    issuingStateKnown: states[rawState] !== undefined,
    documentNumber: result.documentNumber,
    birthDate: rawField(result, lines, 'birthDate'),
    expiryDate: rawField(result, lines, 'expirationDate'),
    checkDigitsValid: result.details
      .filter((detail) => detail.field !== null && CHECK_DIGIT_FIELDS.includes(detail.field))
      .every((detail) => detail.valid),
  };
}

/**
 * The text at a field's position as the package lays it out, before the package's own
 * validation: its values are null when invalid and its dates keep no century.
 */
function rawField(result: ParseResult, lines: readonly string[], field: FieldName): string {
  const range = result.details.find((detail) => detail.field === field)?.ranges[0];
  if (range === undefined) return '';
  return lines[range.line]?.slice(range.start, range.end) ?? '';
}
