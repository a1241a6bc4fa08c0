import { describe, expect, it } from 'vitest';
import { servingInterval, ticketMeasures, wasWaitingAtEndOfDay } from '../../../core/stats/ticket-measures.js';
import { newTicket } from '../../../core/ticket-lifecycle.js';
import type { Ticket } from '../../../core/types.js';

const MIN = 60_000;
const T0 = Date.parse('2026-11-25T09:00:00+01:00');
const MIDNIGHT = Date.parse('2026-11-26T00:00:00+01:00');
const ticket = (fields: Partial<Ticket>): Ticket => ({ ...newTicket({ number: 'M001', officeDay: '2026-11-25', serviceCode: 'M', arrivedAt: T0 }), id: 1, ...fields });

describe('the durations of one ticket', () => {
  it('measures wait, walk and service of a served ticket', () => {
    const served = ticket({ status: 'done', calledAt: T0 + 10 * MIN, startedAt: T0 + 12 * MIN, finishedAt: T0 + 20 * MIN });
    expect(ticketMeasures(served)).toEqual({ waitMs: 10 * MIN, walkMs: 2 * MIN, serviceMs: 8 * MIN });
    expect(servingInterval(served)).toEqual({ start: T0 + 12 * MIN, end: T0 + 20 * MIN });
  });

  it('gives a walk-up no wait and no walk, only its service', () => {
    const walkUp = ticket({ walkUp: true, status: 'done', calledAt: T0, startedAt: T0, finishedAt: T0 + 5 * MIN });
    expect(ticketMeasures(walkUp)).toEqual({ waitMs: null, walkMs: null, serviceMs: 5 * MIN });
  });

  it('counts a no-show called again up to the last call (the row keeps the last one)', () => {
    const calledBack = ticket({ status: 'done', callCount: 2, calledAt: T0 + 28 * MIN, startedAt: T0 + 29 * MIN, finishedAt: T0 + 39 * MIN });
    expect(ticketMeasures(calledBack).waitMs).toBe(28 * MIN);
  });

  it('gives a no-show a wait but no walk or service, and no serving time', () => {
    const noShow = ticket({ status: 'no_show', calledAt: T0 + 10 * MIN, finishedAt: T0 + 12 * MIN });
    expect(ticketMeasures(noShow)).toEqual({ waitMs: 10 * MIN, walkMs: null, serviceMs: null });
    expect(servingInterval(noShow)).toBeNull();
  });

  it('counts the serving time of a ticket transferred on from the desk, but no service time', () => {
    const moved = ticket({ status: 'transferred', calledAt: T0 + 15 * MIN, startedAt: T0 + 16 * MIN, finishedAt: T0 + 28 * MIN });
    expect(ticketMeasures(moved).serviceMs).toBeNull();
    expect(servingInterval(moved)).toEqual({ start: T0 + 16 * MIN, end: T0 + 28 * MIN });
  });

  it('has nothing but a missing wait for a ticket not yet called', () => {
    expect(ticketMeasures(ticket({}))).toEqual({ waitMs: null, walkMs: null, serviceMs: null });
  });
});

describe('waiting when the office day ended', () => {
  const next = (minutes: number) => MIDNIGHT + minutes * MIN;
  it.each<[string, Partial<Ticket>, number, boolean]>([
    ['still waiting', {}, T0, true],
    ['called the next morning', { status: 'done', calledAt: next(600), startedAt: next(601), finishedAt: next(610) }, T0, true],
    ['cancelled the next morning', { status: 'cancelled', finishedAt: next(540) }, T0, true],
    ['served the same day', { status: 'done', calledAt: T0 + MIN, startedAt: T0 + 2 * MIN, finishedAt: T0 + 3 * MIN }, T0, false],
    ['cancelled the same day', { status: 'cancelled', finishedAt: T0 + MIN }, T0, false],
    ['at a desk over midnight', { status: 'serving', calledAt: MIDNIGHT - MIN, startedAt: MIDNIGHT - MIN }, T0, false],
    ['put back in line after a call', { status: 'waiting', calledAt: T0 + MIN, callCount: 1 }, T0, true],
    ['a continuation made the next morning', { transferredFromId: 9, status: 'waiting' }, next(500), false],
    ['a walk-up', { walkUp: true, status: 'serving', calledAt: T0, startedAt: T0 }, T0, false],
  ])('%s → %s', (_, fields, existsFrom, expected) => {
    expect(wasWaitingAtEndOfDay(ticket(fields), MIDNIGHT, existsFrom)).toBe(expected);
  });
});
