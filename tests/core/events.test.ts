import { describe, it, expect } from 'vitest';
import fc from 'fast-check';

import { EVENT_TYPES, toPublicEvent, type EventType, type OfficeEvent } from '../../core/events.js';
import { formatTicketNumber } from '../../core/ticket-number.js';
import { TICKET_STATUSES, type TicketStatus } from '../../core/types.js';

const AT = Date.UTC(2026, 2, 2, 9, 15);

/** What a waiting-room screen is allowed to learn about a ticket. */
const PUBLIC_TYPES: readonly EventType[] = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.finished',
  'ticket.no_show',
  'ticket.requeued',
  'ticket.transferred',
  'ticket.cancelled',
];
const STAFF_ONLY_TYPES = EVENT_TYPES.filter((type) => !PUBLIC_TYPES.includes(type));

/** Everything the staff event says about a ticket, including what the public must never see. */
function staffEvent(type: EventType, data: Record<string, unknown> = {}): OfficeEvent {
  return {
    seq: 314,
    at: AT,
    type,
    ticketId: 41,
    counterId: 3,
    staffId: 12,
    data: {
      number: 'M007',
      serviceCode: 'M',
      status: 'called',
      priority: 'urgent',
      urgentReason: 'hospital_summons',
      counterId: 3,
      counterName: 'Skranke 3',
      outcome: 'refused_no_valid_id',
      toTicketId: 42,
      toServiceCode: 'P',
      reason: 'came back from the pharmacy',
      ...data,
    },
  };
}

describe('toPublicEvent', () => {
  it.each(PUBLIC_TYPES)('%s: shows number, service, status and counter name, nothing else', (type) => {
    expect(toPublicEvent(staffEvent(type))).toEqual({
      seq: 314,
      at: AT,
      type,
      data: { number: 'M007', serviceCode: 'M', status: 'called', counterName: 'Skranke 3' },
    });
  });

  it.each(STAFF_ONLY_TYPES)('%s: has nothing for a public screen', (type) => {
    expect(toPublicEvent(staffEvent(type))).toBeNull();
  });

  it('shows no counter for a ticket that is not at one', () => {
    const { counterName: _, ...withoutCounter } = staffEvent('ticket.issued').data;
    expect(toPublicEvent({ ...staffEvent('ticket.issued'), data: withoutCounter })?.data.counterName).toBeNull();
    expect(toPublicEvent(staffEvent('ticket.issued', { counterName: null }))?.data.counterName).toBeNull();
    expect(toPublicEvent(staffEvent('ticket.issued', { counterName: 3 }))?.data.counterName).toBeNull();
  });

  it.each(['number', 'serviceCode', 'status'])('drops a ticket event whose %s is missing or not text', (field) => {
    const { [field]: _, ...withoutField } = staffEvent('ticket.called').data;
    expect(toPublicEvent({ ...staffEvent('ticket.called'), data: withoutField })).toBeNull();
    expect(toPublicEvent(staffEvent('ticket.called', { [field]: 7 }))).toBeNull();
    expect(toPublicEvent(staffEvent('ticket.called', { [field]: null }))).toBeNull();
  });

  it('does not change the event it projects', () => {
    const event = staffEvent('ticket.called');
    const before = structuredClone(event);
    toPublicEvent(event);
    expect(event).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever a staff event carries, the public projection carries only the four fields.
// ---------------------------------------------------------------------------------------------

/** Values that would give a person or a hospital letter away if they ever reached a screen. */
const SECRET_STAFF_ID = 987_654_321;
const SECRET_COUNTER_ID = 876_543_219;
const SECRET_TICKET_ID = 765_432_198;

const extraDataArb = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 });

const eventArb = fc.record({
  seq: fc.nat(),
  at: fc.integer({ min: AT - 86_400_000, max: AT + 86_400_000 }),
  type: fc.constantFrom(...EVENT_TYPES),
  number: fc.tuple(fc.constantFrom('M', 'P', 'K', 'A'), fc.integer({ min: 1, max: 1500 })).map(([code, n]) => formatTicketNumber(code, n)),
  serviceCode: fc.constantFrom('M', 'P', 'K', 'A'),
  status: fc.constantFrom<TicketStatus>(...TICKET_STATUSES),
  counterName: fc.option(fc.constantFrom('Skranke 1', 'Skranke 2', 'Skranke 4'), { nil: undefined }),
  extra: extraDataArb,
});

describe('toPublicEvent: properties', () => {
  it('never passes on priority, urgent reason, staff, counter or ticket ids, or any other data', () => {
    fc.assert(
      fc.property(eventArb, ({ seq, at, type, number, serviceCode, status, counterName, extra }) => {
        const event: OfficeEvent = {
          seq,
          at,
          type,
          ticketId: SECRET_TICKET_ID,
          counterId: SECRET_COUNTER_ID,
          staffId: SECRET_STAFF_ID,
          data: {
            ...extra,
            number,
            serviceCode,
            status,
            counterName,
            priority: 'urgent',
            urgentReason: 'hospital_summons',
            staffId: SECRET_STAFF_ID,
            counterId: SECRET_COUNTER_ID,
          },
        };
        const projected = toPublicEvent(event);

        if (!PUBLIC_TYPES.includes(type)) {
          expect(projected).toBeNull();
          return;
        }
        expect(projected).toEqual({
          seq,
          at,
          type,
          data: { number, serviceCode, status, counterName: counterName ?? null },
        });
        expect(Object.keys(projected!).sort()).toEqual(['at', 'data', 'seq', 'type']);
        expect(Object.keys(projected!.data).sort()).toEqual(['counterName', 'number', 'serviceCode', 'status']);
        const wire = JSON.stringify(projected!.data);
        for (const secret of ['urgent', 'hospital_summons', String(SECRET_STAFF_ID), String(SECRET_COUNTER_ID), String(SECRET_TICKET_ID)]) {
          expect(wire).not.toContain(secret);
        }
      }),
      { numRuns: 300 },
    );
  });
});
