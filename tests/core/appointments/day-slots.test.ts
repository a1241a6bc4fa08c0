import { describe, expect, it } from 'vitest';
import { daySlots } from '../../../core/appointments/day-slots.js';

const at = (iso: string) => Date.parse(iso);

describe('daySlots', () => {
  it('lays the stretch out in whole slots by the Copenhagen clock; a last slot that would run past the end is left out', () => {
    const slots = daySlots('2026-11-25', 20, 9 * 60, 10 * 60 + 10);
    expect(slots).toEqual([
      { start: at('2026-11-25T09:00:00+01:00'), end: at('2026-11-25T09:20:00+01:00') },
      { start: at('2026-11-25T09:20:00+01:00'), end: at('2026-11-25T09:40:00+01:00') },
      { start: at('2026-11-25T09:40:00+01:00'), end: at('2026-11-25T10:00:00+01:00') },
    ]);
  });

  it('starts summer-time slots at the clock time too', () => {
    expect(daySlots('2026-06-10', 15, 8 * 60, 8 * 60 + 15)).toEqual([{ start: at('2026-06-10T08:00:00+02:00'), end: at('2026-06-10T08:15:00+02:00') }]);
  });

  it('skips the hour that does not exist when the clocks go forward, without repeating a slot', () => {
    const slots = daySlots('2026-03-29', 30, 60, 4 * 60);
    expect(slots.map((s) => new Date(s.start).toISOString())).toEqual([
      '2026-03-29T00:00:00.000Z', // 01:00+01
      '2026-03-29T00:30:00.000Z', // 01:30+01
      '2026-03-29T01:00:00.000Z', // 03:00+02 (02:00 does not exist; it is taken an hour later)
      '2026-03-29T01:30:00.000Z', // 03:30+02 (02:30 likewise)
    ]);
    expect(new Set(slots.map((s) => s.start)).size).toBe(slots.length);
  });
});
