import { describe, expect, it } from 'vitest';

import {
  ICAO_SPECIMENS,
  computeCheckDigit,
  makeMrzLines,
  shiftIsoDate,
} from '../../support/mrz-generator.js';

// The generator is the source of every other test's documents, so it is checked against the
// published ICAO examples rather than against the code under test.
describe('mrz-generator', () => {
  it('computes ICAO 7-3-1 check digits', () => {
    expect(computeCheckDigit('123456BB')).toBe('5');
    expect(computeCheckDigit('L898902C3')).toBe('6');
    expect(computeCheckDigit('740812')).toBe('2');
    expect(computeCheckDigit('<<<<<<')).toBe('0');
  });

  it('rebuilds the ICAO TD3 specimen', () => {
    const lines = makeMrzLines({
      issuingState: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      birthDate: '1974-08-12',
      expiryDate: '2012-04-15',
      optionalData: 'ZE184226B',
    });
    expect(lines).toEqual(ICAO_SPECIMENS.td3);
  });

  it('rebuilds the ICAO TD1 specimen', () => {
    const lines = makeMrzLines({
      kind: 'id_card',
      documentCode: 'I<',
      issuingState: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      documentNumber: 'D23145890',
      birthDate: '1974-08-12',
      expiryDate: '2012-04-15',
    });
    expect(lines).toEqual(ICAO_SPECIMENS.td1);
  });

  it('continues a long TD1 document number in the optional field (ICAO 9303-5 example)', () => {
    const [line1] = makeMrzLines({ kind: 'id_card', documentCode: 'I<', issuingState: 'UTO', documentNumber: 'D23145890123' });
    expect(line1).toBe('I<UTOD23145890<1233<<<<<<<<<<<');
  });

  it.each([
    ['TD1', 'id_card', 3, 30],
    ['TD2', 'id_card', 2, 36],
    ['TD3', 'passport', 2, 44],
    ['TD2', 'visa', 2, 36],
    ['TD3', 'visa', 2, 44],
  ] as const)('builds %s %s zones of the right shape', (format, kind, lineCount, length) => {
    const lines = makeMrzLines({ format, kind });
    expect(lines).toHaveLength(lineCount);
    for (const line of lines) expect(line).toMatch(new RegExp(`^[A-Z0-9<]{${length}}$`));
  });

  it('corrupts exactly the requested check digit', () => {
    const clean = makeMrzLines({ optionalData: 'X1' })[1] ?? '';
    const positions = { documentNumber: 9, birthDate: 19, expiryDate: 27, personalNumber: 42, composite: 43 };
    for (const [name, position] of Object.entries(positions)) {
      const corrupted = makeMrzLines({ optionalData: 'X1', corrupt: name as keyof typeof positions })[1] ?? '';
      const differing = [...corrupted].flatMap((char, i) => (char === clean[i] ? [] : [i]));
      // Corrupting a digit also changes the composite digit computed over it.
      expect(differing[0]).toBe(position);
    }
  });

  it('shifts dates by years and days on the calendar', () => {
    expect(shiftIsoDate('2025-03-01', { days: -1 })).toBe('2025-02-28');
    expect(shiftIsoDate('2025-06-01', { years: -13, days: 1 })).toBe('2012-06-02');
    expect(shiftIsoDate('2024-02-29', { years: 1 })).toBe('2025-03-01');
  });
});
