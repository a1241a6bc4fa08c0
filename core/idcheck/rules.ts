import type { AgeBracket, DocumentType, MrzFormat } from './types.js';

/**
 * What an office accepts as identification for MitID, as plain JSON-serialisable data so a
 * manager can adjust it without a release. The defaults follow mitid.dk ("MitID and
 * documentation"); docs/id-rules.md explains every option.
 */
export interface IdRules {
  /** MitID is issued from this age (mitid.dk: 13). Exact to the day. */
  minimumAge: number;
  /**
   * Issuing states (ICAO codes, `DEU` for Germany) whose documents count as domestic. mitid.dk
   * treats passports issued in Denmark, Greenland and the Faroe Islands alike.
   */
  domesticStates: string[];
  /** Document types that can be used at all; anything else is `document_type_not_accepted`. */
  acceptedDocumentTypes: DocumentType[];
  /**
   * Types that are enough on their own when issued by a domestic state. Every other accepted
   * document needs a health insurance card (sundhedskort) or a certificate of residence.
   */
  enoughAloneWhenDomestic: DocumentType[];
  /**
   * Residence-permit document codes per issuing state (`*` = any state). Codes are matched as
   * prefixes of the two-character MRZ document code. States choose these codes themselves.
   */
  residencePermitCodes: Record<string, string[]>;
  /** Fictional states used on specimen documents (ICAO's Utopia). */
  specimenStates: string[];
  /** false: a specimen is rejected (`specimen_document`); true: it is checked as a real document. */
  acceptSpecimenStates: boolean;
  /** Some ID cards are issued without an expiry date; false rejects them (`no_expiry_date`). */
  acceptDocumentsWithoutExpiry: boolean;
}

export const DEFAULT_ID_RULES: IdRules = {
  minimumAge: 13,
  domesticStates: ['DNK', 'GRL', 'FRO'],
  acceptedDocumentTypes: ['passport', 'id_card', 'residence_permit'],
  // Only the passport: a residence permit is enough alone only when it carries a CPR number,
  // which the zone does not show, and a Danish resident with a CPR number has a health card.
  enoughAloneWhenDomestic: ['passport'],
  // Unverified: the code on Danish residence cards. The verdict does not depend on it with the
  // defaults, because a domestic ID card and a domestic residence permit both need a supplement.
  residencePermitCodes: { DNK: ['IR'] },
  specimenStates: ['UTO'],
  acceptSpecimenStates: false,
  acceptDocumentsWithoutExpiry: false,
};

/**
 * The kind of document from its MRZ document code (ICAO 9303: `P` passports in TD3, `A`/`C`/`I`
 * ID documents whose second letter is not `V`, `V` visas) and the office's residence-permit codes.
 */
export function classifyDocument(
  format: MrzFormat,
  documentCode: string,
  issuingState: string,
  rules: IdRules,
): DocumentType {
  const [first, second] = documentCode;
  if (first === 'V') return 'visa';
  if (isResidencePermitCode(documentCode, issuingState, rules)) return 'residence_permit';
  if (first === 'P' && format === 'TD3') return 'passport';
  if ((first === 'A' || first === 'C' || first === 'I') && second !== 'V' && format !== 'TD3') {
    return 'id_card';
  }
  return 'other';
}

function isResidencePermitCode(documentCode: string, issuingState: string, rules: IdRules): boolean {
  const codes = [
    ...(rules.residencePermitCodes[issuingState] ?? []),
    ...(rules.residencePermitCodes['*'] ?? []),
  ];
  return codes.some((code) => code.length > 0 && documentCode.startsWith(code));
}

export type DocumentSufficiency = 'enough_alone' | 'needs_supplement' | 'not_accepted';

export function documentSufficiency(
  type: DocumentType,
  issuingState: string,
  rules: IdRules,
): DocumentSufficiency {
  if (!rules.acceptedDocumentTypes.includes(type)) return 'not_accepted';
  const domestic = rules.domesticStates.includes(issuingState);
  return domestic && rules.enoughAloneWhenDomestic.includes(type) ? 'enough_alone' : 'needs_supplement';
}

export function isSpecimenState(issuingState: string, rules: IdRules): boolean {
  return rules.specimenStates.includes(issuingState);
}

/** Reporting brackets: MitID's age limit (13) and majority (18). */
export function ageBracket(age: number): AgeBracket {
  if (age < 13) return 'under_13';
  return age < 18 ? '13_17' : '18_plus';
}
