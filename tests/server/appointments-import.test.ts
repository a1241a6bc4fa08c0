import { afterEach, describe, expect, it } from 'vitest';
import { BOOKING_CODE_ALPHABET } from '../../core/appointments/booking-code.js';
import { ADMIN_PASSWORD, clerks, startTestHost, TestClock, type TestHost } from '../support/test-host.js';

let running: TestHost | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

// 08:00 Copenhagen on Tuesday 24 November 2026 (UTC+1), the day before the imported bookings.
const DAY_BEFORE = Date.UTC(2026, 10, 24, 7, 0);
const CODE = new RegExp(`^[${BOOKING_CODE_ALPHABET}]{6}$`);

/** A logged-in staff member's browser, able to send a file as the body. */
class StaffUpload {
  private constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  static async login(url: string): Promise<StaffUpload> {
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    return new StaffUpload(url, response.headers.get('set-cookie')!.split(';')[0]!);
  }

  async send(route: string, contentType: string, body: string, withCookie = true): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (withCookie) headers.cookie = this.cookie;
    const response = await fetch(this.url + route, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  import(contentType: string, body: string) {
    return this.send('/api/appointments/import', contentType, body);
  }
}

async function office(now = DAY_BEFORE) {
  const clock = new TestClock(now);
  running = await startTestHost({ clock: clock.read });
  const [clerk] = await clerks(running.url, 1);
  return { clock, clerk: clerk!, upload: await StaffUpload.login(running.url) };
}

const CSV = [
  'start;service;name;uid',
  '25-11-2026 09:00;M;J.H.;ext-1',
  '25-11-2026 09:15;Pas;;ext-2',
  '2026-11-25T09:30;Kørekort;A. B.;ext-3',
  '31-11-2026 09:00;M;X;ext-4',
  '25-11-2026 09:45;Sundhedskort;Y;ext-5',
  `25-11-2026 10:00;M;${'z'.repeat(41)};ext-6`,
  '25-11-2026 10:15;M;Q;ext-1',
  '24-11-2026 07:00;M;;ext-7',
  '25-11-2026 10:30;A;;',
].join('\r\n');

describe('importing a CSV export', () => {
  it('books the good rows with codes, and skips each bad row with its line and reason', async () => {
    const { clerk, upload } = await office();
    const response = await upload.import('text/csv; charset=utf-8', CSV);
    expect(response.status).toBe(200);
    expect(response.body.imported).toBe(4);
    expect(response.body.skipped).toEqual([
      { line: 5, reason: 'bad_time' },
      { line: 6, reason: 'unknown_service' },
      { line: 7, reason: 'name_too_long' },
      { line: 8, reason: 'already_imported' },
      { line: 9, reason: 'slot_in_past' },
    ]);
    expect(response.body.appointments.map((a: { serviceCode: string; start: string; name: string | null; source: string }) => [a.serviceCode, a.start, a.name, a.source])).toEqual([
      ['M', '2026-11-25T08:00:00.000Z', 'J.H.', 'import'],
      ['P', '2026-11-25T08:15:00.000Z', null, 'import'],
      ['K', '2026-11-25T08:30:00.000Z', 'A. B.', 'import'],
      ['A', '2026-11-25T09:30:00.000Z', null, 'import'],
    ]);
    const codes = response.body.appointments.map((a: { code: string }) => a.code);
    for (const code of codes) expect(code).toMatch(CODE);
    expect(new Set(codes).size).toBe(4);
    expect((await clerk.get('/api/appointments?day=2026-11-25')).body.counts.booked).toBe(4);
  });

  it('does not book the same external booking twice when the file is imported again', async () => {
    const { clerk, upload } = await office();
    await upload.import('text/csv', CSV);
    const again = await upload.import('text/csv', CSV);
    expect(again.body.imported).toBe(1); // only the row without a uid
    expect(again.body.skipped.filter((s: { reason: string }) => s.reason === 'already_imported').map((s: { line: number }) => s.line)).toEqual([2, 3, 4, 8]);
    expect((await clerk.get('/api/appointments?day=2026-11-25')).body.counts.booked).toBe(5);
  });

  it('skips rows beyond a slot’s capacity and keeps the rows that fit', async () => {
    const { upload } = await office();
    // Four counters serve M: the fifth booking at 09:00 has no place.
    const rows = ['start,service', ...Array.from({ length: 5 }, () => '2026-11-25 09:00,M'), '2026-11-25 09:15,M'];
    const response = await upload.import('text/csv', rows.join('\n'));
    expect(response.body.imported).toBe(5);
    expect(response.body.skipped).toEqual([{ line: 6, reason: 'slot_full' }]);
  });

  it('answers 400 for an empty file and imports nothing from a header alone', async () => {
    const { upload } = await office();
    const empty = await upload.import('text/csv', '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('empty_file');
    expect((await upload.import('text/csv', 'start;service;name\r\n')).body).toEqual({ imported: 0, appointments: [], skipped: [] });
  });
});

describe('importing an iCalendar export', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Bookingsystem//DA',
    'BEGIN:VEVENT',
    'UID:evt-1@booking.example',
    'DTSTART;TZID=Europe/Copenhagen:20261025T023000',
    'SUMMARY:M: Jens Hansen, ønsker hjælp til MitID og med en meget lang beskriv',
    ' else der foldes over to linjer',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:evt-2@booking.example',
    'DTSTART:20261025T080000Z',
    'X-BORGERSERVICE-SERVICE:P',
    'X-BORGERSERVICE-NAME:A.',
    '  B.',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:evt-3@booking.example',
    'DTSTART;TZID=Europe/Copenhagen:20260329T023000',
    'CATEGORIES:Kørekort',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:evt-4@booking.example',
    'DTSTART:20261025T100000',
    'CATEGORIES:Andet',
    'STATUS:CANCELLED',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

  it('books events across the autumn clock change, with folded lines, and never keeps the summary text', async () => {
    // 08:00 Copenhagen on Saturday 24 October 2026 (summer time, UTC+2).
    const { clerk, upload } = await office(Date.UTC(2026, 9, 24, 6, 0));
    const response = await upload.import('text/calendar', ics);
    expect(response.status).toBe(200);
    expect(response.body.skipped).toEqual([
      { line: 17, reason: 'nonexistent_local_time' },
      { line: 22, reason: 'cancelled_in_source' },
    ]);
    expect(response.body.appointments).toEqual([
      expect.objectContaining({ serviceCode: 'M', start: '2026-10-25T00:30:00.000Z', end: '2026-10-25T00:45:00.000Z', name: null }),
      expect.objectContaining({ serviceCode: 'P', start: '2026-10-25T08:00:00.000Z', name: 'A. B.' }),
    ]);
    const listed = await clerk.get('/api/appointments?day=2026-10-25');
    expect(listed.body.counts.booked).toBe(2);
    expect(JSON.stringify(listed.body)).not.toContain('Jens');

    expect((await upload.import('text/calendar', ics)).body.imported).toBe(0);
  });

  it('answers 400 for a file that is not a calendar', async () => {
    const { upload } = await office();
    const response = await upload.import('text/calendar', 'start;service\n25-11-2026 09:00;M\n');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('not_icalendar');
  });
});

describe('what the import route accepts', () => {
  it('answers 401 without a session', async () => {
    const { upload } = await office();
    const response = await upload.send('/api/appointments/import', 'text/csv', CSV, false);
    expect(response.status).toBe(401);
  });

  it('answers 415 for JSON or plain text, and CSV is not accepted by other routes', async () => {
    const { upload } = await office();
    for (const type of ['application/json', 'text/plain']) {
      const body = type === 'application/json' ? JSON.stringify({ rows: [] }) : CSV;
      const response = await upload.import(type, body);
      expect(response.status, type).toBe(415);
      expect(response.body.error.code).toBe('unsupported_media_type');
    }
    const elsewhere = await upload.send('/api/appointments', 'text/csv', CSV);
    expect(elsewhere.status).toBe(415);
  });

  it('takes files up to 1 MB and answers 413 beyond', async () => {
    const { upload } = await office();
    const padded = `start;service\n25-11-2026 09:00;M\n${'\n'.repeat(1000 * 1024)}`;
    expect((await upload.import('text/csv', padded)).body.imported).toBe(1);
    const tooLarge = await upload.import('text/csv', `start;service\n${'\n'.repeat(1024 * 1024)}`);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('body_too_large');
  });
});
