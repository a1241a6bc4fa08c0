import { describe, expect, it } from 'vitest';
import { planResume, type LogBounds } from '../../core/live-resume.js';

/** Yesterday ended with event 500; today began with 501 and has reached 800. */
const log: LogBounds = { lastSeq: 800, firstSeqToday: 501, startOfToday: 1_000_000 };

describe('where a live stream starts', () => {
  it('is live from now without a Last-Event-ID, for anyone', () => {
    expect(planResume(undefined, 'public', log)).toEqual({ kind: 'live' });
    expect(planResume(undefined, 'manager', log)).toEqual({ kind: 'live' });
  });

  it("replays today's events to a screen that saw today's first event or anything since", () => {
    expect(planResume(500, 'public', log)).toEqual({ kind: 'replay', after: 500, notBefore: 1_000_000 });
    expect(planResume(800, 'public', log)).toEqual({ kind: 'replay', after: 800, notBefore: 1_000_000 });
  });

  it('resets a screen that was away since before today, however little before', () => {
    expect(planResume(0, 'public', log)).toEqual({ kind: 'reset' });
    expect(planResume(499, 'public', log)).toEqual({ kind: 'reset' });
  });

  it('resets a screen whose last event was before a day that has none yet', () => {
    const quietMorning: LogBounds = { lastSeq: 800, firstSeqToday: null, startOfToday: 2_000_000 };
    expect(planResume(799, 'public', quietMorning)).toEqual({ kind: 'reset' });
    expect(planResume(800, 'public', quietMorning)).toEqual({ kind: 'replay', after: 800, notBefore: 2_000_000 });
  });

  it('replays the whole history after its Last-Event-ID to staff', () => {
    expect(planResume(0, 'clerk', log)).toEqual({ kind: 'replay', after: 0, notBefore: null });
    expect(planResume(10, 'manager', log)).toEqual({ kind: 'replay', after: 10, notBefore: null });
  });

  it('resets anyone naming an event beyond the newest (a restored backup, a made-up number)', () => {
    for (const viewer of ['public', 'clerk', 'manager'] as const) expect(planResume(801, viewer, log)).toEqual({ kind: 'reset' });
  });

  it('replays nothing, without a reset, from an empty log', () => {
    expect(planResume(0, 'public', { lastSeq: 0, firstSeqToday: null, startOfToday: 0 })).toEqual({ kind: 'replay', after: 0, notBefore: 0 });
  });
});
