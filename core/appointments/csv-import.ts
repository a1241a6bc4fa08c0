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

interface CsvRecord {
  line: number;
  cells: string[];
}

export function parseBookingCsv(text: string): ParsedImport {
  const records = readRecords(text.replace(/^\uFEFF/, ''));
  if (records.length === 0) return { ok: false, error: 'empty_file' };
  const header = columnsOfHeader(records[0]!.cells);
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

function readRow({ line, cells }: CsvRecord, columns: readonly (Column | null)[]): BookingRow | SkippedRow {
  const cell = (column: Column): string => {
    const index = columns.indexOf(column);
    return index >= 0 ? (cells[index] ?? '').trim() : '';
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
 * RFC 4180 records: quoted cells may hold separators, doubled quotes and line breaks. Blank
 * lines are left out; each record remembers the line it starts on, for the skip report.
 */
function readRecords(text: string): CsvRecord[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
