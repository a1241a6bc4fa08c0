import type { ChainVerification } from '../core/audit-chain.js';
import type { Store } from '../db/store.js';

/**
 * Events that record something the office did not store a change for: figures taken out, the
 * audit log verified, a kiosk refused a ticket. Each is its own change with its one event.
 */
export class AuditTrail {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
  ) {}

  exportDownloaded(staffId: number, format: 'csv' | 'xlsx', range: { from: string; to: string }): void {
    this.note('export.downloaded', staffId, { format, from: range.from, to: range.to });
  }

  auditVerified(staffId: number, result: ChainVerification): void {
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
