import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backupFileName,
  backupsToDelete,
  backupTakenAt,
  MISSED_BACKUP_DELAY_MINUTES,
  newestBackupAt,
  nextBackupDue,
  nextOccurrence,
} from '../../core/backup-schedule.js';
import { instantOnOfficeDay, minuteOfOfficeDay, parseTimeOfDay } from '../../core/office-day.js';

const at = (isoUtc: string) => Date.parse(isoUtc);
const HOUR = 3_600_000;
const TWO_AM = 120;

describe('BACKUP_TIME', () => {
  it.each([
    ['02:00', 120],
    ['00:00', 0],
    ['23:59', 1439],
    [' 07:05 ', 425],
  ])('reads %j as %i minutes after midnight', (text, minutes) => {
    expect(parseTimeOfDay(text)).toBe(minutes);
  });

  it.each(['2:00', '24:00', '12:60', '0200', '02:00:00', 'two', ''])('refuses %j', (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
  });
});

describe('the nightly run in Copenhagen time', () => {
  it.each([
    ['a winter night (UTC+1)', '2026-01-15', '2026-01-15T01:00:00Z'],
    ['a summer night (UTC+2)', '2026-07-15', '2026-07-15T00:00:00Z'],
    // Clocks go 02:00 → 03:00: 02:00 does not exist; it is taken an hour later.
    ['the spring-forward night', '2026-03-29', '2026-03-29T01:00:00Z'],
    // Clocks go 03:00 → 02:00: 02:00 happens twice; the first one counts.
    ['the fall-back night', '2026-10-25', '2026-10-25T00:00:00Z'],
  ])('runs at 02:00 on %s', (_, day, expectedUtc) => {
    expect(instantOnOfficeDay(day, TWO_AM)).toBe(at(expectedUtc));
  });

  it('finds every other time of a daylight-saving day on the clock', () => {
    for (const day of ['2026-03-29', '2026-10-25']) {
      for (let minute = 0; minute < 1440; minute += 10) {
        const skipped = day === '2026-03-29' && minute >= 120 && minute < 180;
        if (!skipped) expect(minuteOfOfficeDay(instantOnOfficeDay(day, minute))).toBe(minute);
      }
    }
  });

  it('is later than now, within 25 hours, and shows that time on the clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z') }), fc.integer({ min: 0, max: 1439 }), (now, minute) => {
        const next = nextOccurrence(now, minute);
        expect(next).toBeGreaterThan(now);
        expect(next - now).toBeLessThanOrEqual(25 * HOUR);
        // Only a time inside the hour skipped in spring shows a different minute (an hour later).
        if (minuteOfOfficeDay(next) !== minute) expect(minuteOfOfficeDay(next)).toBe(minute + 60);
      }),
    );
  });
});

describe('when the next backup is due', () => {
  const now = at('2026-11-25T13:00:00Z'); // 14:00 in Copenhagen
  const soon = now + MISSED_BACKUP_DELAY_MINUTES * 60_000;

  it('is tonight at the backup time after last night’s backup', () => {
    expect(nextBackupDue({ now, minute: TWO_AM, newestBackupAt: at('2026-11-25T01:00:00Z') })).toBe(at('2026-11-26T01:00:00Z'));
  });

  it('is soon after start when a night was missed (the PC was off) or there is no backup yet', () => {
    expect(nextBackupDue({ now, minute: TWO_AM, newestBackupAt: at('2026-11-24T01:00:00Z') })).toBe(soon);
    expect(nextBackupDue({ now, minute: TWO_AM, newestBackupAt: null })).toBe(soon);
  });

  it('counts a backup made by hand during the day: the next is still tonight', () => {
    expect(nextBackupDue({ now, minute: TWO_AM, newestBackupAt: at('2026-11-25T10:00:00Z') })).toBe(at('2026-11-26T01:00:00Z'));
  });

  it('is not held off by a backup dated in the future by a PC clock that was once wrong', () => {
    expect(nextBackupDue({ now, minute: TWO_AM, newestBackupAt: at('2031-01-01T01:00:00Z') })).toBe(at('2026-11-26T01:00:00Z'));
  });

  it('runs once on the fall-back night, not again when 02:00 comes round the second time', () => {
    const firstTwoAm = at('2026-10-25T00:00:00Z');
    const taken = backupTakenAt(backupFileName(firstTwoAm + 30_000))!;
    expect(nextBackupDue({ now: at('2026-10-25T01:30:00Z'), minute: TWO_AM, newestBackupAt: taken })).toBe(at('2026-10-26T01:00:00Z'));
  });
});

describe('backup file names', () => {
  it('are the Copenhagen date and time to the minute', () => {
    expect(backupFileName(at('2026-11-25T01:00:42Z'))).toBe('office-2026-11-25T0200.sqlite');
    expect(backupFileName(at('2026-07-01T21:59:00Z'))).toBe('office-2026-07-01T2359.sqlite');
    expect(backupFileName(at('2026-12-31T23:05:00Z'))).toBe('office-2027-01-01T0005.sqlite');
  });

  it('give back the minute they were taken', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z') }), (instant) => {
        const name = backupFileName(instant);
        // In the hour the clocks go back the name is ambiguous; the name, not the instant, round-trips.
        expect(backupFileName(backupTakenAt(name)!)).toBe(name);
        expect(Math.abs(backupTakenAt(name)! - instant)).toBeLessThan(HOUR + 60_000);
      }),
    );
  });

  it('are told apart from other files', () => {
    for (const other of ['office.sqlite', 'document-hash.key', 'office-2026-11-25T0200.sqlite-wal', '.office-2026-11-25T0200.sqlite.ab12.partial', 'office-2026-02-30T0200.sqlite', 'office-2026-11-25T2460.sqlite']) {
      expect(backupTakenAt(other)).toBeNull();
    }
  });
});

describe('which backups are deleted', () => {
  const backups = ['office-2026-11-23T0200.sqlite', 'office-2026-11-25T0200.sqlite', 'office-2026-11-24T0200.sqlite', 'office-2026-11-24T1517.sqlite'];
  const others = ['document-hash.key', 'notes.txt', '.office-2026-11-22T0200.sqlite.ab12.partial'];

  it('keeps the newest N, whatever order the folder lists them in, and never touches other files', () => {
    expect(backupsToDelete([...others, ...backups], 2)).toEqual(['office-2026-11-24T0200.sqlite', 'office-2026-11-23T0200.sqlite']);
    expect(backupsToDelete([...backups, ...others], 4)).toEqual([]);
    expect(backupsToDelete(others, 1)).toEqual([]);
  });

  it('finds the newest backup’s time', () => {
    expect(newestBackupAt([...others, ...backups])).toBe(at('2026-11-25T01:00:00Z'));
    expect(newestBackupAt(others)).toBeNull();
  });

  it('keeps exactly min(N, backups) of any set of backups, the newest ones', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') }), { maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (instants, keep) => {
        const names = [...new Set(instants.map(backupFileName))];
        const deleted = new Set(backupsToDelete(names, keep));
        const kept = names.filter((n) => !deleted.has(n));
        expect(kept).toHaveLength(Math.min(keep, names.length));
        for (const gone of deleted) for (const stays of kept) expect(backupTakenAt(gone)!).toBeLessThan(backupTakenAt(stays)!);
      }),
    );
  });
});
