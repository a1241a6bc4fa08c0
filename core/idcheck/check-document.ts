import {
  ageOn,
  compareDates,
  parseIsoDate,
  readBirthDate,
  readExpiryDate,
  toIsoDate,
  type CalendarDate,
} from './dates.js';
import { normaliseMrz } from './normalise.js';
import { readMrz, type MrzContent } from './read-mrz.js';
import {
  ageBracket,
  classifyDocument,
  documentSufficiency,
  isSpecimenState,
  type IdRules,
} from './rules.js';
import type { AgeBracket, CheckedDocument, IdCheckOutcome, IdRejectReason } from './types.js';

/**
 * Tells a citizen, before they queue, whether the scanned document is enough for MitID.
 * Never throws for any `mrzText`; throws a RangeError only when `today` (the Copenhagen calendar
 * date, `YYYY-MM-DD`) is not a date, which is a programming error in the caller.
 */
export function checkDocument(mrzText: string, rules: IdRules, today: string): IdCheckOutcome {
  const todayDate = parseIsoDate(today);
  if (todayDate === null) throw new RangeError('today must be a calendar date as YYYY-MM-DD');

  const lines = normaliseMrz(mrzText);
  const reading = lines === null ? ({ kind: 'unreadable' } as const) : readMrz(lines);
  if (reading.kind !== 'read') return rejected([reading.kind], null);

  const specimen = isSpecimenState(reading.issuingState, rules);
  // An unknown issuing state is most likely a misread: line 1 is not covered by any check digit.
  if (!reading.issuingStateKnown && !specimen) return rejected(['unreadable'], null);

  const type = classifyDocument(reading.format, reading.documentCode, reading.issuingState, rules);
  const document: CheckedDocument = {
    format: reading.format,
    type,
    issuingState: reading.issuingState,
    expiresOn: null,
  };
  const sufficiency = documentSufficiency(type, reading.issuingState, rules);
  // Checked before the check digits: visas have no composite check digit, so they would
  // otherwise look misread rather than simply not accepted.
  if (sufficiency === 'not_accepted') return rejected(['document_type_not_accepted'], document);
  if (!reading.checkDigitsValid) return rejected(['check_digit'], document);

  const verified = evaluateVerifiedZone(reading, rules, todayDate, specimen);
  const checked = { ...document, expiresOn: verified.expiresOn };
  const documentKey =
    reading.documentNumber === null ? null : `${reading.issuingState}:${reading.documentNumber}`;
  if (verified.reasons.length > 0) {
    return { ...rejected(verified.reasons, checked), ageBracket: verified.ageBracket, documentKey };
  }
  const enoughAlone = sufficiency === 'enough_alone';
  return {
    verdict: enoughAlone ? 'accepted' : 'supplement_required',
    reasons: [],
    document: checked,
    ageBracket: verified.ageBracket,
    supplement: enoughAlone ? null : 'health_card_or_residence_certificate',
    documentKey,
  };
}

interface VerifiedZoneFindings {
  reasons: IdRejectReason[];
  expiresOn: string | null;
  ageBracket: AgeBracket | null;
}

/** Rules on the zone's content, once its check digits show it was read correctly. */
function evaluateVerifiedZone(
  reading: MrzContent,
  rules: IdRules,
  today: CalendarDate,
  specimen: boolean,
): VerifiedZoneFindings {
  const reasons = new Set<IdRejectReason>();
  if (specimen && !rules.acceptSpecimenStates) reasons.add('specimen_document');

  const expiry = readExpiryDate(reading.expiryDate, today);
  if (expiry.kind === 'invalid') reasons.add('invalid_date');
  if (expiry.kind === 'missing' && !rules.acceptDocumentsWithoutExpiry) reasons.add('no_expiry_date');
  // Valid THROUGH the expiry date: a document expiring today may still be used today.
  if (expiry.kind === 'date' && compareDates(expiry.date, today) < 0) reasons.add('expired');

  const birth = readBirthDate(reading.birthDate, today);
  if (birth.kind === 'invalid') reasons.add('invalid_date');
  const age = birth.kind === 'date' ? ageOn(birth.date, today) : null;
  if (age !== null && age < rules.minimumAge) reasons.add('too_young');

  return {
    reasons: [...reasons],
    expiresOn: expiry.kind === 'date' ? toIsoDate(expiry.date) : null,
    ageBracket: age === null ? null : ageBracket(age),
  };
}

function rejected(reasons: IdRejectReason[], document: CheckedDocument | null): IdCheckOutcome {
  return {
    verdict: 'rejected',
    reasons,
    document,
    ageBracket: null,
    supplement: null,
    documentKey: null,
  };
}
