import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkDocument } from '../../../core/idcheck/check-document.js';
import { DEFAULT_ID_RULES } from '../../../core/idcheck/rules.js';
import { makeMrz, shiftIsoDate, type MrzSpec } from '../../support/mrz-generator.js';

/** The holder is 40 unless the test says otherwise, so only the date under test can fail. */
function check(spec: MrzSpec, today: string) {
  const birthDate = shiftIsoDate(today, { years: -40 });
  return checkDocument(makeMrz({ birthDate, ...spec }), DEFAULT_ID_RULES, today);
}

/** Any day from 2001 to 2078: MRZ years carry no century, so edges must hold in every one. */
const anyToday = fc
  .integer({ min: 0, max: 78 * 365 })
  .map((days) => shiftIsoDate('2001-01-01', { days }));

describe('checkDocument: expiry edges', () => {
  it('a document is valid through its expiry date', () => {
    expect(check({ expiryDate: '2025-03-03' }, '2025-03-03').verdict).toBe('accepted');
    expect(check({ expiryDate: '2025-03-03' }, '2025-03-04').reasons).toEqual(['expired']);
  });

  it('expires today → valid; expired yesterday → expired; on any day', () => {
    fc.assert(
      fc.property(anyToday, (today) => {
        const yesterday = shiftIsoDate(today, { days: -1 });
        expect(check({ expiryDate: today }, today)).toMatchObject({
          verdict: 'accepted',
          document: { expiresOn: today },
        });
        expect(check({ expiryDate: yesterday }, today)).toMatchObject({
          reasons: ['expired'],
          document: { expiresOn: yesterday },
        });
      }),
      { numRuns: 300 },
    );
  });

  it('reads expiry dates up to 20 years ahead as the future', () => {
    fc.assert(
      fc.property(anyToday, fc.integer({ min: 1, max: 19 }), (today, years) => {
        const expiry = shiftIsoDate(today, { years });
        expect(check({ expiryDate: expiry }, today).document?.expiresOn).toBe(expiry);
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkDocument: minimum-age edges', () => {
  it('turns 13 today → old enough; turns 13 tomorrow → too young', () => {
    expect(check({ birthDate: '2012-06-01' }, '2025-06-01')).toMatchObject({ verdict: 'accepted', ageBracket: '13_17' });
    expect(check({ birthDate: '2012-06-02' }, '2025-06-01')).toMatchObject({
      verdict: 'rejected',
      reasons: ['too_young'],
      ageBracket: 'under_13',
    });
  });

  it('holds on any day', () => {
    fc.assert(
      fc.property(anyToday, (today) => {
        // Skip 29 February: "13 years ago today" does not exist then (tested separately).
        fc.pre(!today.endsWith('-02-29'));
        const thirteenToday = shiftIsoDate(today, { years: -13 });
        const thirteenTomorrow = shiftIsoDate(thirteenToday, { days: 1 });
        expect(check({ birthDate: thirteenToday }, today).ageBracket).toBe('13_17');
        expect(check({ birthDate: thirteenToday }, today).reasons).not.toContain('too_young');
        expect(check({ birthDate: thirteenTomorrow }, today).reasons).toContain('too_young');
      }),
      { numRuns: 300 },
    );
  });

  it('someone born on 29 February turns 13 on 1 March of a common year', () => {
    expect(check({ birthDate: '2012-02-29' }, '2025-02-28').reasons).toEqual(['too_young']);
    expect(check({ birthDate: '2012-02-29' }, '2025-03-01').verdict).toBe('accepted');
  });

  it('turning 18 moves the bracket on the birthday itself', () => {
    expect(check({ birthDate: '2007-06-01' }, '2025-05-31').ageBracket).toBe('13_17');
    expect(check({ birthDate: '2007-06-01' }, '2025-06-01').ageBracket).toBe('18_plus');
  });

  it('reads a two-digit birth year as the latest year that is not in the future', () => {
    expect(check({ birthDate: '1930-01-01' }, '2025-06-01').ageBracket).toBe('18_plus');
    expect(check({ birthDate: '2025-06-01' }, '2025-06-01').ageBracket).toBe('under_13');
    // Born 2 June 1925: read as 1925, because 2 June 2025 is still to come.
    expect(check({ birthDate: '1925-06-02' }, '2025-06-01').ageBracket).toBe('18_plus');
  });
});
