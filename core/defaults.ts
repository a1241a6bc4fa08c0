import type { OpeningHours } from './opening-hours.js';
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

const DAY_TIME = { opens: '10:00', closes: '15:00' };

/**
 * Hours most Borgerservice offices keep: weekdays 10–15, Thursday until 17:30 for those who work.
 * Off until a manager turns them on, so that a new office's kiosk never turns citizens away on
 * hours nobody chose; the manager page starts from this schedule.
 */
export const DEFAULT_OPENING_HOURS: OpeningHours = {
  enabled: false,
  week: {
    mon: [DAY_TIME],
    tue: [DAY_TIME],
    wed: [DAY_TIME],
    thu: [{ opens: '10:00', closes: '17:30' }],
    fri: [DAY_TIME],
    sat: [],
    sun: [],
  },
  closedDates: [],
};
