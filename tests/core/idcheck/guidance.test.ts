import { describe, expect, it } from 'vitest';

import { checkDocument } from '../../../core/idcheck/check-document.js';
import { ID_REJECT_REASON_LABELS, formatDate, idGuidance } from '../../../core/idcheck/guidance.js';
import { DEFAULT_ID_RULES } from '../../../core/idcheck/rules.js';
import { ID_REJECT_REASONS, type IdCheckOutcome, type IdRejectReason } from '../../../core/idcheck/types.js';
import type { LocalizedText } from '../../../core/types.js';
import { makeMrz, type MrzSpec } from '../../support/mrz-generator.js';

const TODAY = '2025-06-01';

function guidanceFor(spec: MrzSpec) {
  return idGuidance(checkDocument(makeMrz(spec), DEFAULT_ID_RULES, TODAY), DEFAULT_ID_RULES);
}

function rejection(reasons: IdRejectReason[]): IdCheckOutcome {
  return {
    verdict: 'rejected',
    reasons,
    document: { format: 'TD3', type: 'passport', issuingState: 'DNK', expiresOn: '2025-03-03' },
    ageBracket: null,
    supplement: null,
    documentKey: null,
  };
}

function allTexts(guidance: ReturnType<typeof idGuidance>): LocalizedText[] {
  return [guidance.headline, ...guidance.details, guidance.nextStep];
}

describe('formatDate', () => {
  it('writes dates the way each language does', () => {
    expect(formatDate('2025-03-03', 'da')).toBe('3. marts 2025');
    expect(formatDate('2025-03-03', 'en')).toBe('3 March 2025');
    expect(formatDate('2031-12-24', 'da')).toBe('24. december 2031');
  });
});

describe('idGuidance', () => {
  it('tells the citizen when their passport expired, in both languages', () => {
    const guidance = guidanceFor({ expiryDate: '2025-03-03' });
    expect(guidance.details).toEqual([
      {
        da: 'Dit pas udløb den 3. marts 2025. Dokumenter til MitID skal være gyldige.',
        en: 'Your passport expired on 3 March 2025. Documents for MitID must be valid.',
      },
    ]);
    expect(guidance.headline.da).toContain('Dit pas');
    expect(guidance.nextStep.en).toContain('Danish driving licence');
  });

  it('names the document type in the expiry text', () => {
    const guidance = guidanceFor({ kind: 'id_card', issuingState: 'SWE', expiryDate: '2024-12-31' });
    expect(guidance.details[0]?.da).toContain('Dit ID-kort udløb den 31. december 2024');
    expect(guidance.details[0]?.en).toContain('Your ID card expired on 31 December 2024');
  });

  it('says exactly what to bring when a supplement is needed', () => {
    const guidance = guidanceFor({ issuingState: 'POL' });
    expect(guidance.details).toHaveLength(1);
    expect(guidance.details[0]?.da).toMatch(/sundhedskort \(det gule kort\).*bopælsattest/);
    expect(guidance.details[0]?.en).toMatch(/health insurance card \(the yellow card\).*certificate of residence/);
  });

  it('confirms an accepted passport without further demands', () => {
    const guidance = guidanceFor({});
    expect(guidance.headline).toEqual({ da: 'Dit pas er nok til MitID.', en: 'Your passport is enough for MitID.' });
    expect(guidance.details).toEqual([]);
  });

  it('asks to scan again when the zone could not be read or verified', () => {
    for (const outcome of [
      checkDocument('garbage', DEFAULT_ID_RULES, TODAY),
      checkDocument(makeMrz({ corrupt: 'composite' }), DEFAULT_ID_RULES, TODAY),
    ]) {
      const guidance = idGuidance(outcome, DEFAULT_ID_RULES);
      expect(guidance.headline.en).toBe('We could not read your document.');
      expect(guidance.nextStep.da).toContain('scanne igen');
      expect(guidance.nextStep.en).toContain('scanning again');
    }
  });

  it('says a visa cannot be used', () => {
    expect(guidanceFor({ kind: 'visa' }).details[0]?.en).toBe('A visa cannot be used as identification for MitID.');
  });

  it('uses the office minimum age and gives the next step for the weightiest reason', () => {
    const guidance = idGuidance(rejection(['expired', 'too_young']), { minimumAge: 15 });
    expect(guidance.details).toHaveLength(2);
    expect(guidance.details[1]?.da).toBe('Du skal være fyldt 15 år for at få MitID.');
    expect(guidance.nextStep.en).toBe('You can get MitID once you are 15.');
  });

  it.each(ID_REJECT_REASONS)('explains %s in Danish and English with a next step', (reason) => {
    const guidance = idGuidance(rejection([reason]), DEFAULT_ID_RULES);
    expect(guidance.details).toHaveLength(1);
    for (const text of allTexts(guidance)) {
      expect(text.da.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
      expect(text.da).not.toBe(text.en);
    }
    expect(ID_REJECT_REASON_LABELS[reason].da).not.toBe(ID_REJECT_REASON_LABELS[reason].en);
  });

  it('does not repeat one explanation for two different reasons', () => {
    const explanations = ID_REJECT_REASONS.map((reason) => idGuidance(rejection([reason]), DEFAULT_ID_RULES).details[0]?.en);
    expect(new Set(explanations).size).toBe(ID_REJECT_REASONS.length);
  });
});
