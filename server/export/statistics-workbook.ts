import { setImmediate as nextTurn } from 'node:timers/promises';
import type { StatsReport } from '../../core/stats/accumulator.js';
import { toMinutes } from '../../core/stats/durations.js';
import { FIGURE_COLUMNS, type FigureColumn, type FigureUnit } from '../../core/stats/figure-columns.js';
import type { Figures } from '../../core/stats/figures.js';
import { bookingsApply, capacityApplies, idChecksApply, type GroupBy } from '../../core/stats/grouping.js';
import { CopenhagenTime } from '../../core/stats/local-time.js';
import type { StatsRange } from '../../core/stats/range.js';
import { TICKET_COLUMNS, ticketValues, type TicketColumnType, type TicketValue } from '../../core/stats/ticket-columns.js';
import type { Lang, LocalizedText } from '../../core/types.js';
import type { StatsReader } from '../../db/stats.js';
import { collectStats, TICKETS_PER_TURN } from './statistics.js';
import { MAX_SHEET_ROWS, type CellFormat, type CellValue, type SheetColumn, type SheetWriter, type SpreadsheetWriter } from './xlsx.js';

/** The sheets, in order. Their names are fixed (formulas and macros refer to them); headers follow `lang`. */
const SHEETS = {
  summary: 'Summary',
  byHour: 'By hour',
  byService: 'By service',
  byCounter: 'By counter',
  byClerk: 'By clerk',
  tickets: 'Tickets',
} as const;

const GROUP_SHEETS: ReadonlyArray<{ name: string; groupBy: GroupBy; header: LocalizedText }> = [
  { name: SHEETS.byHour, groupBy: 'hour', header: { da: 'Time', en: 'Hour' } },
  { name: SHEETS.byService, groupBy: 'service', header: { da: 'Ydelse', en: 'Service' } },
  { name: SHEETS.byCounter, groupBy: 'counter', header: { da: 'Skranke', en: 'Counter' } },
  { name: SHEETS.byClerk, groupBy: 'clerk', header: { da: 'Medarbejder', en: 'Clerk' } },
];

const UNIT_FORMAT: Record<FigureUnit, CellFormat> = { count: 'integer', minutes: 'decimal', share: 'percent' };
const UNIT_NAME: Record<FigureUnit, LocalizedText> = {
  count: { da: 'antal', en: 'count' },
  minutes: { da: 'minutter', en: 'minutes' },
  share: { da: 'andel', en: 'share' },
};
const TICKET_FORMAT: Record<TicketColumnType, CellFormat> = {
  text: 'general',
  day: 'date',
  time: 'datetime',
  minutes: 'decimal',
  integer: 'integer',
  flag: 'integer',
};

export interface WorkbookRequest {
  reader: StatsReader;
  range: StatsRange;
  now: number;
  lang: Lang;
  /** Aborted when the download goes away: the remaining passes are not worth reading. */
  cancelled: AbortSignal;
}

/**
 * The statistics workbook: Summary, By hour, By service, By counter, By clerk, Tickets. One pass
 * over the tickets gives the four groupings; a second streams the Tickets sheet row by row with
 * the writer's backpressure.
 */
export async function writeStatisticsWorkbook(writer: SpreadsheetWriter, request: WorkbookRequest): Promise<void> {
  const { lang } = request;
  const reports = await groupReports(request);
  writeSummary(writer.addSheet(SHEETS.summary, summaryColumns(lang)), reports[0]!, lang);
  GROUP_SHEETS.forEach((sheet, i) => writeGroups(writer, sheet.name, sheet.header[lang], reports[i]!, lang));
  await writeTickets(writer, request.reader, request.range, lang);
  await writer.finish();
}

/** The reports alone: the durations behind them (a million tickets' worth) are let go before the Tickets sheet. */
async function groupReports({ reader, range, now, cancelled }: WorkbookRequest): Promise<StatsReport[]> {
  const stats = await collectStats(reader, range, GROUP_SHEETS.map((sheet) => sheet.groupBy), now, cancelled);
  return GROUP_SHEETS.map((sheet) => stats.report(sheet.groupBy));
}

function summaryColumns(lang: Lang): SheetColumn[] {
  const text = (da: string, en: string) => (lang === 'da' ? da : en);
  return [
    { header: text('Nøgletal', 'Figure'), format: 'general', width: 44 },
    { header: text('Værdi', 'Value'), format: 'general', width: 14 },
    { header: text('Enhed', 'Unit'), format: 'general', width: 12 },
  ];
}

/** One line per figure, counts, minutes and shares alike in one column (a share as 0.667). */
function writeSummary(sheet: SheetWriter, report: StatsReport, lang: Lang): void {
  const period = lang === 'da' ? 'Periode' : 'Period';
  sheet.addRow([period, `${report.from} – ${report.to}`, null]);
  for (const column of FIGURE_COLUMNS) {
    sheet.addRow([column.header[lang], column.value(report.summary), UNIT_NAME[column.unit][lang]]);
  }
  sheet.close();
}

function writeGroups(writer: SpreadsheetWriter, name: string, keyHeader: string, report: StatsReport, lang: Lang): void {
  const columns = figureColumnsFor(report.groupBy);
  const sheet = writer.addSheet(name, [
    { header: keyHeader, format: 'general', width: 18 },
    ...columns.map((c): SheetColumn => ({ header: c.header[lang], format: UNIT_FORMAT[c.unit], width: 14 })),
  ]);
  const row = (label: string, figures: Figures): CellValue[] => [label, ...columns.map((c) => c.value(figures))];
  for (const group of report.groups) sheet.addRow(row(group.label, group));
  sheet.addRow(row(lang === 'da' ? 'I alt' : 'Total', report.summary));
  sheet.close();
}

/** The columns a grouping has: no counter time by service, no ID checks or bookings by counter or clerk. */
function figureColumnsFor(groupBy: GroupBy): FigureColumn[] {
  return FIGURE_COLUMNS.filter(
    (c) =>
      c.section === 'tickets' ||
      (c.section === 'capacity' && capacityApplies(groupBy)) ||
      (c.section === 'idChecks' && idChecksApply(groupBy)) ||
      (c.section === 'bookings' && bookingsApply(groupBy)),
  );
}

/** Every ticket, as in the CSV; past Excel's row limit the list goes on in "Tickets (2)". */
async function writeTickets(writer: SpreadsheetWriter, reader: StatsReader, range: StatsRange, lang: Lang): Promise<void> {
  const times = new CopenhagenTime();
  const columns = TICKET_COLUMNS.map((c): SheetColumn => ({ header: c.header[lang], format: TICKET_FORMAT[c.type], width: c.type === 'time' ? 20 : 12 }));
  const formats = TICKET_COLUMNS.map((c) => c.type);
  let part = 1;
  let sheet = writer.addSheet(SHEETS.tickets, columns);
  let rows = 1;
  let sinceTurn = 0;
  for (const record of reader.exportRecords(range.from, range.to)) {
    if (rows === MAX_SHEET_ROWS) {
      sheet.close();
      sheet = writer.addSheet(`${SHEETS.tickets} (${++part})`, columns);
      rows = 1;
    }
    const values = ticketValues(record).map((value, i) => toCell(formats[i]!, value, times));
    rows++;
    if (!sheet.addRow(values)) {
      await sheet.drained();
      sinceTurn = 0;
    } else if (++sinceTurn === TICKETS_PER_TURN) {
      // A download taken as fast as it is zipped never makes the writer wait: give way to the clerks now and then.
      sinceTurn = 0;
      await nextTurn();
    }
  }
  sheet.close();
}

function toCell(type: TicketColumnType, value: TicketValue, times: CopenhagenTime): CellValue {
  if (value === null) return null;
  switch (type) {
    case 'time':
      return times.wallClock(value as number);
    case 'day':
      return new Date(`${value}T00:00:00Z`);
    case 'minutes':
      return toMinutes(value as number);
    default:
      return value;
  }
}
