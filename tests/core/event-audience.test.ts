import { describe, expect, it } from 'vitest';
import { audienceOfRole, EVENT_AUDIENCE, EVENT_TYPES, eventForViewer, type OfficeEvent } from '../../core/events.js';

const eventOf = (type: OfficeEvent['type']): OfficeEvent => ({
  seq: 7,
  at: 1000,
  type,
  ticketId: 3,
  counterId: 1,
  staffId: 2,
  data: { number: 'M001', serviceCode: 'M', status: 'called', priority: 'urgent', urgentReason: 'hospital_summons', counterName: 'Skranke 1' },
});

describe('event audiences', () => {
  it('maps roles to audiences: admins are managers, nobody logged in is the public', () => {
    expect([audienceOfRole(null), audienceOfRole('clerk'), audienceOfRole('manager'), audienceOfRole('admin')]).toEqual(['public', 'clerk', 'manager', 'manager']);
  });

  it('shows each type to its audience and above, the public only its projection', () => {
    for (const type of EVENT_TYPES) {
      const audience = EVENT_AUDIENCE[type];
      const event = eventOf(type);
      expect(eventForViewer(event, 'manager'), type).toBe(event);
      expect(eventForViewer(event, 'clerk'), type).toBe(audience === 'manager' ? null : event);
      const forPublic = eventForViewer(event, 'public');
      if (audience === 'public') expect(forPublic, type).toEqual({ seq: 7, at: 1000, type, data: { number: 'M001', serviceCode: 'M', status: 'called', counterName: 'Skranke 1' } });
      else expect(forPublic, type).toBeNull();
    }
  });
});
