import { describe, expect, it } from 'vitest';
import { describeEvent, hasOwnDescription } from '../../core/audit-log.js';
import { EVENT_TYPES } from '../../core/events.js';

const names = { staffName: (id: number) => (id === 5 ? 'Anna Clerk' : null) };

describe('audit log descriptions', () => {
  it.each(EVENT_TYPES)('%s has a description of its own in Danish and English', (type) => {
    expect(hasOwnDescription(type)).toBe(true);
    const text = describeEvent(type, {}, names);
    expect(text.da.length).toBeGreaterThan(0);
    expect(text.en.length).toBeGreaterThan(0);
  });

  it('says which ticket, where and with what outcome', () => {
    expect(describeEvent('ticket.called', { number: 'M014', counterName: 'Skranke 2' }, names)).toEqual({
      da: 'Billet M014 kaldt til Skranke 2',
      en: 'Ticket M014 called to Skranke 2',
    });
    expect(describeEvent('ticket.finished', { number: 'M014', outcome: 'mitid_issued' }, names).en).toBe('Ticket M014 finished: MitID issued');
    expect(describeEvent('ticket.transferred', { number: 'P002', toServiceCode: 'K' }, names).da).toBe('Billet P002 overført til K');
    expect(describeEvent('ticket.issued', { number: 'M003', priority: 'urgent' }, names).en).toBe('Ticket M003 issued (urgent)');
  });

  it('never shows the free-text reason a clerk typed for calling out of turn', () => {
    const text = describeEvent('ticket.called', { number: 'M004', counterName: 'Skranke 1', outOfOrder: true, reason: 'Jens Hansen came back' }, names);
    expect(text.en).toBe('Ticket M004 called to Skranke 1, out of turn');
    expect(JSON.stringify(text)).not.toContain('Jens');
  });

  it('names the staff account a change was about', () => {
    expect(describeEvent('staff.created', { createdStaffId: 5, role: 'clerk' }, names)).toEqual({
      da: 'Medarbejder oprettet: Anna Clerk (medarbejder)',
      en: 'Staff account created: Anna Clerk (clerk)',
    });
    expect(describeEvent('staff.deactivated', { targetStaffId: 8 }, names).en).toBe('Staff account deactivated: #8');
  });

  it('reports a verification and a purge with their figures', () => {
    expect(describeEvent('audit.verified', { ok: true, checked: 1200 }, names).en).toBe('Audit log verified: intact (1200 events)');
    expect(describeEvent('audit.verified', { ok: false, checked: 40, firstBrokenSeq: 40 }, names).da).toBe('Revisionslog kontrolleret: brudt ved #40');
    expect(describeEvent('retention.purged', { day: '2024-01-02', tickets: 310, events: 2400 }, names).en).toBe(
      'Detail of 2024-01-02 deleted after the retention period (310 tickets, 2400 events)',
    );
  });

  it('reads an unknown type as what it is', () => {
    expect(describeEvent('kiosk.rebooted', {}, names)).toEqual({ da: 'Hændelse: kiosk.rebooted', en: 'Event: kiosk.rebooted' });
    expect(describeEvent('constructor', {}, names).en).toBe('Event: constructor');
  });
});
