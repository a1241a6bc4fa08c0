import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idGuidance } from '../../core/idcheck/guidance.js';
import { ID_REJECT_REASONS, type IdRejectReason } from '../../core/idcheck/types.js';
import { isMisread, MAX_READ_TRIES, verdictActions } from '../../renderer/src/lib/kiosk-verdict-actions.js';

const rejected = (...reasons: IdRejectReason[]) => ({ verdict: 'rejected' as const, reasons });

describe('verdictActions', () => {
  it('lets an accepted document continue and asks about the supplement when one is needed', () => {
    expect(verdictActions({ verdict: 'accepted', reasons: [] }, 0)).toEqual(['continue']);
    expect(verdictActions({ verdict: 'supplement_required', reasons: [] }, 0)).toEqual(['declare-supplement']);
  });

  it('offers "try again" for a misread until the third failed read, then a ticket for the clerk', () => {
    expect(verdictActions(rejected('unreadable'), 1)).toEqual(['try-again']);
    expect(verdictActions(rejected('check_digit'), MAX_READ_TRIES - 1)).toEqual(['try-again']);
    expect(verdictActions(rejected('unreadable'), MAX_READ_TRIES)).toEqual(['ticket-for-manual-check']);
    expect(verdictActions(rejected('check_digit'), MAX_READ_TRIES + 2)).toEqual(['ticket-for-manual-check']);
  });

  it('asks for another document when this one cannot be used, and offers nothing to a child', () => {
    expect(verdictActions(rejected('expired'), 0)).toEqual(['scan-another']);
    expect(verdictActions(rejected('document_type_not_accepted'), 0)).toEqual(['scan-another']);
    expect(verdictActions(rejected('too_young', 'expired'), 0)).toEqual([]);
  });

  it('sends documents the kiosk cannot judge to the desk', () => {
    expect(verdictActions(rejected('unsupported_format'), 0)).toEqual(['ticket-for-manual-check']);
    expect(verdictActions(rejected('no_expiry_date'), 0)).toEqual(['ticket-for-manual-check']);
  });

  it('never contradicts the next step the citizen reads above the buttons', () => {
    const expectedStart: Record<string, string> = {
      'try-again': 'Please try scanning again.',
      'scan-another': 'If you have another valid passport or ID card with you, scan it.',
      'ticket-for-manual-check': 'Take a ticket and show the document at the desk.',
      none: 'You can get MitID once you are 13.',
    };
    fc.assert(
      fc.property(fc.subarray([...ID_REJECT_REASONS], { minLength: 1 }), (reasons) => {
        const [action = 'none'] = verdictActions(rejected(...reasons), 0);
        const guidance = idGuidance({ verdict: 'rejected', reasons, document: null, ageBracket: null, supplement: null, documentKey: null }, { minimumAge: 13 });
        expect(guidance.nextStep.en.startsWith(expectedStart[action]!)).toBe(true);
      }),
    );
  });
});

describe('isMisread', () => {
  it('counts unreadable scans and wrong check digits, nothing else', () => {
    expect(isMisread(rejected('unreadable'))).toBe(true);
    expect(isMisread(rejected('expired', 'check_digit'))).toBe(true);
    expect(isMisread(rejected('expired'))).toBe(false);
    expect(isMisread({ reasons: [] })).toBe(false);
  });
});
