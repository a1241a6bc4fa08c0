/**
 * Builds ICAO 9303 machine-readable zones for tests: any state, name, number and dates, in TD1,
 * TD2 and TD3 layouts (visas as MRV-A / MRV-B), with an option to corrupt one check digit.
 * Written independently of the `mrz` package so the tests do not check the package against itself.
 */

export type GeneratedFormat = 'TD1' | 'TD2' | 'TD3';
export type GeneratedKind = 'passport' | 'id_card' | 'residence_permit' | 'visa';
export type CheckDigitName = 'documentNumber' | 'birthDate' | 'expiryDate' | 'personalNumber' | 'composite';

export interface MrzSpec {
  kind?: GeneratedKind;
  /** Default: TD3 for passports and visas, TD1 for ID cards and residence permits. */
  format?: GeneratedFormat;
  /** Overrides the kind's code (`P<`, `ID`, `IR`, `V<`). */
  documentCode?: string;
  /** ICAO code; one letter (`D`) is padded to `D<<` as Germany does. Default DNK. */
  issuingState?: string;
  /** Default: the issuing state. */
  nationality?: string;
  surname?: string;
  givenNames?: string;
  /** Up to 9 characters; TD1 also takes longer numbers (continued in the optional field). */
  documentNumber?: string;
  /** `YYYY-MM-DD`. */
  birthDate?: string;
  /** Six MRZ characters written as they are, for fillers or impossible dates. Wins over birthDate. */
  birthDateRaw?: string;
  sex?: 'M' | 'F' | '<' | 'X';
  /** `YYYY-MM-DD`. */
  expiryDate?: string;
  /** Six MRZ characters written as they are (e.g. `<<<<<<` for no expiry). Wins over expiryDate. */
  expiryDateRaw?: string;
  /** TD3 personal number, TD2 optional data, TD1 line-1 optional data, visa optional data. */
  optionalData?: string;
  corrupt?: CheckDigitName;
}

const LINE_LENGTH: Record<GeneratedFormat, number> = { TD1: 30, TD2: 36, TD3: 44 };
const DEFAULT_CODE: Record<GeneratedKind, string> = {
  passport: 'P<',
  id_card: 'ID',
  residence_permit: 'IR',
  visa: 'V<',
};
const WEIGHTS = [7, 3, 1];

/** ICAO 9303 check digit: 0–9, A=10 … Z=35, `<`=0, weights 7-3-1, sum mod 10. */
export function computeCheckDigit(text: string): string {
  let sum = 0;
  for (const [i, char] of [...text].entries()) {
    sum += charValue(char) * (WEIGHTS[i % 3] ?? 0);
  }
  return String(sum % 10);
}

function charValue(char: string): number {
  if (char === '<') return 0;
  if (/^[0-9]$/.test(char)) return Number(char);
  if (/^[A-Z]$/.test(char)) return char.charCodeAt(0) - 55;
  throw new Error(`not an MRZ character: ${char}`);
}

/** The zone as the reader would send it: lines joined with LF. */
export function makeMrz(spec: MrzSpec = {}): string {
  return makeMrzLines(spec).join('\n');
}

export function makeMrzLines(spec: MrzSpec = {}): string[] {
  const kind = spec.kind ?? 'passport';
  const format = spec.format ?? (kind === 'passport' || kind === 'visa' ? 'TD3' : 'TD1');
  const state = field(spec.issuingState ?? 'DNK', 3);
  const birth = spec.birthDateRaw ?? toYymmdd(spec.birthDate ?? '1990-01-01');
  const expiry = spec.expiryDateRaw ?? toYymmdd(spec.expiryDate ?? '2030-01-01');
  const zone: ZoneParts = {
    header: field(spec.documentCode ?? DEFAULT_CODE[kind], 2) + state,
    holder: {
      birth: birth + maybeCorrupt(spec, 'birthDate', computeCheckDigit(birth)),
      sex: spec.sex ?? 'F',
      expiry: expiry + maybeCorrupt(spec, 'expiryDate', computeCheckDigit(expiry)),
      nationality: field(spec.nationality ?? state, 3),
    },
    surname: spec.surname ?? 'HANSEN',
    givenNames: spec.givenNames ?? 'ANNA',
    number: spec.documentNumber ?? 'AB1234567',
    optional: spec.optionalData ?? '',
  };
  if (format === 'TD1') return td1Lines(spec, zone);
  return twoLines(spec, zone, LINE_LENGTH[format], kind === 'visa');
}

interface ZoneParts {
  /** Document code and issuing state. */
  header: string;
  /** Dates with their check digits. */
  holder: { birth: string; sex: string; expiry: string; nationality: string };
  surname: string;
  givenNames: string;
  number: string;
  optional: string;
}

function td1Lines(spec: MrzSpec, zone: ZoneParts): string[] {
  const { birth, sex, expiry, nationality } = zone.holder;
  const line1 = zone.header + td1NumberAndOptional(spec, zone);
  const line2 = birth + sex + expiry + nationality + field('', 11);
  const composite = compositeDigit(
    spec,
    line1.slice(5) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29),
  );
  return [line1, line2 + composite, nameField(zone, 30)];
}

/** TD1 line 1 from position 6: the number, its check digit and the optional field. */
function td1NumberAndOptional(spec: MrzSpec, zone: ZoneParts): string {
  const digit = maybeCorrupt(spec, 'documentNumber', computeCheckDigit(zone.number));
  if (zone.number.length <= 9) return field(zone.number, 9) + digit + field(zone.optional, 15);
  // ICAO 9303-5: a longer number puts `<` in the check-digit slot and continues in the optional
  // field, followed by the check digit over the whole number.
  return field(`${zone.number.slice(0, 9)}<${zone.number.slice(9)}${digit}`, 25);
}

/** TD2 and TD3 (and visas MRV-B and MRV-A, which have no composite check digit). */
function twoLines(spec: MrzSpec, zone: ZoneParts, width: number, visa: boolean): string[] {
  if (zone.number.length > 9) throw new Error('numbers over 9 characters: TD1 only');
  const { birth, sex, expiry, nationality } = zone.holder;
  const number = field(zone.number, 9);
  const numberDigit = maybeCorrupt(spec, 'documentNumber', computeCheckDigit(number));
  const data = number + numberDigit + nationality + birth + sex + expiry;
  const line1 = zone.header + nameField(zone, width - 5);
  if (visa) return [line1, data + field(zone.optional, width - data.length)];

  const isTd3 = width === 44;
  // TD3: 14-character personal number + its check digit; TD2: 7 optional characters.
  let body = data + field(zone.optional, isTd3 ? 14 : 7);
  if (isTd3) body += personalNumberDigit(spec, body.slice(28, 42));
  const composite = compositeDigit(spec, body.slice(0, 10) + body.slice(13, 20) + body.slice(21));
  return [line1, body + composite];
}

/** ICAO allows `<` as the check digit of an empty personal number. */
function personalNumberDigit(spec: MrzSpec, personalNumber: string): string {
  const digit = /^<+$/.test(personalNumber) ? '<' : computeCheckDigit(personalNumber);
  return maybeCorrupt(spec, 'personalNumber', digit);
}

function compositeDigit(spec: MrzSpec, text: string): string {
  return maybeCorrupt(spec, 'composite', computeCheckDigit(text));
}

function maybeCorrupt(spec: MrzSpec, name: CheckDigitName, digit: string): string {
  if (spec.corrupt !== name) return digit;
  return digit === '<' ? '1' : String((Number(digit) + 1) % 10);
}

function nameField(zone: ZoneParts, width: number): string {
  const given = zone.givenNames.trim().split(/\s+/).join('<');
  return field(`${zone.surname.replaceAll(' ', '<')}<<${given}`, width);
}

function field(text: string, width: number): string {
  return text.slice(0, width).padEnd(width, '<');
}

function toYymmdd(isoDate: string): string {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) throw new Error(`expected YYYY-MM-DD: ${isoDate}`);
  return `${match[1]}${match[2]}${match[3]}`;
}

/** Public ICAO 9303 specimens of the fictional state Utopia (as quoted in shared/domain.md). */
export const ICAO_SPECIMENS = {
  td3: [
    'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
    'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
  ],
  td1: [
    'I<UTOD231458907<<<<<<<<<<<<<<<',
    '7408122F1204159UTO<<<<<<<<<<<6',
    'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
  ],
} as const;

/**
 * `isoDate` moved by whole years, then days, on the UTC calendar; for building "expires today",
 * "turns 13 tomorrow" and the like relative to any test date. A 29 February moved to a
 * non-leap year becomes 1 March (JavaScript's Date rolls it over).
 */
export function shiftIsoDate(isoDate: string, shift: { years?: number; days?: number }): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    throw new Error(`expected YYYY-MM-DD: ${isoDate}`);
  }
  const date = new Date(Date.UTC(year + (shift.years ?? 0), month - 1, day + (shift.days ?? 0)));
  return date.toISOString().slice(0, 10);
}
