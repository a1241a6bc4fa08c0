import { describe, expect, it } from 'vitest';
import { parseBookingCsv } from '../../../core/appointments/csv-import.js';

const utc = (iso: string) => Date.parse(iso);

describe('parseBookingCsv: well-formed files', () => {
  it('reads a Danish export: `;`, a header, Danish dates, CRLF and a byte-order mark', () => {
    const file = '\uFEFFstart;service;name;uid\r\n25-11-2026 09:15;M;J.H.;ext-1\r\n25-11-2026 09:30;Pas;;ext-2\r\n';
    expect(parseBookingCsv(file)).toEqual({
      ok: true,
      rows: [
        { line: 2, start: utc('2026-11-25T08:15:00Z'), serviceHints: ['M'], name: 'J.H.', externalUid: 'ext-1' },
        { line: 3, start: utc('2026-11-25T08:30:00Z'), serviceHints: ['Pas'], name: null, externalUid: 'ext-2' },
      ],
      skipped: [],
    });
  });

  it('reads `,` with quoted cells holding commas, doubled quotes and line breaks, and counts lines right', () => {
    const file = [
      'Navn,Ydelse,Start',
      '"Hansen, Jens",M,2026-11-25T09:15',
      '"Anna ""AB"" B","Kø',
      'rekort",2026-11-25T09:30',
      'K.L.,P,2026-11-25T09:45:00Z',
    ].join('\n');
    const parsed = parseBookingCsv(file);
    expect(parsed).toMatchObject({
      ok: true,
      rows: [
        { line: 2, name: 'Hansen, Jens', serviceHints: ['M'], start: utc('2026-11-25T08:15:00Z'), externalUid: null },
        { line: 3, name: 'Anna "AB" B', serviceHints: ['Kø\nrekort'] },
        { line: 5, name: 'K.L.', serviceHints: ['P'], start: utc('2026-11-25T09:45:00Z') },
      ],
    });
  });

  it('reads separate date and time columns, in any order, ignoring columns it does not know', () => {
    const file = 'Dato;Notat;Tid;Ydelse\n25.11.2026;kommer med barn;09.15;M\n';
    expect(parseBookingCsv(file)).toEqual({
      ok: true,
      rows: [{ line: 2, start: utc('2026-11-25T08:15:00Z'), serviceHints: ['M'], name: null, externalUid: null }],
      skipped: [],
    });
  });

  it('reads a file without a header as start, service, name, uid', () => {
    expect(parseBookingCsv('25-11-2026 09:15;M;AB;x-9\n')).toEqual({
      ok: true,
      rows: [{ line: 1, start: utc('2026-11-25T08:15:00Z'), serviceHints: ['M'], name: 'AB', externalUid: 'x-9' }],
      skipped: [],
    });
  });

  it('reads tab-separated files', () => {
    expect(parseBookingCsv('start\tservice\n2026-11-25 09:15\tM\n')).toMatchObject({ ok: true, rows: [{ line: 2, serviceHints: ['M'] }] });
  });

  it('skips blank lines without losing count of the lines', () => {
    const parsed = parseBookingCsv('start;service\n\n25-11-2026 09:15;M\n;\n25-11-2026 09:30;P\n');
    expect(parsed).toMatchObject({ ok: true, rows: [{ line: 3 }, { line: 5 }], skipped: [] });
  });

  it('reads the days the clocks change as Copenhagen time', () => {
    const parsed = parseBookingCsv('start;service\n25-10-2026 02:30;M\n29-03-2026 03:00;M\n');
    expect(parsed).toMatchObject({
      ok: true,
      rows: [{ start: utc('2026-10-25T00:30:00Z') }, { start: utc('2026-03-29T01:00:00Z') }],
    });
  });
});

describe('parseBookingCsv: bad rows are skipped with their reason, good rows kept', () => {
  it('gives line and reason for each bad row', () => {
    const file = [
      'start;service;name',
      '25-11-2026 09:15;M;AB',
      '31-11-2026 09:15;M;CD',
      ';M;EF',
      '25-11-2026 09:30;;GH',
      '29-03-2026 02:30;M;IJ',
      'next tuesday;P;KL',
      '25-11-2026 09:45;P;MN',
    ].join('\n');
    const parsed = parseBookingCsv(file);
    expect(parsed).toMatchObject({ ok: true, rows: [{ line: 2 }, { line: 8 }] });
    expect(parsed.ok && parsed.skipped).toEqual([
      { line: 3, reason: 'bad_time' },
      { line: 4, reason: 'missing_start' },
      { line: 5, reason: 'missing_service' },
      { line: 6, reason: 'nonexistent_local_time' },
      { line: 7, reason: 'bad_time' },
    ]);
  });

  it('reads a row with a stray quote as a spreadsheet would, instead of refusing the file', () => {
    expect(parseBookingCsv('start;service;name\n25-11-2026 09:15;M;Jens "JJ" H\n')).toMatchObject({ ok: true, rows: [{ line: 2, name: 'Jens "JJ" H' }] });
  });

  it('never puts a name into a skip reason', () => {
    const parsed = parseBookingCsv('start;service;name\nsoon;M;Jens Hansen\n');
    expect(JSON.stringify(parsed)).not.toContain('Jens');
  });

  it('calls a file with nothing in it empty, and a header alone no bookings', () => {
    expect(parseBookingCsv('')).toEqual({ ok: false, error: 'empty_file' });
    expect(parseBookingCsv('\r\n\r\n')).toEqual({ ok: false, error: 'empty_file' });
    expect(parseBookingCsv('start;service;name\n')).toEqual({ ok: true, rows: [], skipped: [] });
  });
});
