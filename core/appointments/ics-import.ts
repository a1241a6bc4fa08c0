import type { BookingRow, ParsedImport } from './import-row.js';
import { timeZoneOf, wallTimeToInstant, type TimeReading } from './local-time.js';
import type { SkippedRow } from './types.js';

/**
 * Bookings exported as iCalendar (RFC 5545): one VEVENT per booking. The service comes from an
 * `X-BORGERSERVICE-SERVICE` property, else CATEGORIES, else a `M:` or `M -` prefix of SUMMARY,
 * else SUMMARY as a service name. The rest of SUMMARY is never kept: booking systems like to put
 * the citizen's full name there. A name or initials are taken only from `X-BORGERSERVICE-NAME`.
 */

interface ContentLine {
  /** Physical line where the (possibly folded) content line begins. */
  line: number;
  name: string;
  params: Record<string, string>;
  value: string;
}

type EventProperties = Map<string, ContentLine[]>;

export function parseBookingIcs(text: string): ParsedImport {
  const lines = unfold(text.replace(/^\uFEFF/, ''));
  if (!lines.some((l) => l.name === 'BEGIN' && l.value.toUpperCase() === 'VCALENDAR')) return { ok: false, error: 'not_icalendar' };
  const rows: BookingRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const { line, properties } of vevents(lines)) {
    const row = readEvent(line, properties);
    if ('reason' in row) skipped.push(row);
    else rows.push(row);
  }
  return { ok: true, rows, skipped };
}

function readEvent(line: number, properties: EventProperties): BookingRow | SkippedRow {
  const first = (name: string) => properties.get(name)?.[0];
  if (first('STATUS')?.value.toUpperCase() === 'CANCELLED') return { line, reason: 'cancelled_in_source' };
  if (properties.has('RRULE') || properties.has('RDATE')) return { line, reason: 'recurring_event' };
  const dtstart = first('DTSTART');
  if (!dtstart) return { line, reason: 'missing_start' };
  const start = readDtstart(dtstart);
  if (!start.ok) return { line, reason: start.reason };

  const serviceHints = [
    ...(properties.get('X-BORGERSERVICE-SERVICE') ?? []).map((p) => unescapeText(p.value)),
    ...(properties.get('CATEGORIES') ?? []).flatMap((p) => splitList(p.value).map(unescapeText)),
    ...summaryHints(first('SUMMARY')?.value),
  ].filter((hint) => hint.trim() !== '');
  if (serviceHints.length === 0) return { line, reason: 'missing_service' };

  const name = first('X-BORGERSERVICE-NAME');
  const uid = first('UID');
  return {
    line,
    start: start.at,
    serviceHints,
    name: name ? unescapeText(name.value) : null,
    externalUid: uid ? unescapeText(uid.value).trim() || null : null,
  };
}

/** "M: Jens Hansen" or "M - MitID" gives `M`; the whole summary may also be a service's name. */
function summaryHints(summary: string | undefined): string[] {
  if (summary === undefined) return [];
  const text = unescapeText(summary).trim();
  const prefix = /^([A-Za-z])\s*(?::|\s[-–]\s)/.exec(text);
  return prefix ? [prefix[1]!.toUpperCase(), text] : [text];
}

/** DTSTART in its three forms: `…Z` (UTC), `TZID=…` (that zone), or floating (Copenhagen). */
function readDtstart(property: ContentLine): TimeReading | { ok: false; reason: 'no_time' } {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(property.value.trim());
  if (!match) return { ok: false, reason: 'bad_time' };
  if (match[4] === undefined || property.params.VALUE?.toUpperCase() === 'DATE') return { ok: false, reason: 'no_time' };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const wall = { year, month, day, hour, minute, second };
  if (match[7] === 'Z') return wallTimeToInstant(wall, 'UTC');
  const tzid = property.params.TZID;
  if (tzid === undefined) return wallTimeToInstant(wall);
  const zone = timeZoneOf(tzid);
  return zone ? wallTimeToInstant(wall, zone) : { ok: false, reason: 'unknown_time_zone' };
}

/** The VEVENTs with their own properties; those of nested components (VALARM) are left out. */
function vevents(lines: readonly ContentLine[]): { line: number; properties: EventProperties }[] {
  const events: { line: number; properties: EventProperties }[] = [];
  let current: { line: number; properties: EventProperties } | null = null;
  let nested = 0;
  for (const l of lines) {
    const component = l.value.toUpperCase();
    if (l.name === 'BEGIN' && component === 'VEVENT' && current === null) {
      current = { line: l.line, properties: new Map() };
    } else if (current && l.name === 'BEGIN') {
      nested++;
    } else if (current && l.name === 'END' && nested > 0) {
      nested--;
    } else if (current && l.name === 'END' && component === 'VEVENT') {
      events.push(current);
      current = null;
    } else if (current && nested === 0) {
      current.properties.set(l.name, [...(current.properties.get(l.name) ?? []), l]);
    }
  }
  return events;
}

/**
 * RFC 5545 §3.1: a line beginning with a space or tab continues the previous one (the break and
 * that one character are removed). Lines are split on CRLF, and on bare LF as many exporters write.
 */
function unfold(text: string): ContentLine[] {
  const logical: { line: number; text: string }[] = [];
  text.split(/\r\n|\n|\r/).forEach((physical, index) => {
    const last = logical[logical.length - 1];
    if ((physical.startsWith(' ') || physical.startsWith('\t')) && last) last.text += physical.slice(1);
    else if (physical !== '') logical.push({ line: index + 1, text: physical });
  });
  return logical.flatMap(({ line, text }) => {
    const parsed = parseContentLine(text);
    return parsed ? [{ line, ...parsed }] : [];
  });
}

/** `NAME;PARAM=value;PARAM="quoted:value":value`: the value starts at the first colon outside quotes. */
function parseContentLine(text: string): Omit<ContentLine, 'line'> | null {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') inQuotes = !inQuotes;
    else if (text[i] === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [name = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';');
  const params: Record<string, string> = {};
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    if (eq > 0) params[raw.slice(0, eq).toUpperCase()] = raw.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { name: name.toUpperCase(), params, value: text.slice(colon + 1) };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    if (char === separator && !inQuotes) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** A list value (CATEGORIES) split on commas that are not escaped as `\,`. */
function splitList(value: string): string[] {
  return value.split(/(?<!\\),/);
}

/** TEXT escapes: `\\`, `\;`, `\,`, `\n` / `\N`. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
