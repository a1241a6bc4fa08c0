import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { normaliseMrz } from '../../../core/idcheck/normalise.js';
import { makeMrzLines, type GeneratedFormat } from '../../support/mrz-generator.js';

const td3 = makeMrzLines({ surname: 'JENSEN' });
const td2 = makeMrzLines({ format: 'TD2', kind: 'id_card' });
const td1 = makeMrzLines({ kind: 'id_card', issuingState: 'SWE' });

describe('normaliseMrz', () => {
  it.each([
    ['LF', td3.join('\n')],
    ['CRLF', td3.join('\r\n')],
    ['CR (serial readers)', td3.join('\r')],
    ['a trailing newline', `${td3.join('\n')}\n`],
    ['blank lines and surrounding whitespace', `\n\n  ${td3[0]}  \r\n\r\n\t${td3[1]}\t\n\n`],
    ['lower case', td3.join('\n').toLowerCase()],
    ['`_` for `<` (3M/Thales serial readers)', td3.join('\n').replaceAll('<', '_')],
    ['trailing spaces', td3.map((line) => `${line}    `).join('\n')],
    ['STX/ETX framing', `\u0002${td3.join('\r')}\u0003`],
    ['lines padded with fillers to a fixed width', td3.map((line) => `${line}<<<<`).join('\n')],
    ['trailing fillers dropped from the name line', `${td3[0]?.replace(/<+$/, '')}\n${td3[1]}`],
    ['no separator at all (2×44)', td3.join('')],
  ])('reads a TD3 zone sent with %s', (_, raw) => {
    expect(normaliseMrz(raw)).toEqual(td3);
  });

  it.each([
    ['TD2', td2],
    ['TD1', td1],
  ])('splits a %s zone that arrives without separators', (_, lines) => {
    expect(normaliseMrz(lines.join(''))).toEqual(lines);
  });

  it('pads a TD1 name line whose trailing fillers were dropped', () => {
    expect(normaliseMrz(`${td1[0]}\n${td1[1]}\n${td1[2]?.replace(/<+$/, '')}`)).toEqual(td1);
  });

  it('keeps a TD2 a TD2 when one line carries a few fillers too many', () => {
    expect(normaliseMrz(`${td2[0]}<<<\n${td2[1]}`)).toEqual(td2);
  });

  it.each([
    ['empty input', ''],
    ['only whitespace and newlines', ' \r\n \n\t'],
    ['free text', 'hello world'],
    ['one line of the wrong length', td3[1] ?? ''],
    ['a concatenated zone with one character missing', td3.join('').slice(1)],
    ['four lines', [...td1, td1[2]].join('\n')],
    ['two TD1 lines (third line lost)', td1.slice(0, 2).join('\n')],
    ['characters outside the MRZ alphabet', td3.join('\n').replace('JENSEN', 'JØRGEN')],
    ['punctuation', td3.join('\n').replace('<<<<', '#<<<')],
    ['spaces inside a line', td3.join('\n').replace('JENSEN<<', 'JENSEN  ')],
    ['a line longer than any format by real characters', `${td3[0]}X\n${td3[1]}`],
  ])('returns null for %s', (_, raw) => {
    expect(normaliseMrz(raw)).toBeNull();
  });

  it('recovers any generated zone from any mix of reader quirks', () => {
    const formats: GeneratedFormat[] = ['TD1', 'TD2', 'TD3'];
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (format, separator, lowerCase, underscores, trailingNewline) => {
          const lines = makeMrzLines({ format, kind: format === 'TD3' ? 'passport' : 'id_card' });
          let raw = lines.join(separator) + (trailingNewline ? separator : '');
          if (lowerCase) raw = raw.toLowerCase();
          if (underscores) raw = raw.replaceAll('<', '_');
          expect(normaliseMrz(raw)).toEqual(lines);
        },
      ),
      { numRuns: 200 },
    );
  });
});
