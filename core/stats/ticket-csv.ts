import { csvField, csvRecord, csvTextField } from '../csv.js';
import { toMinutes } from './durations.js';
import type { CopenhagenTime } from './local-time.js';
import { TICKET_COLUMNS, ticketValues, type TicketColumnType, type TicketExportRecord, type TicketValue } from './ticket-columns.js';

/** Excel reads a UTF-8 file as UTF-8 (æ, ø, å) only when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/** About 64 KiB per chunk: large enough that writing is cheap, small enough to keep memory flat. */
const CHUNK_CHARS = 64 * 1024;

function ticketCsvHeader(): string {
  return csvRecord(TICKET_COLUMNS.map((c) => c.id));
}

function ticketCsvRecord(record: TicketExportRecord, times: CopenhagenTime): string {
  const values = ticketValues(record);
  return csvRecord(TICKET_COLUMNS.map((column, i) => formatValue(column.type, values[i]!, times)));
}

/**
 * The CSV file as text chunks, pulled one at a time: the BOM and header first, then the records
 * as the iterable yields them. Nothing is read ahead of what the consumer asks for.
 */
export function* ticketCsvChunks(records: Iterable<TicketExportRecord>, times: CopenhagenTime): Generator<string, void, undefined> {
  let chunk = UTF8_BOM + ticketCsvHeader();
  for (const record of records) {
    chunk += ticketCsvRecord(record, times);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

function formatValue(type: TicketColumnType, value: TicketValue, times: CopenhagenTime): string {
  if (value === null) return '';
  switch (type) {
    case 'time':
      return times.iso(value as number);
    case 'minutes':
      return toMinutes(value as number).toFixed(1);
    case 'integer':
    case 'flag':
    case 'day':
      return csvField(String(value));
    case 'text':
      return csvTextField(String(value));
  }
}
