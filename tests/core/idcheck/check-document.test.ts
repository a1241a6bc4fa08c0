import { describe, expect, it } from 'vitest';

import { checkDocument } from '../../../core/idcheck/check-document.js';
import { DEFAULT_ID_RULES, type IdRules } from '../../../core/idcheck/rules.js';
import { ICAO_SPECIMENS, makeMrz, type MrzSpec } from '../../support/mrz-generator.js';

const TODAY = '2025-06-01';
const ADULT = '1990-05-17';

function check(spec: MrzSpec, rules: IdRules = DEFAULT_ID_RULES, today = TODAY) {
  return checkDocument(makeMrz(spec), rules, today);
}

describe('checkDocument: accepted', () => {
  it('accepts a valid Danish passport alone', () => {
    expect(check({ documentNumber: '207143912', birthDate: ADULT, expiryDate: '2031-02-03' })).toEqual({
      verdict: 'accepted',
      reasons: [],
      document: { format: 'TD3', type: 'passport', issuingState: 'DNK', expiresOn: '2031-02-03' },
      ageBracket: '18_plus',
      supplement: null,
      documentKey: 'DNK:207143912',
    });
  });

  it.each(['GRL', 'FRO'])('accepts a passport issued by %s as domestic', (issuingState) => {
    expect(check({ issuingState }).verdict).toBe('accepted');
  });

  it('ignores the sex field: X is not ICAO but must not stop a citizen', () => {
    expect(check({ sex: 'X' }).verdict).toBe('accepted');
  });

  it('asks for a supplement for a domestic passport when the office says passports are not enough alone', () => {
    const rules: IdRules = { ...DEFAULT_ID_RULES, enoughAloneWhenDomestic: [] };
    expect(check({}, rules).verdict).toBe('supplement_required');
  });
});

describe('checkDocument: supplement_required', () => {
  it.each([
    ['a foreign passport (TD3)', { issuingState: 'SWE' }, 'TD3', 'passport', 'SWE'],
    ['a foreign ID card (TD1)', { kind: 'id_card', issuingState: 'POL' }, 'TD1', 'id_card', 'POL'],
    ['a foreign ID card (TD2)', { kind: 'id_card', format: 'TD2', issuingState: 'ROU' }, 'TD2', 'id_card', 'ROU'],
    ['a Danish residence card', { kind: 'residence_permit' }, 'TD1', 'residence_permit', 'DNK'],
    [
      'a foreign residence permit whose code is not listed (checked as an ID card)',
      { kind: 'residence_permit', format: 'TD2', documentCode: 'IR', issuingState: 'SWE' },
      'TD2',
      'id_card',
      'SWE',
    ],
    ['a German ID card (D<<)', { kind: 'id_card', issuingState: 'D', nationality: 'D' }, 'TD1', 'id_card', 'DEU'],
    ['a German passport (D<<)', { issuingState: 'D' }, 'TD3', 'passport', 'DEU'],
  ] as const)('%s', (_, spec, format, type, issuingState) => {
    const outcome = check({ ...spec, birthDate: ADULT });
    expect(outcome).toMatchObject({
      verdict: 'supplement_required',
      reasons: [],
      document: { format, type, issuingState },
      ageBracket: '18_plus',
      supplement: 'health_card_or_residence_certificate',
    });
  });

  it('counts a German D<< document as domestic when an office lists DEU', () => {
    const rules: IdRules = { ...DEFAULT_ID_RULES, domesticStates: ['DEU'] };
    expect(check({ issuingState: 'D' }, rules).verdict).toBe('accepted');
  });

  it('treats an office-listed residence-permit code as a residence permit', () => {
    const rules: IdRules = { ...DEFAULT_ID_RULES, residencePermitCodes: { EST: ['RP'] } };
    const outcome = check({ kind: 'residence_permit', documentCode: 'RP', issuingState: 'EST' }, rules);
    expect(outcome.document?.type).toBe('residence_permit');
    expect(outcome.verdict).toBe('supplement_required');
  });

  it('keeps the full long TD1 document number in the key', () => {
    expect(check({ kind: 'id_card', issuingState: 'NLD', documentNumber: 'XN23145890123' }).documentKey).toBe(
      'NLD:XN23145890123',
    );
  });
});

describe('checkDocument: rejected', () => {
  it.each([
    ['MRV-A (2×44)', 'TD3'],
    ['MRV-B (2×36)', 'TD2'],
  ] as const)('rejects a visa %s as a type not accepted, not as a check-digit failure', (_, format) => {
    expect(check({ kind: 'visa', format, issuingState: 'DNK' })).toEqual({
      verdict: 'rejected',
      reasons: ['document_type_not_accepted'],
      document: { format, type: 'visa', issuingState: 'DNK', expiresOn: null },
      ageBracket: null,
      supplement: null,
      documentKey: null,
    });
  });

  it('rejects a document code nobody listed', () => {
    expect(check({ kind: 'id_card', documentCode: 'XY' }).reasons).toEqual(['document_type_not_accepted']);
  });

  it('rejects an accepted-elsewhere type the office has switched off', () => {
    const rules: IdRules = { ...DEFAULT_ID_RULES, acceptedDocumentTypes: ['passport'] };
    expect(check({ kind: 'id_card', issuingState: 'SWE' }, rules).reasons).toEqual(['document_type_not_accepted']);
  });

  it.each(['documentNumber', 'birthDate', 'expiryDate', 'personalNumber', 'composite'] as const)(
    'rejects a TD3 with a wrong %s check digit, without trusting its content',
    (corrupt) => {
      expect(check({ optionalData: 'P99', expiryDate: '2001-01-01', corrupt })).toEqual({
        verdict: 'rejected',
        reasons: ['check_digit'],
        document: { format: 'TD3', type: 'passport', issuingState: 'DNK', expiresOn: null },
        ageBracket: null,
        supplement: null,
        documentKey: null,
      });
    },
  );

  it.each(['TD1', 'TD2'] as const)('rejects a %s with a wrong check digit', (format) => {
    expect(check({ kind: 'id_card', format, issuingState: 'FIN', corrupt: 'composite' }).reasons).toEqual(['check_digit']);
  });

  it.each([
    ['nothing', ''],
    ['free text', 'not a passport'],
    ['half a zone', makeMrz().split('\n')[0] ?? ''],
    ['an unknown issuing state (likely misread)', makeMrz({ issuingState: 'QQQ' })],
  ])('rejects %s as unreadable, with no document', (_, raw) => {
    expect(checkDocument(raw, DEFAULT_ID_RULES, TODAY)).toEqual({
      verdict: 'rejected',
      reasons: ['unreadable'],
      document: null,
      ageBracket: null,
      supplement: null,
      documentKey: null,
    });
  });

  it('rejects a zone the mrz package knows but this check does not (old French ID card)', () => {
    const raw = 'IDFRADUPONT<<<<<<<<<<<<<<<<<<<<<<<<<\n0000000000000JEAN<<<<<<<<<8001011M00';
    expect(checkDocument(raw, DEFAULT_ID_RULES, TODAY)).toMatchObject({
      verdict: 'rejected',
      reasons: ['unsupported_format'],
      document: null,
    });
  });

  it('gives every failed rule at once: expired and too young', () => {
    const outcome = check({ birthDate: '2015-01-01', expiryDate: '2024-12-31' });
    expect(outcome.reasons).toEqual(['expired', 'too_young']);
    expect(outcome.ageBracket).toBe('under_13');
    expect(outcome.document?.expiresOn).toBe('2024-12-31');
  });

  it.each([
    ['birth date 31 February', { birthDateRaw: '900231' }],
    ['expiry month 13', { expiryDateRaw: '301301' }],
    ['half-filled expiry date', { expiryDateRaw: '3001<<' }],
  ])('rejects an impossible date (%s) even when its check digit matches', (_, spec) => {
    expect(check(spec).reasons).toEqual(['invalid_date']);
  });

  it('rejects a zone without expiry date unless the office accepts those', () => {
    expect(check({ kind: 'id_card', issuingState: 'BEL', expiryDateRaw: '<<<<<<' }).reasons).toEqual(['no_expiry_date']);
    const rules: IdRules = { ...DEFAULT_ID_RULES, acceptDocumentsWithoutExpiry: true };
    expect(check({ kind: 'id_card', issuingState: 'BEL', expiryDateRaw: '<<<<<<' }, rules)).toMatchObject({
      verdict: 'supplement_required',
      document: { expiresOn: null },
    });
  });

  it('honours a higher minimum age from the office', () => {
    const rules: IdRules = { ...DEFAULT_ID_RULES, minimumAge: 15 };
    expect(check({ birthDate: '2011-01-01' }, rules).reasons).toEqual(['too_young']);
    expect(check({ birthDate: '2011-01-01' }).verdict).toBe('accepted');
  });

  it('does not invent an age when the birth date is all fillers', () => {
    expect(check({ birthDateRaw: '<<<<<<' })).toMatchObject({ verdict: 'accepted', ageBracket: null });
  });

  it('uses the latest date a partly filled birth date allows', () => {
    // Born some time in 2012: only surely 13 once 2012 is over, so not yet on 1 June 2025.
    expect(check({ birthDateRaw: '12<<<<' }).reasons).toEqual(['too_young']);
    expect(check({ birthDateRaw: '12<<<<' }, DEFAULT_ID_RULES, '2025-12-31').verdict).toBe('accepted');
  });
});

describe('checkDocument: ICAO specimens (Utopia)', () => {
  it.each([
    ['TD3', ICAO_SPECIMENS.td3, 'passport'],
    ['TD1', ICAO_SPECIMENS.td1, 'id_card'],
  ] as const)('rejects the %s specimen by default (and notes it expired in 2012)', (format, lines, type) => {
    expect(checkDocument(lines.join('\n'), DEFAULT_ID_RULES, TODAY)).toMatchObject({
      verdict: 'rejected',
      reasons: ['specimen_document', 'expired'],
      document: { format, type, issuingState: 'UTO', expiresOn: '2012-04-15' },
    });
  });

  it('rejects an unexpired Utopia document for being a specimen only', () => {
    expect(check({ issuingState: 'UTO' }).reasons).toEqual(['specimen_document']);
  });

  it('checks specimens like real foreign documents when the office allows them (test kiosks)', () => {
    const rules: IdRules = { ...DEFAULT_ID_RULES, acceptSpecimenStates: true };
    expect(checkDocument(ICAO_SPECIMENS.td3.join('\n'), rules, '2012-04-15').verdict).toBe('supplement_required');
    expect(checkDocument(ICAO_SPECIMENS.td1.join('\n'), rules, '2012-04-16').reasons).toEqual(['expired']);
    const asDomestic: IdRules = { ...rules, domesticStates: ['DNK', 'UTO'] };
    expect(check({ issuingState: 'UTO' }, asDomestic).verdict).toBe('accepted');
  });
});

describe('checkDocument: reader quirks give the same answer as a clean scan', () => {
  const clean = makeMrz({ issuingState: 'SWE', expiryDate: '2029-09-09' });
  const expected = checkDocument(clean, DEFAULT_ID_RULES, TODAY);

  it.each([
    ['CRLF', clean.replaceAll('\n', '\r\n')],
    ['lower case', clean.toLowerCase()],
    ['`_` padding', clean.replaceAll('<', '_')],
    ['a trailing newline', `${clean}\n`],
    ['no separator', clean.replace('\n', '')],
    ['padding spaces', clean.replace('\n', '   \n') + '  '],
  ])('%s', (_, raw) => {
    expect(expected.verdict).toBe('supplement_required');
    expect(checkDocument(raw, DEFAULT_ID_RULES, TODAY)).toEqual(expected);
  });

  it.each(['TD1', 'TD2'] as const)('%s without separators', (format) => {
    const lines = makeMrz({ kind: 'id_card', format, issuingState: 'ITA' });
    expect(checkDocument(lines.replaceAll('\n', ''), DEFAULT_ID_RULES, TODAY)).toEqual(
      checkDocument(lines, DEFAULT_ID_RULES, TODAY),
    );
  });
});

describe('checkDocument: today', () => {
  it.each(['', '2025-02-29', '01-06-2025'])('refuses %j as today (a caller bug, not a citizen problem)', (today) => {
    expect(() => checkDocument(makeMrz(), DEFAULT_ID_RULES, today)).toThrow(RangeError);
  });
});
