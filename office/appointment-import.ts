import { parseBookingCsv } from '../core/appointments/csv-import.js';
import { parseBookingIcs } from '../core/appointments/ics-import.js';
import { resolveServiceCode, type BookingRow } from '../core/appointments/import-row.js';
import type { ImportResult } from '../contract/appointments.js';
import type { SkippedRow } from '../core/appointments/types.js';
import type { Service } from '../core/types.js';
import type { Appointments, BookingRequest } from './appointments.js';
import { invalid, Refusal } from './refusal.js';
import type { Actor } from './queue.js';

const PARSERS = {
  'text/csv': parseBookingCsv,
  'text/calendar': parseBookingIcs,
} as const;

export type ImportFormat = keyof typeof PARSERS;

/** The media types the import route reads; the request guards take them instead of JSON there. */
export const IMPORT_FORMATS = Object.keys(PARSERS) as ImportFormat[];

export function isImportFormat(mediaType: string): mediaType is ImportFormat {
  return Object.hasOwn(PARSERS, mediaType);
}

const FILE_ERRORS = {
  empty_file: 'The file holds no bookings.',
  not_icalendar: 'This is not an iCalendar file: it has no BEGIN:VCALENDAR.',
} as const;

/**
 * Books every row of an exported file that makes sense and keeps the reason for every other
 * one. Each row stands alone: a bad row is skipped, the rest are booked. Reasons are codes, so no
 * name from the file ever ends up in an answer or a log.
 */
export function importBookings(
  appointments: Appointments,
  services: readonly Service[],
  format: ImportFormat,
  text: string,
  actor: Actor,
): ImportResult {
  const parsed = PARSERS[format](text);
  if (!parsed.ok) throw invalid(parsed.error, FILE_ERRORS[parsed.error]);

  const skipped: SkippedRow[] = [...parsed.skipped];
  const bookable: { row: BookingRow; request: BookingRequest }[] = [];
  for (const row of parsed.rows) {
    const serviceCode = resolveServiceCode(row.serviceHints, services);
    if (serviceCode === null) skipped.push({ line: row.line, reason: 'unknown_service' });
    else bookable.push({ row, request: { serviceCode, start: row.start, name: row.name, externalUid: row.externalUid } });
  }

  const outcomes = appointments.bookEach(
    bookable.map((b) => b.request),
    actor,
    'import',
  );
  const booked = outcomes.flatMap((outcome, i) => {
    if (!(outcome instanceof Refusal)) return [outcome];
    skipped.push({ line: bookable[i]!.row.line, reason: outcome.code });
    return [];
  });
  return {
    imported: booked.length,
    appointments: booked.map((a) => appointments.view(a)),
    skipped: skipped.sort((a, b) => a.line - b.line),
  };
}
