import type { CounterOrdering, Service } from './types.js';

/** What an empty database starts with: the four services most offices run, four counters serving all. */
export const DEFAULT_SERVICES: readonly Service[] = [
  { code: 'M', names: { da: 'MitID', en: 'MitID' }, needsIdCheck: true, slaMinutes: 20, active: true },
  { code: 'P', names: { da: 'Pas', en: 'Passport' }, needsIdCheck: false, slaMinutes: 20, active: true },
  { code: 'K', names: { da: 'Kørekort', en: "Driving licence" }, needsIdCheck: false, slaMinutes: 20, active: true },
  { code: 'A', names: { da: 'Andet', en: 'Other' }, needsIdCheck: false, slaMinutes: 20, active: true },
];

export const DEFAULT_COUNTERS: readonly { name: string; ordering: CounterOrdering }[] = [1, 2, 3, 4].map((n) => ({
  name: `Skranke ${n}`,
  ordering: 'arrival',
}));
