import { describe, expect, it } from 'vitest';
import type { ServiceView } from '../../contract/services.js';
import { groupLabel } from '../../renderer/src/lib/stats-group-labels.js';

const SERVICES: ServiceView[] = [{ code: 'P', names: { da: 'Pas', en: 'Passport' }, needsIdCheck: false, slaMinutes: 30 }];

describe('group names in the manager’s language', () => {
  it('names services, priorities and "none" in Danish and English', () => {
    expect(groupLabel('service', { key: 'P', label: 'Pas' }, SERVICES, 'en')).toBe('Passport');
    expect(groupLabel('service', { key: 'P', label: 'Pas' }, SERVICES, 'da')).toBe('Pas');
    // A service since removed is still named, by the host's label.
    expect(groupLabel('service', { key: 'X', label: 'Gammel ydelse' }, SERVICES, 'en')).toBe('Gammel ydelse');
    expect(groupLabel('priority', { key: 'urgent', label: 'Akut' }, SERVICES, 'en')).toBe('Urgent');
    expect(groupLabel('priority', { key: 'normal', label: 'Almindelig' }, SERVICES, 'da')).toBe('Almindelig');
    expect(groupLabel('counter', { key: null, label: 'Ingen skranke' }, SERVICES, 'en')).toBe('No counter');
    expect(groupLabel('clerk', { key: null, label: 'Ingen medarbejder' }, SERVICES, 'en')).toBe('No clerk');
  });

  it('keeps the office’s own names of counters and clerks, and the clock hours', () => {
    expect(groupLabel('counter', { key: 2, label: 'Skranke 2' }, SERVICES, 'en')).toBe('Skranke 2');
    expect(groupLabel('clerk', { key: 7, label: 'Anna Jensen' }, SERVICES, 'en')).toBe('Anna Jensen');
    expect(groupLabel('hour', { key: 9, label: '09:00–10:00' }, SERVICES, 'en')).toBe('09:00–10:00');
  });

  it('writes days with their weekday', () => {
    expect(groupLabel('day', { key: '2026-11-25', label: '2026-11-25' }, SERVICES, 'en')).toMatch(/^Wed,? 25 Nov 2026$/);
  });
});
