import type { StatsReport } from '../../../core/stats/accumulator.js';
import { FIGURE_COLUMNS, type FigureColumn, type FigureSection, type FigureUnit } from '../../../core/stats/figure-columns.js';
import type { Figures } from '../../../core/stats/figures.js';
import { bookingsApply, capacityApplies, idChecksApply, type GroupBy } from '../../../core/stats/grouping.js';
import { ID_REJECT_REASONS, ID_VERDICTS } from '../../../core/idcheck/types.js';
import { OUTCOMES, URGENT_REASONS, type Lang, type LocalizedText } from '../../../core/types.js';
import { formatCount, formatDecimalMinutes, formatShare } from './manager-format.js';

/**
 * The statistics page's tables: the workbook's figure columns (core/stats/figure-columns.ts),
 * cut into tables of one topic each so a row fits a screen, with the same names as the sheets.
 */
export interface FigureTableSpec {
  id: string;
  caption: LocalizedText;
  columns: readonly FigureColumn[];
}

const DURATION_KEYS = ['mean', 'median', 'p90', 'max'] as const;
const durations = (prefix: string) => DURATION_KEYS.map((key) => `${prefix}_${key}`);

/** A figure by its workbook column id (`served`, `urgent_hospital_summons`, …). */
export function figureColumn(id: string): FigureColumn {
  const column = FIGURE_COLUMNS.find((c) => c.id === id);
  if (!column) throw new Error(`no figure column ${id}`);
  return column;
}

function table(id: string, caption: LocalizedText, columnIds: readonly string[]): FigureTableSpec {
  return { id, caption, columns: columnIds.map(figureColumn) };
}

const BOOKING_COLUMN_IDS = FIGURE_COLUMNS.filter((c) => c.section === 'bookings').map((c) => c.id);

export const FIGURE_TABLES: readonly FigureTableSpec[] = [
  table('tickets', { da: 'Billetter', en: 'Tickets' }, ['issued', 'served', 'walk_ups', 'no_show', 'cancelled', 'transferred', 'open', 'carried_over']),
  table('wait', { da: 'Ventetid (ankomst → kald)', en: 'Waiting time (arrival → call)' }, durations('wait')),
  table('walk', { da: 'Gangtid (kald → start)', en: 'Walk time (call → start)' }, durations('walk')),
  table('service', { da: 'Betjeningstid (start → slut)', en: 'Service time (start → finish)' }, durations('service')),
  table('estimate', { da: 'Lovet og faktisk ventetid, servicemål', en: 'Estimated vs. actual wait, SLA' }, [
    'estimate_count',
    'estimate_mean_signed_error',
    'estimate_mean_absolute_error',
    'estimate_within_5_share',
    'sla_share',
  ]),
  table('urgent', { da: 'Akutte sager', en: 'Urgent cases' }, ['urgent_issued', ...URGENT_REASONS.map((r) => `urgent_${r}`), ...durations('urgent_wait')]),
  table('appointments', { da: 'Ventetid med og uden tidsbestilling', en: 'Wait with and without an appointment' }, [
    ...durations('appointment_wait'),
    ...durations('walk_in_wait'),
  ]),
  table('bookings', { da: 'Tidsbestillinger', en: 'Appointments booked' }, BOOKING_COLUMN_IDS),
  table('outcomes', { da: 'Resultater af betjeningen', en: 'Outcomes of service' }, OUTCOMES.map((o) => `outcome_${o}`)),
  table('capacity', { da: 'Skrankernes tid og udnyttelse', en: 'Counter time and utilisation' }, [
    'open_minutes',
    'serving_minutes',
    'idle_minutes',
    'utilisation',
  ]),
  table('idChecks', { da: 'ID-forhåndstjek', en: 'ID pre-checks' }, ['id_checks', ...ID_VERDICTS.map((v) => `id_checks_${v}`)]),
  table('rejectReasons', { da: 'Afvisningsgrunde ved ID-forhåndstjek', en: 'Reasons for rejected ID pre-checks' }, ID_REJECT_REASONS.map((r) => `id_reject_${r}`)),
];

/** Which groupings each kind of figure can be split by (core/stats/grouping.ts); tickets by every one. */
const SECTION_APPLIES: Record<FigureSection, (groupBy: GroupBy) => boolean> = {
  tickets: () => true,
  capacity: capacityApplies,
  idChecks: idChecksApply,
  bookings: bookingsApply,
};

export function sectionApplies(section: FigureSection, groupBy: GroupBy): boolean {
  return SECTION_APPLIES[section](groupBy);
}

/** Whether the table has a row per group, or only the total (its figures cannot be split by this grouping). */
export function tableSplitsByGroup(spec: FigureTableSpec, groupBy: GroupBy): boolean {
  return spec.columns.every((column) => sectionApplies(column.section, groupBy));
}

export function formatFigure(unit: FigureUnit, value: number | null, lang: Lang): string {
  switch (unit) {
    case 'count':
      return formatCount(value, lang);
    case 'minutes':
      return formatDecimalMinutes(value, lang);
    case 'share':
      return formatShare(value, lang);
  }
}

export interface FigureRow {
  header: string;
  cells: string[];
  /** The row of the whole period, set apart at the table's foot. */
  total: boolean;
}

/** A table's rows: one per group where the figures split that way, then the period's total. */
export function figureRows(spec: FigureTableSpec, report: StatsReport, labelOf: (group: StatsReport['groups'][number]) => string, totalLabel: string, lang: Lang): FigureRow[] {
  const cells = (figures: Figures) => spec.columns.map((column) => formatFigure(column.unit, column.value(figures), lang));
  const groups = tableSplitsByGroup(spec, report.groupBy) ? report.groups.map((group) => ({ header: labelOf(group), cells: cells(group), total: false })) : [];
  return [...groups, { header: totalLabel, cells: cells(report.summary), total: true }];
}
