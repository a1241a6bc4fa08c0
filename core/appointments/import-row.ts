import type { Service } from '../types.js';
import type { SkippedRow } from './types.js';

/** One booking read from an imported file, not yet checked against the office's rules. */
export interface BookingRow {
  /** 1-based line in the file where the row (or VEVENT) begins. */
  line: number;
  start: number;
  /** What the file says about the service, most specific first: codes (`M`) or names (`MitID`, `Pas`). */
  serviceHints: string[];
  name: string | null;
  externalUid: string | null;
}

/** A file read as far as possible: the rows that make sense, and why the others do not. */
export type ParsedImport =
  | { ok: true; rows: BookingRow[]; skipped: SkippedRow[] }
  | { ok: false; error: 'empty_file' | 'not_icalendar' };

/**
 * The service a row means: the first hint that is a service code or a service's Danish or
 * English name (case does not matter), or null.
 */
export function resolveServiceCode(hints: readonly string[], services: readonly Pick<Service, 'code' | 'names'>[]): string | null {
  for (const hint of hints) {
    const wanted = hint.trim().toLocaleLowerCase('da');
    if (wanted === '') continue;
    const match = services.find(
      (s) =>
        s.code.toLocaleLowerCase('da') === wanted ||
        s.names.da.toLocaleLowerCase('da') === wanted ||
        s.names.en.toLocaleLowerCase('da') === wanted,
    );
    if (match) return match.code;
  }
  return null;
}

