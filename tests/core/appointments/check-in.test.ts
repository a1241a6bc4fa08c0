import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideCheckIn } from '../../../core/appointments/check-in.js';
import { DEFAULT_APPOINTMENT_RULES, type AppointmentStatus } from '../../../core/appointments/types.js';

const MINUTE = 60_000;
/** 09:15 Copenhagen on Wednesday 25 November 2026 (UTC+1). */
const SLOT = Date.UTC(2026, 10, 25, 8, 15);
const RULES = { earlyWindowMinutes: 10, lateGraceMinutes: 10 };

const booked = (status: AppointmentStatus = 'booked', officeDay = '2026-11-25') => ({ status, officeDay, slotStart: SLOT });

describe('decideCheckIn: the edges of the early window and the grace period', () => {
  it('is early until the window opens, and the ticket waits for the window', () => {
    expect(decideCheckIn(booked(), SLOT - 10 * MINUTE - 1, RULES)).toEqual({
      ok: true,
      arrival: 'early',
      priority: 'appointment',
      callableAt: SLOT - 10 * MINUTE,
    });
    expect(decideCheckIn(booked(), SLOT - 3 * 60 * MINUTE, RULES)).toMatchObject({ arrival: 'early', callableAt: SLOT - 10 * MINUTE });
  });

  it('is on time from the moment the window opens, callable at once', () => {
    const now = SLOT - 10 * MINUTE;
    expect(decideCheckIn(booked(), now, RULES)).toEqual({ ok: true, arrival: 'on_time', priority: 'appointment', callableAt: now });
    expect(decideCheckIn(booked(), SLOT, RULES)).toMatchObject({ arrival: 'on_time', callableAt: SLOT });
  });

  it('is still on time at the last moment of the grace period, and late one millisecond after', () => {
    const lastMoment = SLOT + 10 * MINUTE;
    expect(decideCheckIn(booked(), lastMoment, RULES)).toMatchObject({ arrival: 'on_time', priority: 'appointment' });
    expect(decideCheckIn(booked(), lastMoment + 1, RULES)).toEqual({
      ok: true,
      arrival: 'late',
      priority: 'normal',
      callableAt: lastMoment + 1,
    });
  });

  it('with a zero window and zero grace is on time only at the slot minute itself', () => {
    const none = { earlyWindowMinutes: 0, lateGraceMinutes: 0 };
    expect(decideCheckIn(booked(), SLOT - 1, none)).toMatchObject({ arrival: 'early', callableAt: SLOT });
    expect(decideCheckIn(booked(), SLOT, none)).toMatchObject({ arrival: 'on_time' });
    expect(decideCheckIn(booked(), SLOT + 1, none)).toMatchObject({ arrival: 'late' });
  });
});

describe('decideCheckIn: bookings that cannot be used', () => {
  it('refuses a booking already used, cancelled or marked no-show', () => {
    expect(decideCheckIn(booked('checked_in'), SLOT, RULES)).toEqual({ ok: false, error: 'already_checked_in' });
    expect(decideCheckIn(booked('cancelled'), SLOT, RULES)).toEqual({ ok: false, error: 'appointment_cancelled' });
    expect(decideCheckIn(booked('no_show'), SLOT, RULES)).toEqual({ ok: false, error: 'wrong_day' });
  });

  it('takes the Copenhagen day, not the UTC day: 00:30 on the 25th is the booked day', () => {
    // 2026-11-24T23:30Z is 00:30 on the 25th in Copenhagen.
    expect(decideCheckIn(booked(), Date.UTC(2026, 10, 24, 23, 30), RULES)).toMatchObject({ ok: true, arrival: 'early' });
    expect(decideCheckIn(booked(), Date.UTC(2026, 10, 24, 22, 59), RULES)).toEqual({ ok: false, error: 'wrong_day' });
    // 23:00Z on the 25th is already the 26th in Copenhagen.
    expect(decideCheckIn(booked(), Date.UTC(2026, 10, 25, 22, 59), RULES)).toMatchObject({ ok: true, arrival: 'late' });
    expect(decideCheckIn(booked(), Date.UTC(2026, 10, 25, 23, 0), RULES)).toEqual({ ok: false, error: 'wrong_day' });
  });
});

describe('decideCheckIn: properties', () => {
  const caseArb = fc.record({
    offsetMinutes: fc.integer({ min: -9 * 60, max: 14 * 60 }),
    earlyWindowMinutes: fc.integer({ min: 0, max: 60 }),
    lateGraceMinutes: fc.integer({ min: 0, max: 60 }),
  });

  it('never makes a ticket callable before the window opens, nor later than the check-in when on time', () => {
    fc.assert(
      fc.property(caseArb, ({ offsetMinutes, ...rules }) => {
        const now = SLOT + offsetMinutes * MINUTE;
        const decision = decideCheckIn(booked(), now, rules);
        if (!decision.ok) return;
        expect(decision.callableAt).toBeGreaterThanOrEqual(now);
        expect(decision.callableAt).toBeGreaterThanOrEqual(Math.min(now, SLOT - rules.earlyWindowMinutes * MINUTE));
        expect(decision.priority === 'normal').toBe(decision.arrival === 'late');
        if (decision.arrival !== 'early') expect(decision.callableAt).toBe(now);
        if (decision.arrival === 'early') expect(decision.callableAt).toBe(SLOT - rules.earlyWindowMinutes * MINUTE);
      }),
    );
  });

  it('uses the office defaults of 10 minutes either side', () => {
    expect(DEFAULT_APPOINTMENT_RULES.earlyWindowMinutes).toBe(10);
    expect(DEFAULT_APPOINTMENT_RULES.lateGraceMinutes).toBe(10);
    expect(decideCheckIn(booked(), SLOT - 10 * MINUTE, DEFAULT_APPOINTMENT_RULES)).toMatchObject({ arrival: 'on_time' });
  });
});
