import type { ChainVerification } from '../core/audit-chain.js';
import { AuditLogRepository, type AuditFilter, type AuditRow } from '../db/audit-log.js';
import type { Store } from '../db/store.js';
import { verifyAuditChain } from './audit-verification.js';
import { conflict } from './refusal.js';

export type { AuditRow } from '../db/audit-log.js';

/**
 * Events that record something the office did not store a change for: figures taken out, the
 * audit log verified, a kiosk refused a ticket. Each is its own change with its one event.
 */
export class AuditTrail {
  private readonly log: AuditLogRepository;
  /** A verification reads the whole log; one at a time is plenty, and keeps a double click from doubling the work. */
  private verifying = false;

  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
  ) {
    this.log = new AuditLogRepository(store.db);
  }

  /** The log's entries in the filter, newest first. */
  entries(filter: AuditFilter): AuditRow[] {
    return this.log.entries(filter);
  }

  staffDisplayNames(): Map<number, string> {
    return this.log.staffDisplayNames();
  }

  /** Recomputes the whole hash chain (core/audit-chain.ts); the check itself is logged. */
  async verify(staffId: number): Promise<ChainVerification> {
    if (this.verifying) throw conflict('verify_in_progress', 'The audit log is being verified already. Wait for that result.');
    this.verifying = true;
    try {
      const result = await verifyAuditChain(this.store.db.name);
      this.auditVerified(staffId, result);
      return result;
    } finally {
      this.verifying = false;
    }
  }

  exportDownloaded(staffId: number, format: 'csv' | 'xlsx', range: { from: string; to: string }): void {
    this.note('export.downloaded', staffId, { format, from: range.from, to: range.to });
  }

  private auditVerified(staffId: number, result: ChainVerification): void {
    const { ok, checked, lastSeq, firstBrokenSeq } = result;
    this.note('audit.verified', staffId, { ok, checked, lastSeq, ...(firstBrokenSeq === undefined ? {} : { firstBrokenSeq }) });
  }

  /** Which kiosk or what kind of address, never the address itself. */
  issuanceRefused(data: Record<string, unknown>): void {
    this.note('issuance.refused', null, data);
  }

  private note(type: 'export.downloaded' | 'audit.verified' | 'issuance.refused', staffId: number | null, data: Record<string, unknown>): void {
    this.store.change(() => ({ result: undefined, events: [{ at: this.clock(), type, ticketId: null, counterId: null, staffId, data }] }));
  }
}
