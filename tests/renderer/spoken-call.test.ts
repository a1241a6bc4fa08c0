import { describe, expect, it } from 'vitest';
import { spokenCall } from '../../renderer/src/lib/spoken-call.js';

describe('spokenCall', () => {
  it('spells the number and names the counter in Danish', () => {
    expect(spokenCall('M001', 'Skranke 2')).toBe('Nummer M 0 0 1, skranke 2');
  });

  it('says only the number when the counter is unknown', () => {
    expect(spokenCall('P012', null)).toBe('Nummer P 0 1 2');
  });
});
