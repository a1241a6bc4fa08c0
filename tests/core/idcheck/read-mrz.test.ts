import { parse } from 'mrz';
import { describe, expect, it } from 'vitest';

import { readMrz } from '../../../core/idcheck/read-mrz.js';
import { ICAO_SPECIMENS, makeMrzLines, type CheckDigitName } from '../../support/mrz-generator.js';

function read(lines: readonly string[]) {
  const reading = readMrz(lines);
  if (reading.kind !== 'read') throw new Error(`expected a reading, got ${reading.kind}`);
  return reading;
}

// What the `mrz` package does on its own. These pin the gaps that core/idcheck fills (listed in
// docs/id-rules.md), so an upgrade that changes them shows up here first.
describe('the mrz package as core/idcheck finds it', () => {
  it('throws on a trailing newline', () => {
    expect(() => parse(`${ICAO_SPECIMENS.td3.join('\n')}\n`)).toThrow();
  });

  it('marks every letter field invalid in lower case, quoting the raw text in its errors', () => {
    const result = parse(ICAO_SPECIMENS.td3.map((line) => line.toLowerCase()));
    expect(result.valid).toBe(false);
    expect(result.fields.lastName).toBeNull();
    const errors = result.details.map((detail) => detail.error ?? '').join(' ');
    expect(errors).toContain('eriksson'); // personal data in error messages: never pass them on
  });

  it('does not know UTO, the ICAO specimen state', () => {
    const result = parse([...ICAO_SPECIMENS.td3]);
    expect(result.fields.issuingState).toBeNull();
    expect(result.details.find((detail) => detail.field === 'issuingState')?.valid).toBe(false);
  });

  it('reports Germany as "D", not DEU', () => {
    expect(parse(makeMrzLines({ issuingState: 'D' })).fields.issuingState).toBe('D');
  });

  it('does not check expiry: a zone that expired in 2012 is valid', () => {
    expect(parse(makeMrzLines({ expiryDate: '2012-01-01' })).valid).toBe(true);
  });

  it('reads a visa as an invalid TD3 (wrong document code, no composite check digit)', () => {
    const result = parse(makeMrzLines({ kind: 'visa' }));
    expect(result.format).toBe('TD3');
    const invalid = result.details.filter((detail) => !detail.valid).map((detail) => detail.field);
    expect(invalid).toEqual(expect.arrayContaining(['documentCode', 'compositeCheckDigit']));
  });

  it('rejects sex X, which 9303 does not allow in the zone but some states print', () => {
    expect(parse(makeMrzLines({ sex: 'X' })).fields.sex).toBeNull();
  });

  it('accepts 31 February as a date', () => {
    expect(parse(makeMrzLines({ birthDateRaw: '120231' })).fields.birthDate).toBe('120231');
  });
});

describe('readMrz', () => {
  it('reads the fields the ID check needs, by format', () => {
    expect(read(makeMrzLines({ documentNumber: 'X1234567', birthDate: '1990-02-03', expiryDate: '2031-04-05' })))
      .toMatchObject({
        format: 'TD3',
        documentCode: 'P<',
        issuingState: 'DNK',
        issuingStateKnown: true,
        documentNumber: 'X1234567',
        birthDate: '900203',
        expiryDate: '310405',
        checkDigitsValid: true,
      });
    expect(read(makeMrzLines({ kind: 'id_card', format: 'TD2', issuingState: 'NOR' })))
      .toMatchObject({ format: 'TD2', documentCode: 'ID', issuingState: 'NOR' });
    expect(read(makeMrzLines({ kind: 'id_card', issuingState: 'SWE', birthDate: '2001-12-24' })))
      .toMatchObject({ format: 'TD1', documentCode: 'ID', issuingState: 'SWE', birthDate: '011224' });
  });

  it('translates Germany D<< to DEU and keeps UTO as unknown', () => {
    expect(read(makeMrzLines({ issuingState: 'D' }))).toMatchObject({ issuingState: 'DEU', issuingStateKnown: true });
    expect(read([...ICAO_SPECIMENS.td1])).toMatchObject({ issuingState: 'UTO', issuingStateKnown: false });
  });

  it('joins a long TD1 document number', () => {
    expect(read(makeMrzLines({ kind: 'id_card', documentNumber: 'D23145890123' })).documentNumber).toBe('D23145890123');
  });

  const checkDigits: CheckDigitName[] = ['documentNumber', 'birthDate', 'expiryDate', 'personalNumber', 'composite'];
  it.each(checkDigits)('notices a wrong %s check digit in a TD3', (corrupt) => {
    expect(read(makeMrzLines({ optionalData: 'ABC123', corrupt })).checkDigitsValid).toBe(false);
  });

  it.each(['TD1', 'TD2'] as const)('notices wrong check digits in a %s', (format) => {
    for (const corrupt of ['documentNumber', 'birthDate', 'expiryDate', 'composite'] as const) {
      expect(read(makeMrzLines({ kind: 'id_card', format, corrupt })).checkDigitsValid).toBe(false);
    }
  });

  it('accepts an empty personal number with filler or zero as its check digit', () => {
    const lines = makeMrzLines();
    expect(lines[1]?.[42]).toBe('<');
    expect(read(lines).checkDigitsValid).toBe(true);
  });

  it('tells an unhandled MRZ format from an unreadable one', () => {
    const frenchIdCard = ['IDFRADUPONT<<<<<<<<<<<<<<<<<<<<<<<<<', '0000000000000JEAN<<<<<<<<<8001011M00'];
    expect(readMrz(frenchIdCard)).toEqual({ kind: 'unsupported_format' });
    expect(readMrz(['P<DNK', 'X'])).toEqual({ kind: 'unreadable' });
  });
});
