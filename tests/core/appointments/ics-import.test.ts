import { describe, expect, it } from 'vitest';
import { parseBookingIcs } from '../../../core/appointments/ics-import.js';

const utc = (iso: string) => Date.parse(iso);
const calendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Booking//DA', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

describe('parseBookingIcs: DTSTART in its three forms', () => {
  it('reads TZID=Europe/Copenhagen, UTC and floating (Copenhagen) times', () => {
    const file = calendar(
      ...event('UID:a-1', 'DTSTART;TZID=Europe/Copenhagen:20261125T091500', 'X-BORGERSERVICE-SERVICE:M'),
      ...event('UID:a-2', 'DTSTART:20261125T083000Z', 'X-BORGERSERVICE-SERVICE:P'),
      ...event('UID:a-3', 'DTSTART:20261125T094500', 'X-BORGERSERVICE-SERVICE:K'),
    );
    expect(parseBookingIcs(file)).toEqual({
      ok: true,
      rows: [
        { line: 4, start: utc('2026-11-25T08:15:00Z'), serviceHints: ['M'], name: null, externalUid: 'a-1' },
        { line: 9, start: utc('2026-11-25T08:30:00Z'), serviceHints: ['P'], name: null, externalUid: 'a-2' },
        { line: 14, start: utc('2026-11-25T08:45:00Z'), serviceHints: ['K'], name: null, externalUid: 'a-3' },
      ],
      skipped: [],
    });
  });

  it('reads a quoted TZID and the Windows name Outlook writes for Copenhagen', () => {
    const file = calendar(
      ...event('DTSTART;TZID="Europe/Copenhagen":20260701T090000', 'CATEGORIES:M'),
      ...event('DTSTART;TZID=Romance Standard Time:20260701T090000', 'CATEGORIES:M'),
    );
    const parsed = parseBookingIcs(file);
    expect(parsed.ok && parsed.rows.map((r) => r.start)).toEqual([utc('2026-07-01T07:00:00Z'), utc('2026-07-01T07:00:00Z')]);
  });

  it('handles the days the clocks change: 25 October 2026 and 29 March 2026', () => {
    const file = calendar(
      ...event('DTSTART;TZID=Europe/Copenhagen:20261025T023000', 'CATEGORIES:M'),
      ...event('DTSTART:20261025T023000', 'CATEGORIES:M'),
      ...event('DTSTART;TZID=Europe/Copenhagen:20261025T030000', 'CATEGORIES:M'),
      ...event('DTSTART;TZID=Europe/Copenhagen:20260329T023000', 'CATEGORIES:M'),
      ...event('DTSTART;TZID=Europe/Copenhagen:20260329T030000', 'CATEGORIES:M'),
    );
    const parsed = parseBookingIcs(file);
    expect(parsed.ok && parsed.rows.map((r) => new Date(r.start).toISOString())).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
    ]);
    expect(parsed.ok && parsed.skipped).toEqual([{ line: 16, reason: 'nonexistent_local_time' }]);
  });
});

describe('parseBookingIcs: folded lines (RFC 5545 §3.1)', () => {
  it('joins a line continued with a space or a tab, even inside a property name or a value', () => {
    const file = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:very-long-uid-from-the-booking-',
      ' system-0001',
      'DTSTART;TZID=Europe/Co',
      '\tpenhagen:20261125T0915',
      ' 00',
      'X-BORGERSERVICE-SER',
      ' VICE:P',
      'X-BORGERSERVICE-NAME:J',
      ' .H.',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(parseBookingIcs(file)).toEqual({
      ok: true,
      rows: [{ line: 2, start: utc('2026-11-25T08:15:00Z'), serviceHints: ['P'], name: 'J.H.', externalUid: 'very-long-uid-from-the-booking-system-0001' }],
      skipped: [],
    });
  });

  it('reads files with bare LF line ends too', () => {
    const file = calendar(...event('DTSTART:20261125T091500', 'CATEGORIES:M')).replaceAll('\r\n', '\n');
    expect(parseBookingIcs(file)).toMatchObject({ ok: true, rows: [{ serviceHints: ['M'] }] });
  });
});

describe('parseBookingIcs: which service', () => {
  it('prefers X-BORGERSERVICE-SERVICE, then CATEGORIES, then a letter prefix of SUMMARY, then SUMMARY itself', () => {
    const file = calendar(
      ...event('DTSTART:20261125T091500', 'X-BORGERSERVICE-SERVICE:K', 'CATEGORIES:Pas,Andet', 'SUMMARY:M: Jens Hansen'),
      ...event('DTSTART:20261125T091500', 'CATEGORIES:Pas\\, udstedelse,Andet', 'SUMMARY:M: Jens Hansen'),
      ...event('DTSTART:20261125T091500', 'SUMMARY:M: Jens Hansen'),
      ...event('DTSTART:20261125T091500', 'SUMMARY:p - fornyelse'),
      ...event('DTSTART:20261125T091500', 'SUMMARY:Kørekort'),
    );
    const parsed = parseBookingIcs(file);
    expect(parsed.ok && parsed.rows.map((r) => r.serviceHints)).toEqual([
      ['K', 'Pas', 'Andet', 'M', 'M: Jens Hansen'],
      ['Pas, udstedelse', 'Andet', 'M', 'M: Jens Hansen'],
      ['M', 'M: Jens Hansen'],
      ['P', 'p - fornyelse'],
      ['Kørekort'],
    ]);
  });

  it('never takes a name from SUMMARY, only from X-BORGERSERVICE-NAME', () => {
    const parsed = parseBookingIcs(calendar(...event('DTSTART:20261125T091500', 'SUMMARY:M: Jens Hansen')));
    expect(parsed.ok && parsed.rows[0]!.name).toBeNull();
  });

  it('leaves out the properties of a nested VALARM', () => {
    const file = calendar(
      ...event('DTSTART:20261125T091500', 'BEGIN:VALARM', 'TRIGGER:-PT15M', 'SUMMARY:M: påmindelse', 'END:VALARM', 'UID:x'),
    );
    expect(parseBookingIcs(file)).toEqual({ ok: true, rows: [], skipped: [{ line: 4, reason: 'missing_service' }] });
  });
});

describe('parseBookingIcs: events that cannot be booked', () => {
  it('skips each with its line and reason and keeps the rest', () => {
    const file = calendar(
      ...event('DTSTART;VALUE=DATE:20261125', 'CATEGORIES:M'),
      ...event('DTSTART:20261125T091500', 'CATEGORIES:M', 'STATUS:CANCELLED'),
      ...event('DTSTART:20261125T091500', 'CATEGORIES:M', 'RRULE:FREQ=WEEKLY'),
      ...event('CATEGORIES:M'),
      ...event('DTSTART;TZID=Europe/Atlantis:20261125T091500', 'CATEGORIES:M'),
      ...event('DTSTART:2026-11-25 09:15', 'CATEGORIES:M'),
      ...event('DTSTART:20261125T091500', 'CATEGORIES:M'),
    );
    const parsed = parseBookingIcs(file);
    expect(parsed).toMatchObject({ ok: true, rows: [{ line: 29 }] });
    expect(parsed.ok && parsed.skipped).toEqual([
      { line: 4, reason: 'no_time' },
      { line: 8, reason: 'cancelled_in_source' },
      { line: 13, reason: 'recurring_event' },
      { line: 18, reason: 'missing_start' },
      { line: 21, reason: 'unknown_time_zone' },
      { line: 25, reason: 'bad_time' },
    ]);
  });

  it('refuses a file that is not a calendar at all', () => {
    expect(parseBookingIcs('start;service\n25-11-2026 09:15;M\n')).toEqual({ ok: false, error: 'not_icalendar' });
    expect(parseBookingIcs('')).toEqual({ ok: false, error: 'not_icalendar' });
  });
});
