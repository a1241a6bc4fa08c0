import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../renderer/src/lib/api.js';
import { checkInRefusalOf } from '../../renderer/src/lib/kiosk-check-in-api.js';
import { importTypeOf } from '../../renderer/src/lib/manager-appointments-api.js';

describe('checkInRefusalOf', () => {
  it('names each refusal the kiosk explains', () => {
    expect(checkInRefusalOf(new ApiCallError(404, 'unknown_code', ''))).toBe('unknown');
    expect(checkInRefusalOf(new ApiCallError(409, 'already_checked_in', ''))).toBe('used');
    expect(checkInRefusalOf(new ApiCallError(409, 'appointment_cancelled', ''))).toBe('cancelled');
    expect(checkInRefusalOf(new ApiCallError(409, 'wrong_day', ''))).toBe('other_day');
    expect(checkInRefusalOf(new ApiCallError(429, 'rate_limited', ''))).toBe('too_many');
  });

  it('leaves the host being away or failing to the general "try again or ask the staff"', () => {
    expect(checkInRefusalOf(new ApiCallError(0, 'network', ''))).toBeNull();
    expect(checkInRefusalOf(new ApiCallError(500, 'internal', ''))).toBeNull();
    expect(checkInRefusalOf(new Error('boom'))).toBeNull();
  });
});

describe('importTypeOf', () => {
  it('sends .ics files as iCalendar and everything else as CSV', () => {
    expect(importTypeOf({ name: 'uge48.ics', type: '' })).toBe('text/calendar');
    expect(importTypeOf({ name: 'export', type: 'text/calendar' })).toBe('text/calendar');
    expect(importTypeOf({ name: 'Bookinger.CSV', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(importTypeOf({ name: 'bookinger.txt', type: 'text/plain' })).toBe('text/csv');
  });
});
