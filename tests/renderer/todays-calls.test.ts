import { describe, expect, it } from 'vitest';
import type { DisplayCall } from '../../contract/display.js';
import { todaysCalls } from '../../renderer/src/lib/todays-calls.js';

const call = (seq: number, at: string): DisplayCall => ({ seq, at, type: 'ticket.called', number: `P00${seq}`, counterName: 'Skranke 1' });

describe('todaysCalls', () => {
  // Copenhagen is UTC+1 in winter: midnight there is 23:00 UTC the evening before.
  const lateYesterday = call(1, '2026-11-24T22:59:00.000Z');
  const earlyToday = call(2, '2026-11-24T23:01:00.000Z');

  it('keeps the calls of the Copenhagen day and drops the evening before', () => {
    expect(todaysCalls([earlyToday, lateYesterday], Date.parse('2026-11-25T08:00:00Z'))).toEqual([earlyToday]);
  });

  it("still shows yesterday evening's calls until Copenhagen midnight, not UTC midnight", () => {
    expect(todaysCalls([lateYesterday], Date.parse('2026-11-24T22:59:30Z'))).toEqual([lateYesterday]);
    expect(todaysCalls([lateYesterday], Date.parse('2026-11-24T23:00:00Z'))).toEqual([]);
  });

  it('follows summer time: midnight is 22:00 UTC in July', () => {
    const beforeMidnight = call(3, '2026-07-01T21:59:00.000Z');
    expect(todaysCalls([beforeMidnight], Date.parse('2026-07-01T21:59:59Z'))).toEqual([beforeMidnight]);
    expect(todaysCalls([beforeMidnight], Date.parse('2026-07-01T22:00:00Z'))).toEqual([]);
  });
});
