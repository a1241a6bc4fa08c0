import type { IdCheckView } from '../../../contract/id-checks.js';
import type { IdRejectReason } from '../../../core/idcheck/types.js';

/** Reads that fail before the kiosk stops offering "try again" and hands over to the clerk. */
export const MAX_READ_TRIES = 3;

export type VerdictAction =
  /** The document is enough: go on to the next question. */
  | 'continue'
  /** Ask whether the citizen has the health card or certificate of residence with them. */
  | 'declare-supplement'
  /** The reader misread: place the same document again. */
  | 'try-again'
  /** The document cannot be used: scan a different one. */
  | 'scan-another'
  /** A ticket on which the clerk checks the document by hand. */
  | 'ticket-for-manual-check';

const MISREAD: readonly IdRejectReason[] = ['unreadable', 'check_digit'];
const ANOTHER_DOCUMENT_HELPS: readonly IdRejectReason[] = ['document_type_not_accepted', 'specimen_document', 'expired'];

/**
 * What the kiosk offers under a verdict. It follows the next step `idGuidance` writes (same
 * order of reasons), so the buttons never contradict the text above them: a misread is tried
 * again, then handed to the clerk; a document the kiosk cannot judge goes to the desk; an
 * unusable one is replaced; a child under the minimum age gets no way forward here.
 */
export function verdictActions(check: Pick<IdCheckView, 'verdict' | 'reasons'>, failedReads: number): VerdictAction[] {
  if (check.verdict === 'accepted') return ['continue'];
  if (check.verdict === 'supplement_required') return ['declare-supplement'];
  const has = (reasons: readonly IdRejectReason[]) => check.reasons.some((reason) => reasons.includes(reason));
  if (has(MISREAD)) return failedReads < MAX_READ_TRIES ? ['try-again'] : ['ticket-for-manual-check'];
  if (check.reasons.includes('unsupported_format')) return ['ticket-for-manual-check'];
  if (check.reasons.includes('too_young')) return [];
  if (has(ANOTHER_DOCUMENT_HELPS)) return ['scan-another'];
  return ['ticket-for-manual-check'];
}

/** A verdict that counts as one failed read towards `MAX_READ_TRIES`. */
export function isMisread(check: Pick<IdCheckView, 'reasons'>): boolean {
  return check.reasons.some((reason) => MISREAD.includes(reason));
}
