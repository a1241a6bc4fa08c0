import { describe, expect, it } from 'vitest';
import { minuteOfOfficeDay, officeDayOf } from '../../core/office-day.js';
import { lastExpiredDay, nextRetentionDue, retryAfterFailure, RETENTION_MINUTE } from '../../core/retention.js';

const at = (iso: string) => Date.parse(iso);

describe('which days have expired', () => {
  it('keeps today and the retention days before it', () => {
    expect(lastExpiredDay(at('2026-03-31T10:00:00+02:00'), 30)).toBe('2026-02-28');
    expect(lastExpiredDay(at('2028-03-31T10:00:00+02:00'), 30)).toBe('2028-02-29');
  });

  it('counts Copenhagen days, whatever the UTC date is', () => {
    // 00:30 on 1 April in Copenhagen is still 31 March in UTC.
    expect(lastExpiredDay(at('2026-04-01T00:30:00+02:00'), 30)).toBe('2026-03-01');
  });

  it('crosses years and daylight-saving changes', () => {
    expect(lastExpiredDay(at('2027-01-01T12:00:00+01:00'), 730)).toBe('2024-12-31');
  });
});

describe('when the retention job runs', () => {
  it('runs at once when it never ran', () => {
    const now = at('2026-11-25T15:00:00+01:00');
    expect(nextRetentionDue({ now, lastRunAt: null })).toBe(now);
  });

  it('runs next at 02:30 Copenhagen time after its last run', () => {
    const now = at('2026-11-25T15:00:00+01:00');
    const due = nextRetentionDue({ now, lastRunAt: at('2026-11-25T02:30:01+01:00') });
    expect(due).toBe(at('2026-11-26T02:30:00+01:00'));
    expect(minuteOfOfficeDay(due)).toBe(RETENTION_MINUTE);
  });

  it('counts a catch-up run for its whole day, however early it ran', () => {
    const ranAt = at('2026-11-25T00:10:00+01:00');
    expect(nextRetentionDue({ now: ranAt + 60_000, lastRunAt: ranAt })).toBe(at('2026-11-26T02:30:00+01:00'));
    const justBefore = at('2026-11-25T02:29:00+01:00');
    expect(nextRetentionDue({ now: justBefore + 60_000, lastRunAt: justBefore })).toBe(at('2026-11-26T02:30:00+01:00'));
  });

  it('catches up at once when a night was missed', () => {
    const now = at('2026-11-25T08:00:00+01:00');
    expect(nextRetentionDue({ now, lastRunAt: at('2026-11-23T02:30:00+01:00') })).toBe(now);
  });

  it('does not run twice a day when the host restarts after the night run', () => {
    const now = at('2026-11-25T09:00:00+01:00');
    expect(officeDayOf(nextRetentionDue({ now, lastRunAt: at('2026-11-25T02:30:02+01:00') }))).toBe('2026-11-26');
  });

  it('keeps running when its last run is dated in the future', () => {
    const now = at('2026-11-25T09:00:00+01:00');
    expect(nextRetentionDue({ now, lastRunAt: at('2027-05-01T02:30:00+02:00') })).toBe(at('2026-11-26T02:30:00+01:00'));
  });

  it('runs at 02:30 summer time too', () => {
    expect(nextRetentionDue({ now: at('2026-07-01T12:00:00+02:00'), lastRunAt: at('2026-07-01T02:30:00+02:00') })).toBe(at('2026-07-02T02:30:00+02:00'));
  });

  it('tries a failed run again ten minutes later', () => {
    expect(retryAfterFailure(at('2026-11-25T02:30:00+01:00'))).toBe(at('2026-11-25T02:40:00+01:00'));
  });
});
