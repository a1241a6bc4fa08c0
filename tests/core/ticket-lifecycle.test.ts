import { describe, it, expect } from 'vitest';
import fc from 'fast-check';

import {
  applyTicketAction,
  canApply,
  continuationOf,
  isAtCounter,
  type TicketAction,
  type TicketActionKind,
} from '../../core/ticket-lifecycle.js';
import { formatTicketNumber } from '../../core/ticket-number.js';
import {
  OUTCOMES,
  PRIORITY_CLASSES,
  TICKET_STATUSES,
  URGENT_REASONS,
  type Ticket,
  type TicketStatus,
} from '../../core/types.js';

const MINUTE = 60_000;
const ARRIVED = Date.UTC(2026, 2, 2, 8, 30);
const CALLED = ARRIVED + 12 * MINUTE;
const STARTED = CALLED + MINUTE;
const FINISHED = STARTED + 9 * MINUTE;
const NOW = FINISHED + 20 * MINUTE;
const COUNTER_ID = 3;
const STAFF_ID = 12;

/** One example of every action, keyed by kind so a new kind cannot be forgotten here. */
const SAMPLE_ACTIONS: Record<TicketActionKind, TicketAction> = {
  call: { kind: 'call', counterId: 5, staffId: 21 },
  recall: { kind: 'recall' },
  start: { kind: 'start' },
  finish: { kind: 'finish', outcome: 'mitid_issued' },
  no_show: { kind: 'no_show' },
  requeue: { kind: 'requeue' },
  transfer: { kind: 'transfer' },
  cancel: { kind: 'cancel' },
};
const ACTION_KINDS = Object.keys(SAMPLE_ACTIONS) as TicketActionKind[];

/** The office's rules: what a clerk may do to a ticket in each status. */
const ALLOWED: Record<TicketStatus, readonly TicketActionKind[]> = {
  waiting: ['call', 'transfer', 'cancel'],
  called: ['recall', 'start', 'finish', 'no_show', 'requeue', 'transfer'],
  serving: ['finish', 'requeue', 'transfer'],
  done: [],
  no_show: ['call'],
  cancelled: [],
  transferred: [],
};

const STATUS_AFTER: Record<TicketActionKind, TicketStatus> = {
  call: 'called',
  recall: 'called',
  start: 'serving',
  finish: 'done',
  no_show: 'no_show',
  requeue: 'waiting',
  transfer: 'transferred',
  cancel: 'cancelled',
};

/** A ticket as it would look in the database in the given status. */
function ticketIn(status: TicketStatus, overrides: Partial<Ticket> = {}): Ticket {
  const wasCalled = status !== 'waiting' && status !== 'cancelled';
  const wasStarted = status === 'serving' || status === 'done';
  const isFinished = status === 'done' || status === 'no_show' || status === 'cancelled' || status === 'transferred';
  return {
    id: 41,
    number: formatTicketNumber('M', 7),
    officeDay: '2026-03-02',
    serviceCode: 'M',
    priority: 'urgent',
    urgentReason: 'hospital_summons',
    status,
    arrivedAt: ARRIVED,
    callableAt: ARRIVED,
    calledAt: wasCalled ? CALLED : null,
    startedAt: wasStarted ? STARTED : null,
    finishedAt: isFinished ? FINISHED : null,
    callCount: wasCalled ? 1 : 0,
    counterId: wasCalled ? COUNTER_ID : null,
    staffId: wasCalled ? STAFF_ID : null,
    outcome: status === 'done' ? 'referred' : null,
    idCheckId: 99,
    supplementDeclared: true,
    manualIdCheck: false,
    estimatedWaitMinutes: 14,
    transferredFromId: null,
    walkUp: false,
    ...overrides,
  };
}

function applied(ticket: Ticket, action: TicketAction, now = NOW): Ticket {
  const result = applyTicketAction(ticket, action, now);
  if (!result.ok) throw new Error(`expected ${action.kind} to be allowed from ${ticket.status}: ${result.message}`);
  return result.ticket;
}

describe('which actions each status allows', () => {
  const cases = TICKET_STATUSES.flatMap((status) =>
    ACTION_KINDS.map((kind) => [status, kind, ALLOWED[status].includes(kind)] as const),
  );

  it.each(cases)('%s + %s → allowed: %s', (status, kind, allowed) => {
    const ticket = Object.freeze(ticketIn(status));
    expect(canApply(ticket, kind)).toBe(allowed);

    const result = applyTicketAction(ticket, SAMPLE_ACTIONS[kind], NOW);
    if (allowed) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.ticket.status).toBe(STATUS_AFTER[kind]);
    } else {
      expect(result).toEqual({ ok: false, error: 'invalid_transition', message: expect.any(String) });
    }
  });

  it('says which ticket, which status and which action when refusing', () => {
    const result = applyTicketAction(ticketIn('done'), { kind: 'no_show' }, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('M007');
      expect(result.message).toContain('done');
      expect(result.message).toContain('no-show');
    }
  });

  it.each(TICKET_STATUSES)('a %s ticket is at a counter only while called or being served', (status) => {
    expect(isAtCounter(status)).toBe(status === 'called' || status === 'serving');
  });
});

describe('what each action does to the ticket', () => {
  it('call: records the call, the counter and the clerk, and counts the call', () => {
    const ticket = applied(ticketIn('waiting'), { kind: 'call', counterId: 5, staffId: 21 });
    expect(ticket).toEqual({
      ...ticketIn('waiting'),
      status: 'called',
      calledAt: NOW,
      startedAt: null,
      callCount: 1,
      counterId: 5,
      staffId: 21,
    });
  });

  it('call after a no-show: calls the citizen again and counts the last call', () => {
    const ticket = applied(ticketIn('no_show', { callCount: 2 }), { kind: 'call', counterId: 5, staffId: 21 });
    expect(ticket.status).toBe('called');
    expect(ticket.calledAt).toBe(NOW);
    expect(ticket.callCount).toBe(3);
    expect(ticket.counterId).toBe(5);
    expect(ticket.staffId).toBe(21);
    expect(ticket.arrivedAt).toBe(ARRIVED);
    // Live again: the end time of the no-show no longer holds.
    expect(ticket.finishedAt).toBeNull();
  });

  it('recall: announces again without moving the end of the wait', () => {
    const ticket = applied(ticketIn('called'), { kind: 'recall' });
    expect(ticket).toEqual({ ...ticketIn('called'), callCount: 2 });
  });

  it('start: records when service began', () => {
    const ticket = applied(ticketIn('called'), { kind: 'start' });
    expect(ticket).toEqual({ ...ticketIn('called'), status: 'serving', startedAt: NOW });
  });

  it('finish from serving: keeps the start time and records the end and the outcome', () => {
    const ticket = applied(ticketIn('serving'), { kind: 'finish', outcome: 'refused_no_valid_id' });
    expect(ticket).toEqual({ ...ticketIn('serving'), status: 'done', finishedAt: NOW, outcome: 'refused_no_valid_id' });
  });

  it('finish straight from called: service started and ended now', () => {
    const ticket = applied(ticketIn('called'), { kind: 'finish', outcome: 'mitid_issued' });
    expect(ticket).toEqual({ ...ticketIn('called'), status: 'done', startedAt: NOW, finishedAt: NOW, outcome: 'mitid_issued' });
  });

  it('no-show: closes the ticket now, keeping the counter for the statistics', () => {
    const ticket = applied(ticketIn('called'), { kind: 'no_show' });
    expect(ticket).toEqual({ ...ticketIn('called'), status: 'no_show', finishedAt: NOW });
  });

  it.each(['called', 'serving'] as const)('requeue from %s: back in line at the original arrival time, free of any counter', (status) => {
    const ticket = applied(ticketIn(status), { kind: 'requeue' });
    expect(ticket.status).toBe('waiting');
    expect(ticket.arrivedAt).toBe(ARRIVED);
    expect(ticket.callableAt).toBe(ARRIVED);
    expect(ticket.counterId).toBeNull();
    expect(ticket.staffId).toBeNull();
    expect(ticket.startedAt).toBeNull();
    expect(ticket.callCount).toBe(1);
  });

  it.each(['waiting', 'called', 'serving'] as const)('transfer from %s: closes this ticket now', (status) => {
    const ticket = applied(ticketIn(status), { kind: 'transfer' });
    expect(ticket).toEqual({ ...ticketIn(status), status: 'transferred', finishedAt: NOW });
  });

  it('cancel: closes a waiting ticket now', () => {
    const ticket = applied(ticketIn('waiting'), { kind: 'cancel' });
    expect(ticket).toEqual({ ...ticketIn('waiting'), status: 'cancelled', finishedAt: NOW });
  });

  it('a whole visit: call, recall, start, finish', () => {
    let ticket = ticketIn('waiting');
    ticket = applied(ticket, { kind: 'call', counterId: COUNTER_ID, staffId: STAFF_ID }, CALLED);
    ticket = applied(ticket, { kind: 'recall' }, CALLED + MINUTE);
    ticket = applied(ticket, { kind: 'start' }, STARTED + MINUTE);
    ticket = applied(ticket, { kind: 'finish', outcome: 'mitid_issued' }, FINISHED);
    expect(ticket).toMatchObject({
      status: 'done',
      calledAt: CALLED,
      startedAt: STARTED + MINUTE,
      finishedAt: FINISHED,
      callCount: 2,
      counterId: COUNTER_ID,
      staffId: STAFF_ID,
      outcome: 'mitid_issued',
    });
  });
});

describe('continuationOf', () => {
  const transferred = ticketIn('transferred', { id: 77, priority: 'urgent', urgentReason: 'hospital_summons', manualIdCheck: true });
  const next = continuationOf(transferred, 'P');

  it('keeps the number, the day, the place in line and the priority', () => {
    expect(next).toMatchObject({
      number: transferred.number,
      officeDay: transferred.officeDay,
      arrivedAt: transferred.arrivedAt,
      callableAt: transferred.callableAt,
      priority: 'urgent',
      urgentReason: 'hospital_summons',
    });
  });

  it('carries the ID check over, so the citizen is not scanned twice', () => {
    expect(next).toMatchObject({ idCheckId: 99, supplementDeclared: true, manualIdCheck: true });
  });

  it('links back to the transferred ticket and waits fresh in the new service', () => {
    expect(next).toMatchObject({
      serviceCode: 'P',
      transferredFromId: 77,
      status: 'waiting',
      calledAt: null,
      startedAt: null,
      finishedAt: null,
      callCount: 0,
      counterId: null,
      staffId: null,
      outcome: null,
      walkUp: false,
    });
    expect(next).not.toHaveProperty('id');
  });

  it('does not change the transferred ticket', () => {
    expect(transferred).toEqual(ticketIn('transferred', { id: 77, priority: 'urgent', urgentReason: 'hospital_summons', manualIdCheck: true }));
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random action sequences.
// ---------------------------------------------------------------------------------------------

const nullableTime = fc.option(fc.integer({ min: ARRIVED, max: NOW }), { nil: null });

const ticketArb: fc.Arbitrary<Ticket> = fc.record({
  id: fc.integer({ min: 1, max: 10_000 }),
  number: fc.tuple(fc.constantFrom('M', 'P', 'K', 'A'), fc.integer({ min: 1, max: 1500 })).map(([code, n]) => formatTicketNumber(code, n)),
  officeDay: fc.constant('2026-03-02'),
  serviceCode: fc.constantFrom('M', 'P', 'K', 'A'),
  priority: fc.constantFrom(...PRIORITY_CLASSES),
  urgentReason: fc.option(fc.constantFrom(...URGENT_REASONS), { nil: null }),
  status: fc.constantFrom(...TICKET_STATUSES),
  arrivedAt: fc.integer({ min: ARRIVED - 60 * MINUTE, max: ARRIVED }),
  callableAt: fc.integer({ min: ARRIVED - 60 * MINUTE, max: ARRIVED + 60 * MINUTE }),
  calledAt: nullableTime,
  startedAt: nullableTime,
  finishedAt: nullableTime,
  callCount: fc.nat({ max: 5 }),
  counterId: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
  staffId: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
  outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: null }),
  idCheckId: fc.option(fc.nat(), { nil: null }),
  supplementDeclared: fc.option(fc.boolean(), { nil: null }),
  manualIdCheck: fc.boolean(),
  estimatedWaitMinutes: fc.option(fc.nat({ max: 120 }), { nil: null }),
  transferredFromId: fc.option(fc.nat(), { nil: null }),
  walkUp: fc.boolean(),
});

const actionArb: fc.Arbitrary<TicketAction> = fc.oneof(
  fc.record({ kind: fc.constant('call' as const), counterId: fc.integer({ min: 1, max: 8 }), staffId: fc.integer({ min: 1, max: 50 }) }),
  fc.constant({ kind: 'recall' as const }),
  fc.constant({ kind: 'start' as const }),
  fc.record({ kind: fc.constant('finish' as const), outcome: fc.constantFrom(...OUTCOMES) }),
  fc.constant({ kind: 'no_show' as const }),
  fc.constant({ kind: 'requeue' as const }),
  fc.constant({ kind: 'transfer' as const }),
  fc.constant({ kind: 'cancel' as const }),
);

/** Actions with the minutes that pass before each, so time only moves forward. */
const storyArb = fc.array(fc.tuple(actionArb, fc.integer({ min: 0, max: 30 })), { maxLength: 25 });

describe('applyTicketAction: properties', () => {
  it('never leaves the known statuses and never changes the ticket it is given', () => {
    fc.assert(
      fc.property(ticketArb, storyArb, (start, story) => {
        let ticket = start;
        let now = NOW;
        for (const [action, minutes] of story) {
          now += minutes * MINUTE;
          // Frozen: any write to the given ticket throws (ESM code runs in strict mode).
          const result = applyTicketAction(Object.freeze(ticket), action, now);
          expect(result.ok).toBe(canApply(ticket, action.kind));
          if (result.ok) {
            expect(TICKET_STATUSES).toContain(result.ticket.status);
            expect(result.ticket).not.toBe(ticket);
            ticket = result.ticket;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps who the ticket is and where it stands in line, and never uncounts a call', () => {
    fc.assert(
      fc.property(ticketArb, storyArb, (start, story) => {
        let ticket = start;
        let now = NOW;
        for (const [action, minutes] of story) {
          now += minutes * MINUTE;
          const result = applyTicketAction(ticket, action, now);
          if (!result.ok) continue;
          const next = result.ticket;
          expect(next).toMatchObject({
            id: ticket.id,
            number: ticket.number,
            officeDay: ticket.officeDay,
            serviceCode: ticket.serviceCode,
            priority: ticket.priority,
            urgentReason: ticket.urgentReason,
            arrivedAt: ticket.arrivedAt,
            callableAt: ticket.callableAt,
          });
          const callsMade = action.kind === 'call' || action.kind === 'recall' ? 1 : 0;
          expect(next.callCount).toBe(ticket.callCount + callsMade);
          ticket = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('from a fresh ticket: a ticket at a counter names the counter, a waiting one none, and times run in order', () => {
    fc.assert(
      fc.property(storyArb, (story) => {
        let ticket = ticketIn('waiting');
        let now = NOW;
        for (const [action, minutes] of story) {
          now += minutes * MINUTE;
          const result = applyTicketAction(ticket, action, now);
          if (!result.ok) continue;
          ticket = result.ticket;
          if (isAtCounter(ticket.status)) {
            expect(ticket.counterId).not.toBeNull();
            expect(ticket.staffId).not.toBeNull();
          }
          if (ticket.status === 'waiting') {
            expect(ticket.counterId).toBeNull();
            expect(ticket.startedAt).toBeNull();
          }
          if (ticket.status === 'serving' || ticket.status === 'done') {
            expect(ticket.calledAt).not.toBeNull();
            expect(ticket.startedAt).toBeGreaterThanOrEqual(ticket.calledAt!);
          }
          if (ticket.status === 'done') {
            expect(ticket.finishedAt).toBeGreaterThanOrEqual(ticket.startedAt!);
            expect(ticket.outcome).not.toBeNull();
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
