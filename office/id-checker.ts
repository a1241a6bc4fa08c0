import { createHmac } from 'node:crypto';
import type { IdCheckView } from '../contract/id-checks.js';
import { checkDocument } from '../core/idcheck/check-document.js';
import type { IdRules } from '../core/idcheck/rules.js';
import { officeDayOf } from '../core/office-day.js';
import type { IdCheckRecord } from '../db/id-checks.js';
import type { Store } from '../db/store.js';

/**
 * Runs the MitID pre-check on a scan and keeps only its outcome. The raw text lives in this
 * call's memory and nowhere else: not in the database, the event log or any message.
 */
export class IdChecker {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
    private readonly documentHashKey: Buffer,
  ) {}

  rules(): IdRules {
    return this.store.settings.get('idRules');
  }

  check(mrz: string, source: IdCheckRecord['source']): IdCheckRecord {
    const now = this.clock();
    const outcome = checkDocument(mrz, this.rules(), officeDayOf(now));
    // One transaction for the outcome and its event: one disk sync per scan, and never one without the other.
    return this.store.change((tx) => {
      const record = tx.idChecks.create({
        at: now,
        verdict: outcome.verdict,
        reasons: outcome.reasons,
        document: outcome.document,
        ageBracket: outcome.ageBracket,
        supplement: outcome.supplement,
        documentHash: outcome.documentKey ? createHmac('sha256', this.documentHashKey).update(outcome.documentKey).digest('hex') : null,
        source,
      });
      const event = {
        at: now,
        type: 'id_check.completed' as const,
        ticketId: null,
        counterId: null,
        staffId: null,
        data: { idCheckId: record.id, verdict: record.verdict, reasons: record.reasons, documentType: record.document?.type ?? null, source },
      };
      return { result: record, events: [event] };
    });
  }
}

/**
 * The check as the API shows it: the outcome, never the document hash. The office's minimum age
 * comes along so a screen can say "you must be 13" (or whatever this office set) in words.
 */
export function idCheckView(record: IdCheckRecord, rules: Pick<IdRules, 'minimumAge'>): IdCheckView {
  return {
    id: record.id,
    at: new Date(record.at).toISOString(),
    verdict: record.verdict,
    reasons: record.reasons,
    document: record.document,
    supplement: record.supplement,
    ageBracket: record.ageBracket,
    minimumAge: rules.minimumAge,
  };
}
