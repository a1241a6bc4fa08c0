import { describe, expect, it } from 'vitest';

import {
  DEFAULT_ID_RULES,
  ageBracket,
  classifyDocument,
  documentSufficiency,
  type IdRules,
} from '../../../core/idcheck/rules.js';

describe('DEFAULT_ID_RULES', () => {
  it('survives a JSON round trip unchanged (offices store it as configuration)', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_ID_RULES))).toEqual(DEFAULT_ID_RULES);
  });

  it('follows mitid.dk: 13 years, DK/GL/FO domestic, specimens refused', () => {
    expect(DEFAULT_ID_RULES.minimumAge).toBe(13);
    expect(DEFAULT_ID_RULES.domesticStates).toEqual(['DNK', 'GRL', 'FRO']);
    expect(DEFAULT_ID_RULES.acceptedDocumentTypes).not.toContain('visa');
    expect(DEFAULT_ID_RULES.acceptSpecimenStates).toBe(false);
  });
});

describe('classifyDocument', () => {
  it.each([
    ['TD3', 'P<', 'DNK', 'passport'],
    ['TD3', 'PD', 'SWE', 'passport'],
    ['TD1', 'P<', 'DNK', 'other'],
    ['TD1', 'ID', 'SWE', 'id_card'],
    ['TD1', 'I<', 'UTO', 'id_card'],
    ['TD2', 'AC', 'NOR', 'id_card'],
    ['TD1', 'C<', 'DEU', 'id_card'],
    ['TD1', 'IV', 'SWE', 'other'], // ICAO forbids V after A, C or I
    ['TD3', 'I<', 'SWE', 'other'],
    ['TD3', 'V<', 'DNK', 'visa'],
    ['TD2', 'VD', 'DEU', 'visa'],
    ['TD1', 'IR', 'DNK', 'residence_permit'],
    ['TD1', 'IR', 'SWE', 'id_card'], // IR is only listed for Denmark
    ['TD1', 'XX', 'DNK', 'other'],
  ] as const)('%s %s issued by %s is a %s', (format, code, state, expected) => {
    expect(classifyDocument(format, code, state, DEFAULT_ID_RULES)).toBe(expected);
  });

  it('uses residence-permit codes for any state listed under *, also outside ICAO letters', () => {
    const rules: IdRules = { ...DEFAULT_ID_RULES, residencePermitCodes: { '*': ['RP'], DEU: ['AR'] } };
    expect(classifyDocument('TD1', 'RP', 'EST', rules)).toBe('residence_permit');
    expect(classifyDocument('TD1', 'AR', 'DEU', rules)).toBe('residence_permit');
    expect(classifyDocument('TD1', 'AR', 'AUT', rules)).toBe('id_card');
    expect(classifyDocument('TD1', 'IR', 'DNK', rules)).toBe('id_card');
  });

  it('ignores an empty code in the configuration instead of matching everything', () => {
    const rules: IdRules = { ...DEFAULT_ID_RULES, residencePermitCodes: { '*': [''] } };
    expect(classifyDocument('TD3', 'P<', 'DNK', rules)).toBe('passport');
  });
});

describe('documentSufficiency', () => {
  it.each([
    ['passport', 'DNK', 'enough_alone'],
    ['passport', 'GRL', 'enough_alone'],
    ['passport', 'FRO', 'enough_alone'],
    ['passport', 'SWE', 'needs_supplement'],
    ['id_card', 'DNK', 'needs_supplement'],
    ['id_card', 'DEU', 'needs_supplement'],
    ['residence_permit', 'DNK', 'needs_supplement'],
    ['visa', 'DNK', 'not_accepted'],
    ['other', 'DNK', 'not_accepted'],
  ] as const)('a %s from %s is %s', (type, state, expected) => {
    expect(documentSufficiency(type, state, DEFAULT_ID_RULES)).toBe(expected);
  });

  it('follows the office configuration', () => {
    const rules: IdRules = {
      ...DEFAULT_ID_RULES,
      domesticStates: ['DNK'],
      enoughAloneWhenDomestic: ['passport', 'residence_permit'],
      acceptedDocumentTypes: ['passport', 'residence_permit'],
    };
    expect(documentSufficiency('passport', 'GRL', rules)).toBe('needs_supplement');
    expect(documentSufficiency('residence_permit', 'DNK', rules)).toBe('enough_alone');
    expect(documentSufficiency('id_card', 'SWE', rules)).toBe('not_accepted');
  });
});

describe('ageBracket', () => {
  it.each([
    [0, 'under_13'],
    [12, 'under_13'],
    [13, '13_17'],
    [17, '13_17'],
    [18, '18_plus'],
    [99, '18_plus'],
  ] as const)('age %i is %s', (age, expected) => {
    expect(ageBracket(age)).toBe(expected);
  });
});
