import { describe, expect, it } from 'vitest';
import { resolveServiceCode } from '../../../core/appointments/import-row.js';
import { DEFAULT_SERVICES } from '../../../core/defaults.js';

describe('resolveServiceCode', () => {
  it('takes a service code or a Danish or English service name, whatever the case', () => {
    expect(resolveServiceCode(['M'], DEFAULT_SERVICES)).toBe('M');
    expect(resolveServiceCode(['p'], DEFAULT_SERVICES)).toBe('P');
    expect(resolveServiceCode(['Kørekort'], DEFAULT_SERVICES)).toBe('K');
    expect(resolveServiceCode(['KØREKORT'], DEFAULT_SERVICES)).toBe('K');
    expect(resolveServiceCode([' Passport '], DEFAULT_SERVICES)).toBe('P');
  });

  it('uses the first hint that names a service and gives null when none does', () => {
    expect(resolveServiceCode(['Q', '', 'Pas', 'M'], DEFAULT_SERVICES)).toBe('P');
    expect(resolveServiceCode(['Q', 'Sundhedskort'], DEFAULT_SERVICES)).toBeNull();
    expect(resolveServiceCode([], DEFAULT_SERVICES)).toBeNull();
  });
});
