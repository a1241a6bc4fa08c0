/**
 * The vocabulary of the MitID ID pre-check: what the kiosk and the counter learn about a scanned
 * document. Deliberately poor in personal data: no name, no birth date, no raw MRZ.
 */

export const ID_VERDICTS = ['accepted', 'supplement_required', 'rejected'] as const;
export type IdVerdict = (typeof ID_VERDICTS)[number];

export const ID_REJECT_REASONS = [
  /** Nothing usable came from the reader (wrong side, glare, partial scan, unknown issuing state). */
  'unreadable',
  /** A machine-readable zone this check does not handle (old French ID card, driving licences). */
  'unsupported_format',
  /** A check digit does not match: misread or tampered. */
  'check_digit',
  /** A visa, or a document code the office has not listed as acceptable. */
  'document_type_not_accepted',
  /** Issued by a specimen state such as ICAO's fictional Utopia (UTO). */
  'specimen_document',
  'expired',
  /** The zone carries no expiry date and the office has not allowed that. */
  'no_expiry_date',
  /** A date that does not exist on the calendar (31 February, month 13, a half-filled expiry date). */
  'invalid_date',
  'too_young',
] as const;
export type IdRejectReason = (typeof ID_REJECT_REASONS)[number];

export const DOCUMENT_TYPES = ['passport', 'id_card', 'residence_permit', 'visa', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const MRZ_FORMATS = ['TD1', 'TD2', 'TD3'] as const;
export type MrzFormat = (typeof MRZ_FORMATS)[number];

export const AGE_BRACKETS = ['under_13', '13_17', '18_plus'] as const;
export type AgeBracket = (typeof AGE_BRACKETS)[number];

export type Supplement = 'health_card_or_residence_certificate';

export interface CheckedDocument {
  format: MrzFormat;
  type: DocumentType;
  /** ISO 3166 alpha-3 (or ICAO code such as XXA); Germany's `D<<` is reported as `DEU`. */
  issuingState: string;
  /** `YYYY-MM-DD`; null when the zone has none or it could not be trusted. */
  expiresOn: string | null;
}

export interface IdCheckOutcome {
  verdict: IdVerdict;
  /** Empty unless rejected; may hold several (expired + too_young). */
  reasons: IdRejectReason[];
  /** Null when unreadable or in a format this check does not handle. */
  document: CheckedDocument | null;
  /** Only the bracket, never the birth date. Null when the birth date could not be trusted. */
  ageBracket: AgeBracket | null;
  /** What else the citizen must bring. */
  supplement: Supplement | null;
  /**
   * `issuingState:documentNumber`, for a keyed hash computed by the caller; never persisted or
   * logged as-is. Null unless every check digit matched.
   */
  documentKey: string | null;
}
