import type { ChainAnchor } from '../core/audit-chain.js';
import { compareOfficeDays, nextOfficeDay, officeDayOf, startOfOfficeDay } from '../core/office-day.js';
import type { DailySummary } from '../core/stats/daily-summary.js';
import type { Db } from './database.js';
import { FOUR_DIGIT_OFFICE_DAY } from './office-day-sql.js';

/** What deleting one day's detail removed, and where the audit chain now starts. */
export interface PurgedDetail {
  tickets: number;
  idChecks: number;
  appointments: number;
  events: number;
  /** Where the audit chain starts after this purge (set by it or an earlier one); null while no event was ever deleted. */
  anchor: ChainAnchor | null;
}

export function deletedNothing(detail: PurgedDetail): boolean {
  return detail.tickets + detail.idChecks + detail.appointments + detail.events === 0;
}

interface SummaryRow {
  office_day: string;
  service_code: string;
  issued: number;
  served: number;
  no_show: number;
  cancelled: number;
  transferred: number;
  wait_count: number;
  wait_avg_s: number | null;
  wait_median_s: number | null;
  wait_p90_s: number | null;
  wait_max_s: number | null;
  service_count: number;
  service_avg_s: number | null;
}

function toSummary(r: SummaryRow): DailySummary {
  return {
    day: r.office_day,
    serviceCode: r.service_code,
    issued: r.issued,
    served: r.served,
    noShow: r.no_show,
    cancelled: r.cancelled,
    transferred: r.transferred,
    waitSeconds: { count: r.wait_count, mean: r.wait_avg_s, median: r.wait_median_s, p90: r.wait_p90_s, max: r.wait_max_s },
    serviceSeconds: { count: r.service_count, mean: r.service_avg_s },
  };
}

/**
 * Retention's reads and deletions (migration 005 explains the anchor and the triggers). Every
 * method runs in the caller's transaction: a day's figures, the deletion of its detail and the
 * event recording it commit together or not at all.
 */
export class RetentionRepository {
  private readonly lastRun;
  private readonly saveRun;
  private readonly firstTicketDayAfter;
  private readonly firstAppointmentDayAfter;
  private readonly firstIdCheckFrom;
  private readonly firstEventAtFrom;
  private readonly saveSummary;
  private readonly summariesBetween;
  private readonly deleteTickets;
  private readonly deleteDaySequences;
  private readonly deleteAppointments;
  private readonly deleteIdChecks;
  private readonly firstEventFrom;
  private readonly lastEventSeq;
  private readonly lastEventUpTo;
  private readonly anchorRow;
  private readonly saveAnchor;
  private readonly deleteEvents;

  constructor(db: Db) {
    this.lastRun = db.prepare<[], { last_run_at: number }>('SELECT last_run_at FROM retention_runs WHERE id = 1');
    this.saveRun = db.prepare<[number]>('INSERT INTO retention_runs (id, last_run_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET last_run_at = excluded.last_run_at');
    // Each one seek in an index by day or time (tickets_by_day, appointments_by_day, id_checks_by_time, events_by_time).
    this.firstTicketDayAfter = db.prepare<[string], { day: string }>(`SELECT office_day AS day FROM tickets WHERE office_day > ? AND ${FOUR_DIGIT_OFFICE_DAY} ORDER BY office_day LIMIT 1`);
    this.firstAppointmentDayAfter = db.prepare<[string], { day: string }>(
      `SELECT office_day AS day FROM appointments WHERE office_day > ? AND ${FOUR_DIGIT_OFFICE_DAY} ORDER BY office_day LIMIT 1`,
    );
    this.firstIdCheckFrom = db.prepare<[number], { at: number }>('SELECT at FROM id_checks WHERE at >= ? ORDER BY at LIMIT 1');
    this.firstEventAtFrom = db.prepare<[number], { at: number }>('SELECT at FROM events WHERE at >= ? ORDER BY at LIMIT 1');
    this.saveSummary = db.prepare(
      `INSERT OR REPLACE INTO daily_summaries (office_day, service_code, issued, served, no_show, cancelled, transferred,
         wait_count, wait_avg_s, wait_median_s, wait_p90_s, wait_max_s, service_count, service_avg_s)
       VALUES (@day, @serviceCode, @issued, @served, @noShow, @cancelled, @transferred,
         @waitCount, @waitMean, @waitMedian, @waitP90, @waitMax, @serviceCount, @serviceMean)`,
    );
    this.summariesBetween = db.prepare<[string, string], SummaryRow>(
      'SELECT * FROM daily_summaries WHERE office_day BETWEEN ? AND ? ORDER BY office_day, service_code',
    );
    // A continuation keeps its day (core/ticket-lifecycle.ts), so a transfer never links two days.
    this.deleteTickets = db.prepare<[string]>('DELETE FROM tickets WHERE office_day = ?');
    this.deleteDaySequences = db.prepare<[string]>(`DELETE FROM day_sequences WHERE office_day <= ? AND ${FOUR_DIGIT_OFFICE_DAY}`);
    // A booking or check a kept ticket points at stays until that ticket goes.
    this.deleteAppointments = db.prepare<[string]>(
      `DELETE FROM appointments WHERE office_day <= ? AND ${FOUR_DIGIT_OFFICE_DAY} AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.appointment_id = appointments.id)`,
    );
    this.deleteIdChecks = db.prepare<[number]>(
      'DELETE FROM id_checks WHERE at < ? AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id_check_id = id_checks.id)',
    );
    // NOT INDEXED: walk the log in sequence order from its (already purged) start, which stops
    // after about a day of events, instead of sorting every later event found by time.
    this.firstEventFrom = db.prepare<[number], { seq: number }>('SELECT seq FROM events NOT INDEXED WHERE at >= ? ORDER BY seq LIMIT 1');
    this.lastEventSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM events');
    this.lastEventUpTo = db.prepare<[number], { seq: number; hash: string | null }>('SELECT seq, hash FROM events WHERE seq <= ? ORDER BY seq DESC LIMIT 1');
    this.anchorRow = db.prepare<[], ChainAnchor>('SELECT seq, hash FROM audit_anchor WHERE id = 1');
    this.saveAnchor = db.prepare<[number, string, number]>(
      'INSERT INTO audit_anchor (id, seq, hash, purged_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, purged_at = excluded.purged_at',
    );
    this.deleteEvents = db.prepare<[number]>('DELETE FROM events WHERE seq <= ?');
  }

  lastRunAt(): number | null {
    return this.lastRun.get()?.last_run_at ?? null;
  }

  recordRun(at: number): void {
    this.saveRun.run(at);
  }

  /**
   * The oldest Copenhagen day that still has any detail (a ticket, booking, ID check or event),
   * after `day` when given, or null.
   */
  oldestDetailDay(after: string | null = null): string | null {
    const afterDay = after ?? '';
    const fromAt = after === null ? Number.MIN_SAFE_INTEGER : startOfOfficeDay(nextOfficeDay(after));
    const days = [
      this.firstTicketDayAfter.get(afterDay)?.day ?? null,
      this.firstAppointmentDayAfter.get(afterDay)?.day ?? null,
      dayOf(this.firstIdCheckFrom.get(fromAt)?.at ?? null),
      dayOf(this.firstEventAtFrom.get(fromAt)?.at ?? null),
    ].filter((day): day is string => day !== null);
    return days.length === 0 ? null : days.sort(compareOfficeDays)[0]!;
  }

  /**
   * Stores the day's figures and deletes the detail of `day` and anything older still left:
   * tickets of the day, bookings and ID checks no kept ticket refers to, and the events before the
   * end of the day. Events go only as a prefix of the log (every event up to the first one dated
   * after the day), because the chain can restart from one anchor but cannot skip holes; an event
   * dated too early after a clock correction waits for a later day.
   */
  purgeDay(day: string, endOfDay: number, summaries: readonly DailySummary[], now: number): PurgedDetail {
    for (const s of summaries) {
      this.saveSummary.run({
        day: s.day,
        serviceCode: s.serviceCode,
        issued: s.issued,
        served: s.served,
        noShow: s.noShow,
        cancelled: s.cancelled,
        transferred: s.transferred,
        waitCount: s.waitSeconds.count,
        waitMean: s.waitSeconds.mean,
        waitMedian: s.waitSeconds.median,
        waitP90: s.waitSeconds.p90,
        waitMax: s.waitSeconds.max,
        serviceCount: s.serviceSeconds.count,
        serviceMean: s.serviceSeconds.mean,
      });
    }
    const tickets = this.deleteTickets.run(day).changes;
    this.deleteDaySequences.run(day);
    const appointments = this.deleteAppointments.run(day).changes;
    const idChecks = this.deleteIdChecks.run(endOfDay).changes;
    const events = this.deleteEventsBefore(endOfDay, now);
    return { tickets, idChecks, appointments, events, anchor: this.anchorRow.get() ?? null };
  }

  summaries(from: string, to: string): DailySummary[] {
    return this.summariesBetween.all(from, to).map(toSummary);
  }

  /** Returns how many events it deleted. */
  private deleteEventsBefore(end: number, now: number): number {
    const firstKept = this.firstEventFrom.get(end)?.seq;
    const upTo = firstKept === undefined ? this.lastEventSeq.get()?.seq : firstKept - 1;
    const last = upTo === undefined || upTo === null ? undefined : this.lastEventUpTo.get(upTo);
    if (!last || last.seq <= (this.anchorRow.get()?.seq ?? 0)) return 0;
    // An unsealed row here means the log was edited with its triggers removed; keep it for verification to report.
    if (last.hash === null) throw new Error(`event ${last.seq} has no hash; verify the audit log before retention can continue`);
    // The anchor first: the delete trigger lets through exactly the events at or below it.
    this.saveAnchor.run(last.seq, last.hash, now);
    return this.deleteEvents.run(last.seq).changes;
  }
}

function dayOf(at: number | null): string | null {
  return at === null ? null : officeDayOf(at);
}

