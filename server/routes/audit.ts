import { AuditPageView, AuditQuery, AuditVerificationView, DEFAULT_AUDIT_PAGE, type AuditEntryView } from '../../contract/audit.js';
import { ErrorAnswers } from '../../contract/errors.js';
import { describeEvent } from '../../core/audit-log.js';
import { nextOfficeDay, startOfOfficeDay } from '../../core/office-day.js';
import type { AuditRow } from '../../office/audit-trail.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { checkDayRange } from './day-range.js';

const DEFAULT_PAGE = DEFAULT_AUDIT_PAGE;


/** The instants a `from`–`to` filter spans; either end may be open. */
function timeWindow(from: string | undefined, to: string | undefined, now: number): { start: number; end: number } {
  checkDayRange(from, to, now);
  return {
    start: from === undefined ? Number.MIN_SAFE_INTEGER : startOfOfficeDay(from),
    end: to === undefined ? Number.MAX_SAFE_INTEGER : startOfOfficeDay(nextOfficeDay(to)),
  };
}

/** Names as they were when the event happened where the event recorded them (a counter renamed since). */
function entryOf(row: AuditRow, staffName: (id: number) => string | null): AuditEntryView {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    type: row.type,
    staff: row.staffId === null || row.staffDisplayName === null ? null : { id: row.staffId, displayName: row.staffDisplayName, username: row.staffUsername ?? '' },
    counterName: typeof data.counterName === 'string' ? data.counterName : row.counterName,
    ticketNumber: typeof data.number === 'string' ? data.number : row.ticketNumber,
    description: describeEvent(row.type, data, { staffName }),
  };
}

/** The audit log page and the verification of its hash chain (core/audit-chain.ts). */
export function auditRoutes(app: App, { auditTrail, config }: HostContext): void {
  app.get(
    '/api/audit',
    {
      schema: { tags: ['audit'], summary: 'The audit log, newest first, paged by sequence number', querystring: AuditQuery, response: { 200: AuditPageView, ...ErrorAnswers } },
    },
    async (request, reply) => {
      const { from, to, type, staffId, limit = DEFAULT_PAGE, before } = request.query;
      const rows = auditTrail.entries({
        ...timeWindow(from, to, config.clock()),
        type: type ?? null,
        staffId: staffId ?? null,
        before: before ?? Number.MAX_SAFE_INTEGER,
        limit: limit + 1,
      });
      let names: Map<number, string> | undefined;
      const staffName = (id: number) => (names ??= auditTrail.staffDisplayNames()).get(id) ?? null;
      const page: AuditPageView = {
        entries: rows.slice(0, limit).map((row) => entryOf(row, staffName)),
        nextBefore: rows.length > limit ? rows[limit - 1]!.seq : null,
      };
      return reply.header('cache-control', 'no-store').send(page);
    },
  );

  app.post(
    '/api/audit/verify',
    { schema: { tags: ['audit'], summary: 'Recompute the whole hash chain; the check itself is logged', response: { 200: AuditVerificationView, ...ErrorAnswers } } },
    async (request): Promise<AuditVerificationView> => {
      return auditTrail.verify(requireStaff(request).id);
    },
  );
}
