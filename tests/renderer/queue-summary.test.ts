import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../contract/tickets.js';
import { summarizeQueue } from '../../renderer/src/lib/queue-summary.js';

const waiting = (id: number, serviceCode: string, arrivedAt: string, urgent = false): TicketView => ({
  id,
  number: `${serviceCode}${String(id).padStart(3, '0')}`,
  serviceCode,
  priority: urgent ? 'urgent' : 'normal',
  urgentReason: urgent ? 'hospital_summons' : null,
  status: 'waiting',
  estimatedWaitMinutes: null,
  arrivedAt,
  calledAt: null,
  startedAt: null,
  finishedAt: null,
  callCount: 0,
  counterId: null,
  outcome: null,
  idCheckId: null,
  supplementDeclared: null,
  manualIdCheck: false,
  transferredFromId: null,
  walkUp: false,
});

describe('summarizeQueue', () => {
  it('counts waiting and urgent tickets per service and finds the longest wait', () => {
    const now = Date.parse('2025-03-03T10:00:00Z');
    const tickets = [
      waiting(1, 'M', '2025-03-03T09:40:00Z'),
      waiting(2, 'M', '2025-03-03T09:55:00Z', true),
      waiting(3, 'P', '2025-03-03T09:58:30Z'),
    ];
    expect(summarizeQueue(tickets, ['M', 'P', 'K'], now)).toEqual([
      { serviceCode: 'M', waiting: 2, urgent: 1, longestWaitMs: 20 * 60_000 },
      { serviceCode: 'P', waiting: 1, urgent: 0, longestWaitMs: 90_000 },
      { serviceCode: 'K', waiting: 0, urgent: 0, longestWaitMs: null },
    ]);
  });
});
