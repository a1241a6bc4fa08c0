import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDateTime, readInstant, timeZoneOf, wallTimeToInstant } from '../../../core/appointments/local-time.js';
import { minuteOfOfficeDay, officeDayOf } from '../../../core/office-day.js';

const utc = (iso: string) => Date.parse(iso);

describe('readDateTime: the formats booking systems export', () => {
  it.each([
    ['2026-11-25T09:15', '2026-11-25T08:15:00Z'],
    ['2026-11-25 09:15', '2026-11-25T08:15:00Z'],
    ['2026-11-25T09:15:00', '2026-11-25T08:15:00Z'],
    ['2026-11-25T08:15:00Z', '2026-11-25T08:15:00Z'],
    ['2026-11-25T09:15:00+01:00', '2026-11-25T08:15:00Z'],
    ['2026-11-25T10:15+0200', '2026-11-25T08:15:00Z'],
    ['25-11-2026 09:15', '2026-11-25T08:15:00Z'],
    ['25.11.2026 09.15', '2026-11-25T08:15:00Z'],
    ['25/11/2026 kl. 9.15', '2026-11-25T08:15:00Z'],
    ['5-1-2026 9:05', '2026-01-05T08:05:00Z'],
    ['30-06-2026 09:00', '2026-06-30T07:00:00Z'],
  ])('reads %s', (text, expected) => {
    expect(readDateTime(text)).toEqual({ ok: true, at: utc(expected) });
  });

  it.each(['2026-02-30 09:00', '31-04-2026 09:00', '25-13-2026 09:00', '2026-11-25 24:00', '2026-11-25 09:60', 'i morgen', '', '09:15'])(
    'refuses %j as a time',
    (text) => {
      expect(readDateTime(text)).toEqual({ ok: false, reason: 'bad_time' });
    },
  );
});

describe('readDateTime on the days the clocks change', () => {
  it('spring forward, 29 March 2026: 02:00–02:59 does not exist', () => {
    expect(readDateTime('29-03-2026 01:59')).toEqual({ ok: true, at: utc('2026-03-29T00:59:00Z') });
    expect(readDateTime('29-03-2026 02:30')).toEqual({ ok: false, reason: 'nonexistent_local_time' });
    expect(readDateTime('2026-03-29T02:00')).toEqual({ ok: false, reason: 'nonexistent_local_time' });
    expect(readDateTime('29-03-2026 03:00')).toEqual({ ok: true, at: utc('2026-03-29T01:00:00Z') });
  });

  it('fall back, 25 October 2026: 02:00–02:59 happens twice and means the first (summer time)', () => {
    expect(readDateTime('25-10-2026 01:59')).toEqual({ ok: true, at: utc('2026-10-24T23:59:00Z') });
    expect(readDateTime('25-10-2026 02:30')).toEqual({ ok: true, at: utc('2026-10-25T00:30:00Z') });
    expect(readDateTime('25-10-2026 03:00')).toEqual({ ok: true, at: utc('2026-10-25T02:00:00Z') });
  });

  it('an offset settles the repeated hour: 02:30+01:00 is the second 02:30', () => {
    expect(readDateTime('2026-10-25T02:30+01:00')).toEqual({ ok: true, at: utc('2026-10-25T01:30:00Z') });
  });
});

describe('readInstant: the API wants a zone', () => {
  it('reads Z and offsets, and refuses a bare wall time or a bad date', () => {
    expect(readInstant('2026-11-25T08:15:00Z')).toBe(utc('2026-11-25T08:15:00Z'));
    expect(readInstant('2026-11-25T09:15:00.000+01:00')).toBe(utc('2026-11-25T08:15:00Z'));
    expect(readInstant('2026-11-25T09:15')).toBeNull();
    expect(readInstant('2026-02-30T09:15Z')).toBeNull();
    expect(readInstant('25-11-2026 09:15')).toBeNull();
    expect(readInstant('2026-11-25T09:15+15:00')).toBeNull();
  });
});

describe('time zones', () => {
  it('knows IANA names, quoted names and the Windows names Outlook writes', () => {
    expect(timeZoneOf('Europe/Copenhagen')).toBe('Europe/Copenhagen');
    expect(timeZoneOf('"Europe/Copenhagen"')).toBe('Europe/Copenhagen');
    expect(timeZoneOf('Romance Standard Time')).toBe('Europe/Copenhagen');
    expect(timeZoneOf('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(timeZoneOf('Mars/Olympus_Mons')).toBeNull();
  });

  it('turns a wall time in another zone into its instant', () => {
    const wall = { year: 2026, month: 7, day: 1, hour: 9, minute: 0, second: 0 };
    expect(wallTimeToInstant(wall, 'Europe/London')).toEqual({ ok: true, at: utc('2026-07-01T08:00:00Z') });
    expect(wallTimeToInstant(wall, 'UTC')).toEqual({ ok: true, at: utc('2026-07-01T09:00:00Z') });
    expect(wallTimeToInstant(wall, 'Nowhere/Special')).toEqual({ ok: false, reason: 'unknown_time_zone' });
  });

  it('gives back an instant whose Copenhagen wall time is the one written, for any minute of 2026', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 - 1 }), (minutes) => {
        const instant = Date.UTC(2026, 0, 1) + minutes * 60_000;
        const day = officeDayOf(instant);
        const minute = minuteOfOfficeDay(instant);
        const reading = readDateTime(`${day} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`);
        expect(reading.ok).toBe(true);
        if (!reading.ok) return;
        expect(officeDayOf(reading.at)).toBe(day);
        expect(minuteOfOfficeDay(reading.at)).toBe(minute);
        // The same instant, or for the repeated autumn hour its first occurrence an hour before.
        expect([instant, instant - 3_600_000]).toContain(reading.at);
      }),
      { numRuns: 1000 },
    );
  });
});
