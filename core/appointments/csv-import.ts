import { readCsv, type CsvRecord } from '../csv.js';
import type { BookingRow, ParsedImport } from './import-row.js';
import { readDateTime } from './local-time.js';
import type { SkippedRow } from './types.js';

/**
 * Bookings exported as CSV (docs/appointments.md has examples). Danish spreadsheets separate
 * with `;` because `,` is the decimal mark, so the separator is read off the first line: `;`,
 * then tab, then `,`. An optional header row names the columns; without one the order is
 * `start;service;name;uid`.
 */

type Column = 'start' | 'date' | 'time' | 'service' | 'name' | 'uid';

const HEADER_NAMES: Record<string, Column> = {
  start: 'start',
  starttid: 'start',
  tidspunkt: 'start',
  date: 'date',
  dato: 'date',
  time: 'time',
  tid: 'time',
  klokkeslæt: 'time',
  service: 'service',
  ydelse: 'service',
  name: 'name',
  navn: 'name',
  initials: 'name',
  initialer: 'name',
  uid: 'uid',
  id: 'uid',
  reference: 'uid',
};

const DEFAULT_ORDER: readonly Column[] = ['start', 'service', 'name', 'uid'];

export function parseBookingCsv(text: string): ParsedImport {
  const records = readRecords(text.replace(/^\uFEFF/, ''));
  if (records.length === 0) return { ok: false, error: 'empty_file' };
  const header = columnsOfHeader(records[0]!.fields);
  const columns = header ?? DEFAULT_ORDER;
  const rows: BookingRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const record of header ? records.slice(1) : records) {
    const row = readRow(record, columns);
    if ('reason' in row) skipped.push(row);
    else rows.push(row);
  }
  return { ok: true, rows, skipped };
}

function readRow({ line, fields }: CsvRecord, columns: readonly (Column | null)[]): BookingRow | SkippedRow {
  const cell = (column: Column): string => {
    const index = columns.indexOf(column);
    return index >= 0 ? (fields[index] ?? '').trim() : '';
  };
  const startText = cell('start') || [cell('date'), cell('time')].filter(Boolean).join(' ');
  if (startText === '') return { line, reason: 'missing_start' };
  const start = readDateTime(startText);
  if (!start.ok) return { line, reason: start.reason };
  const service = cell('service');
  if (service === '') return { line, reason: 'missing_service' };
  return { line, start: start.at, serviceHints: [service], name: cell('name') || null, externalUid: cell('uid') || null };
}

/** The header's columns (null for one we do not use), or null when the first row is already a booking. */
function columnsOfHeader(cells: readonly string[]): (Column | null)[] | null {
  const columns = cells.map((c) => HEADER_NAMES[c.trim().toLocaleLowerCase('da')] ?? null);
  const hasTime = columns.includes('start') || (columns.includes('date') && columns.includes('time'));
  return hasTime ? columns : null;
}

/**
 * The file's records, separator read off the first line. Blank lines are left out; each record
 * keeps the line it starts on, for the skip report. A file that breaks RFC 4180 is read as far as
 * it goes, as a spreadsheet would: its rows then fail on their own (a bad time, no service).
 */
function readRecords(text: string): CsvRecord[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  return readCsv(text, separator)
    .records.filter(({ fields }) => fields.some((f) => f.trim() !== ''));
}
