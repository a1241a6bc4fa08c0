import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkDocument } from '../../../core/idcheck/check-document.js';
import { idGuidance } from '../../../core/idcheck/guidance.js';
import { DEFAULT_ID_RULES } from '../../../core/idcheck/rules.js';
import { ID_REJECT_REASONS, ID_VERDICTS, type IdCheckOutcome } from '../../../core/idcheck/types.js';
import { makeMrz, type GeneratedFormat, type GeneratedKind } from '../../support/mrz-generator.js';

const TODAY = '2025-06-01';

function expectConsistent(outcome: IdCheckOutcome): void {
  expect(ID_VERDICTS).toContain(outcome.verdict);
  for (const reason of outcome.reasons) expect(ID_REJECT_REASONS).toContain(reason);
  expect(outcome.verdict === 'rejected').toBe(outcome.reasons.length > 0);
  expect(outcome.verdict === 'supplement_required').toBe(outcome.supplement !== null);
  if (outcome.reasons.includes('unreadable')) {
    expect(outcome.document).toBeNull();
    expect(outcome.reasons).toEqual(['unreadable']);
  }
  if (outcome.verdict !== 'rejected') expect(outcome.documentKey).not.toBeNull();
}

const mrzCharacter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<\n');

/** Valid zones of every shape, then damaged: a character replaced, removed or inserted. */
const damagedZone = fc
  .record({
    format: fc.constantFrom<GeneratedFormat>('TD1', 'TD2', 'TD3'),
    kind: fc.constantFrom<GeneratedKind>('passport', 'id_card', 'residence_permit', 'visa'),
    position: fc.nat(),
    replacement: fc.string({ unit: mrzCharacter, maxLength: 2 }),
    removed: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ format, kind, position, replacement, removed }) => {
    const zone = makeMrz({ format: kind === 'passport' ? 'TD3' : format, kind });
    const at = position % (zone.length + 1);
    return zone.slice(0, at) + replacement + zone.slice(at + removed);
  });

describe('checkDocument: properties', () => {
  it('answers any string without throwing, consistently', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: mrzCharacter, maxLength: 100 }),
          damagedZone,
        ),
        (raw) => expectConsistent(checkDocument(raw, DEFAULT_ID_RULES, TODAY)),
      ),
      { numRuns: 500 },
    );
  });

  it('never puts the surname or document number in the outcome or its guidance', () => {
    const letters = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 4, maxLength: 20 });
    const documentNumber = fc
      .tuple(
        fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ'), minLength: 1, maxLength: 3 }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 5, maxLength: 6 }),
      )
      .map(([prefix, digits]) => prefix + digits);
    fc.assert(
      fc.property(
        letters,
        letters,
        documentNumber,
        fc.constantFrom('DNK', 'SWE', 'D', 'UTO', 'POL'),
        fc.constantFrom<GeneratedKind>('passport', 'id_card', 'residence_permit', 'visa'),
        fc.integer({ min: 1930, max: 2024 }),
        fc.integer({ min: 2015, max: 2040 }),
        (surname, givenNames, number, issuingState, kind, birthYear, expiryYear) => {
          const zone = makeMrz({
            kind,
            surname,
            givenNames,
            documentNumber: number,
            issuingState,
            birthDate: `${birthYear}-03-04`,
            expiryDate: `${expiryYear}-07-08`,
          });
          const outcome = checkDocument(zone, DEFAULT_ID_RULES, TODAY);
          const { documentKey, ...withoutKey } = outcome;
          const published = JSON.stringify([withoutKey, idGuidance(outcome, DEFAULT_ID_RULES)]);
          expect(published).not.toContain(surname);
          expect(published).not.toContain(number);
          if (documentKey !== null) expect(documentKey).toContain(number);
        },
      ),
      { numRuns: 300 },
    );
  });
});
