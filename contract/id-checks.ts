import { Type, type Static } from 'typebox';
import { AGE_BRACKETS, DOCUMENT_TYPES, ID_REJECT_REASONS, ID_VERDICTS, MRZ_FORMATS } from '../core/idcheck/types.js';
import { IsoTime, Nullable, OfficeDay } from './common.js';

/** A TD3 zone is 2 × 44 characters; readers add line ends and padding. Anything far longer is not a scan. */
const MAX_MRZ_LENGTH = 400;

export const IdCheckRequest = Type.Object({ mrz: Type.String({ maxLength: MAX_MRZ_LENGTH }) }, { additionalProperties: false });
export type IdCheckRequest = Static<typeof IdCheckRequest>;

/** What is kept of a document: never the name, the number or the birth date. */
export const CheckedDocument = Type.Object({
  format: Type.Enum(MRZ_FORMATS),
  type: Type.Enum(DOCUMENT_TYPES),
  issuingState: Type.String(),
  expiresOn: Nullable(OfficeDay),
});

/** The outcome of a MitID pre-check, as the kiosk and the counter see it; never the document itself. */
export const IdCheckView = Type.Object({
  id: Type.Integer(),
  at: IsoTime,
  verdict: Type.Enum(ID_VERDICTS),
  reasons: Type.Array(Type.Enum(ID_REJECT_REASONS)),
  document: Nullable(CheckedDocument),
  supplement: Nullable(Type.Literal('health_card_or_residence_certificate')),
  ageBracket: Nullable(Type.Enum(AGE_BRACKETS)),
  /** The office's minimum age for MitID, for the words of a `too_young` rejection. */
  minimumAge: Type.Integer(),
});
export type IdCheckView = Static<typeof IdCheckView>;

/** The state of a document reader attached to the host PC. */
export const HostScannerStatusView = Type.Object({
  kind: Type.Union([Type.Literal('none'), Type.Literal('hid-pos'), Type.Literal('simulator')]),
  state: Type.Union([Type.Literal('connected'), Type.Literal('disconnected'), Type.Literal('error'), Type.Literal('none')]),
  detail: Type.Optional(Type.String()),
});
export type HostScannerStatusView = Static<typeof HostScannerStatusView>;
