import type { Lang, LocalizedText } from '../types.js';
import { parseIsoDate } from './dates.js';
import type { IdRules } from './rules.js';
import type { DocumentType, IdCheckOutcome, IdRejectReason } from './types.js';

/**
 * What the kiosk and the counter say about an ID check, for a citizen who may be stressed and
 * may not read Danish well: short sentences, everyday words, always a next step.
 */
export interface IdGuidance {
  /** The answer in one line. */
  headline: LocalizedText;
  /** Why, and what else to bring: one text per point. */
  details: LocalizedText[];
  /** What to do now. */
  nextStep: LocalizedText;
}

/** Short names for the reasons, for clerks and statistics. */
export const ID_REJECT_REASON_LABELS: Record<IdRejectReason, LocalizedText> = {
  unreadable: { da: 'Kunne ikke læses', en: 'Could not be read' },
  unsupported_format: { da: 'Kan ikke tjekkes automatisk', en: 'Cannot be checked automatically' },
  check_digit: { da: 'Kontrolciffer passer ikke', en: 'Check digit does not match' },
  document_type_not_accepted: { da: 'Dokumenttypen godkendes ikke', en: 'Document type not accepted' },
  specimen_document: { da: 'Prøvedokument (specimen)', en: 'Specimen document' },
  expired: { da: 'Udløbet', en: 'Expired' },
  no_expiry_date: { da: 'Ingen udløbsdato', en: 'No expiry date' },
  invalid_date: { da: 'Ugyldig dato', en: 'Invalid date' },
  too_young: { da: 'For ung', en: 'Too young' },
};

const YOUR_DOCUMENT: Record<DocumentType | 'unknown', LocalizedText> = {
  passport: { da: 'Dit pas', en: 'Your passport' },
  id_card: { da: 'Dit ID-kort', en: 'Your ID card' },
  residence_permit: { da: 'Dit opholdskort', en: 'Your residence card' },
  visa: { da: 'Dit visum', en: 'Your visa' },
  other: { da: 'Dit dokument', en: 'Your document' },
  unknown: { da: 'Dit dokument', en: 'Your document' },
};

const SUPPLEMENT: LocalizedText = {
  da: 'Tag også dit sundhedskort (det gule kort) eller en bopælsattest med. Sundhedskortet i appen Sundhedskort kan også bruges.',
  en: 'Please also bring your Danish health insurance card (the yellow card) or a certificate of residence (bopælsattest). The health card in the Sundhedskort app can also be used.',
};

const SCAN_AGAIN: LocalizedText = {
  da: 'Prøv at scanne igen. Læg siden med linjerne med bogstaver og <<< fladt på scanneren, og hold den stille. Virker det stadig ikke, så tag et nummer og vis dokumentet ved skranken.',
  en: 'Please try scanning again. Place the side with the lines of letters and <<< flat on the scanner and hold it still. If it still does not work, take a ticket and show the document at the desk.',
};

const SHOW_AT_DESK: LocalizedText = {
  da: 'Tag et nummer og vis dokumentet ved skranken. En medarbejder ser på det.',
  en: 'Take a ticket and show the document at the desk. A member of staff will look at it.',
};

const BRING_VALID_DOCUMENT: LocalizedText = {
  da: 'Har du et andet gyldigt pas eller ID-kort med, så scan det. Et dansk kørekort kan også bruges: vis det ved skranken. Ellers kom igen med et gyldigt dokument.',
  en: 'If you have another valid passport or ID card with you, scan it. A Danish driving licence can also be used: show it at the desk. Otherwise, please come back with a valid document.',
};

/** Which reason decides the next step when there are several: the first in this list. */
const NEXT_STEP_PRIORITY: readonly IdRejectReason[] = [
  'unreadable',
  'check_digit',
  'unsupported_format',
  'too_young',
  'document_type_not_accepted',
  'specimen_document',
  'expired',
  'invalid_date',
  'no_expiry_date',
];

export function idGuidance(outcome: IdCheckOutcome, rules: Pick<IdRules, 'minimumAge'>): IdGuidance {
  const yours = YOUR_DOCUMENT[outcome.document?.type ?? 'unknown'];
  if (outcome.verdict === 'accepted') {
    return {
      headline: { da: `${yours.da} er nok til MitID.`, en: `${yours.en} is enough for MitID.` },
      details: [],
      nextStep: { da: 'Du kan tage et nummer til MitID.', en: 'You can take a ticket for MitID.' },
    };
  }
  if (outcome.verdict === 'supplement_required') {
    return {
      headline: {
        da: `${yours.da} kan bruges til MitID, men du skal have et dokument mere med.`,
        en: `${yours.en} can be used for MitID, but you need one more document.`,
      },
      details: [SUPPLEMENT],
      nextStep: {
        da: 'Har du det med, kan du tage et nummer. Ellers kom igen, når du har det.',
        en: 'If you have it with you, you can take a ticket. If not, please come back when you have it.',
      },
    };
  }
  const nextReason = NEXT_STEP_PRIORITY.find((reason) => outcome.reasons.includes(reason));
  return {
    headline: notReadReasons(outcome.reasons)
      ? { da: 'Vi kunne ikke læse dit dokument.', en: 'We could not read your document.' }
      : { da: `${yours.da} kan ikke bruges til MitID.`, en: `${yours.en} cannot be used for MitID.` },
    details: outcome.reasons.map((reason) => reasonExplanation(reason, outcome, rules)),
    nextStep: nextStepFor(nextReason, rules),
  };
}

function notReadReasons(reasons: readonly IdRejectReason[]): boolean {
  return reasons.includes('unreadable') || reasons.includes('check_digit');
}

function reasonExplanation(
  reason: IdRejectReason,
  outcome: IdCheckOutcome,
  rules: Pick<IdRules, 'minimumAge'>,
): LocalizedText {
  switch (reason) {
    case 'unreadable':
      return {
        da: 'Scanneren kunne ikke læse linjerne med bogstaver og tegn på dokumentet.',
        en: 'The scanner could not read the lines of letters and symbols on the document.',
      };
    case 'check_digit':
      return {
        da: 'Nogle tegn blev ikke læst rigtigt.',
        en: 'Some characters were not read correctly.',
      };
    case 'unsupported_format':
      return {
        da: 'Denne slags dokument kan ikke tjekkes her på skærmen.',
        en: 'This kind of document cannot be checked here on the screen.',
      };
    case 'document_type_not_accepted':
      return outcome.document?.type === 'visa'
        ? {
            da: 'Et visum kan ikke bruges som legitimation til MitID.',
            en: 'A visa cannot be used as identification for MitID.',
          }
        : {
            da: 'Denne slags dokument kan ikke bruges som legitimation til MitID.',
            en: 'This kind of document cannot be used as identification for MitID.',
          };
    case 'specimen_document':
      return {
        da: 'Dokumentet er et prøveeksemplar (specimen), ikke et rigtigt dokument.',
        en: 'This is a specimen, not a real document.',
      };
    case 'expired':
      return expiredExplanation(outcome);
    case 'no_expiry_date':
      return {
        da: 'Dokumentet har ingen udløbsdato i linjerne med tegn, så det kan ikke tjekkes her.',
        en: 'The document has no expiry date in its lines of symbols, so it cannot be checked here.',
      };
    case 'invalid_date':
      return {
        da: 'En dato på dokumentet kunne ikke læses rigtigt.',
        en: 'A date on the document could not be read correctly.',
      };
    case 'too_young':
      return {
        da: `Du skal være fyldt ${rules.minimumAge} år for at få MitID.`,
        en: `You must be ${rules.minimumAge} or older to get MitID.`,
      };
  }
}

function expiredExplanation(outcome: IdCheckOutcome): LocalizedText {
  const yours = YOUR_DOCUMENT[outcome.document?.type ?? 'unknown'];
  const expiresOn = outcome.document?.expiresOn ?? null;
  const must = { da: 'Dokumenter til MitID skal være gyldige.', en: 'Documents for MitID must be valid.' };
  if (expiresOn === null) {
    return { da: `${yours.da} er udløbet. ${must.da}`, en: `${yours.en} has expired. ${must.en}` };
  }
  return {
    da: `${yours.da} udløb den ${formatDate(expiresOn, 'da')}. ${must.da}`,
    en: `${yours.en} expired on ${formatDate(expiresOn, 'en')}. ${must.en}`,
  };
}

function nextStepFor(
  reason: IdRejectReason | undefined,
  rules: Pick<IdRules, 'minimumAge'>,
): LocalizedText {
  switch (reason) {
    case 'unreadable':
    case 'check_digit':
      return SCAN_AGAIN;
    case 'too_young':
      return {
        da: `Du kan få MitID, når du er fyldt ${rules.minimumAge} år.`,
        en: `You can get MitID once you are ${rules.minimumAge}.`,
      };
    case 'document_type_not_accepted':
    case 'specimen_document':
    case 'expired':
      return BRING_VALID_DOCUMENT;
    default:
      return SHOW_AT_DESK;
  }
}

const DATE_LOCALES: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

/** `2025-03-03` → "3. marts 2025" / "3 March 2025". */
export function formatDate(isoDate: string, lang: Lang): string {
  const date = parseIsoDate(isoDate);
  if (date === null) return isoDate;
  return new Intl.DateTimeFormat(DATE_LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}
