import { describe, expect, it } from 'vitest';
import { counterSessions, splitByDay, splitByHour, type CounterEvent } from '../../../core/stats/capacity.js';
import { CopenhagenTime } from '../../../core/stats/local-time.js';

const at = (iso: string) => Date.parse(iso);
const opened = (iso: string, counterId: number, staffId: number): CounterEvent => ({ at: at(iso), type: 'counter.opened', counterId, staffId });
const closed = (iso: string, counterId: number, staffId: number): CounterEvent => ({ at: at(iso), type: 'counter.closed', counterId, staffId });
const window = { start: at('2026-11-25T00:00:00+01:00'), end: at('2026-11-26T00:00:00+01:00') };

describe('counter sessions from opened/closed events', () => {
  it('pairs each opening with its closing, per counter', () => {
    const sessions = counterSessions(
      [opened('2026-11-25T09:00:00+01:00', 1, 7), opened('2026-11-25T09:30:00+01:00', 2, 8), closed('2026-11-25T11:00:00+01:00', 1, 7), closed('2026-11-25T12:00:00+01:00', 2, 8)],
      window,
    );
    expect(sessions).toEqual([
      { counterId: 1, staffId: 7, start: at('2026-11-25T09:00:00+01:00'), end: at('2026-11-25T11:00:00+01:00') },
      { counterId: 2, staffId: 8, start: at('2026-11-25T09:30:00+01:00'), end: at('2026-11-25T12:00:00+01:00') },
    ]);
  });

  it('cuts a counter opened before the window at its start, and one still open at its end', () => {
    const sessions = counterSessions([opened('2026-11-24T15:00:00+01:00', 1, 7), opened('2026-11-25T20:00:00+01:00', 2, 8)], window);
    expect(sessions).toEqual([
      { counterId: 1, staffId: 7, start: window.start, end: window.end },
      { counterId: 2, staffId: 8, start: at('2026-11-25T20:00:00+01:00'), end: window.end },
    ]);
  });

  it('drops sessions outside the window, closings without an opening and empty stretches', () => {
    const sessions = counterSessions(
      [
        opened('2026-11-24T09:00:00+01:00', 1, 7),
        closed('2026-11-24T17:00:00+01:00', 1, 7),
        closed('2026-11-25T08:00:00+01:00', 3, 9),
        opened('2026-11-25T10:00:00+01:00', 4, 9),
        closed('2026-11-25T10:00:00+01:00', 4, 9),
      ],
      window,
    );
    expect(sessions).toEqual([]);
  });

  it('starts a new session when a counter is opened again without a closing (another clerk took over)', () => {
    const sessions = counterSessions([opened('2026-11-25T09:00:00+01:00', 1, 7), opened('2026-11-25T10:00:00+01:00', 1, 8), closed('2026-11-25T10:30:00+01:00', 1, 8)], window);
    expect(sessions.map((s) => [s.staffId, (s.end - s.start) / 60_000])).toEqual([
      [7, 60],
      [8, 30],
    ]);
  });
});

describe('splitting counter time into days and clock hours', () => {
  const times = new CopenhagenTime();

  it('splits at Copenhagen midnight, giving the autumn Sunday 25 hours', () => {
    const pieces: Array<[string, number]> = [];
    splitByDay(at('2026-10-24T22:00:00+02:00'), at('2026-10-26T01:00:00+01:00'), times, (day, ms) => pieces.push([day, ms / 3_600_000]));
    expect(pieces).toEqual([
      ['2026-10-24', 2],
      ['2026-10-25', 25],
      ['2026-10-26', 1],
    ]);
  });

  it('splits at whole clock hours; the repeated 02 hour gets both', () => {
    const pieces: Array<[number, number]> = [];
    splitByHour(at('2026-10-25T01:30:00+02:00'), at('2026-10-25T03:15:00+01:00'), times, (hour, ms) => pieces.push([hour, ms / 60_000]));
    expect(pieces).toEqual([
      [1, 30],
      [2, 60],
      [2, 60],
      [3, 15],
    ]);
  });

  it('gives nothing for an empty stretch', () => {
    const add = () => expect.unreachable();
    splitByDay(5, 5, times, add);
    splitByHour(5, 5, times, add);
  });
});
