import { PRIORITY_CLASSES, type PriorityClass, type Service } from '../types.js';

export const GROUP_BYS = ['day', 'hour', 'service', 'counter', 'clerk', 'priority'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** A group's key: a day, an hour (0–23), a service code, a counter or staff id (null: none), a priority. */
export type GroupKey = string | number | null;

/** Counter time belongs to a day, an hour, a counter and its clerk; not to a service or a priority. */
export function capacityApplies(groupBy: GroupBy): boolean {
  return groupBy === 'day' || groupBy === 'hour' || groupBy === 'counter' || groupBy === 'clerk';
}

/** An ID check happens at a time, before there is a ticket, counter or clerk. */
export function idChecksApply(groupBy: GroupBy): boolean {
  return groupBy === 'day' || groupBy === 'hour';
}

/** A booking has a day, a slot hour and a service, but is at no counter, with no clerk, of no ticket priority. */
export function bookingsApply(groupBy: GroupBy): boolean {
  return groupBy === 'day' || groupBy === 'hour' || groupBy === 'service';
}

/** Names the statistics show; staff display names are staff data, not a citizen's. */
export interface GroupNames {
  services: readonly Service[];
  counters: ReadonlyMap<number, string>;
  staff: ReadonlyMap<number, string>;
}

/** Labels are Danish: the office's own words on its own reports. */
const PRIORITY_LABELS: Record<PriorityClass, string> = { urgent: 'Akut', appointment: 'Tidsbestilling', normal: 'Almindelig' };
const NO_COUNTER = 'Ingen skranke';
const NO_CLERK = 'Ingen medarbejder';

const pad = (n: number) => String(n).padStart(2, '0');

export function groupLabel(groupBy: GroupBy, key: GroupKey, names: GroupNames): string {
  switch (groupBy) {
    case 'day':
      return String(key);
    case 'hour':
      return `${pad(Number(key))}:00–${pad((Number(key) + 1) % 24)}:00`;
    case 'service':
      return names.services.find((s) => s.code === key)?.names.da ?? String(key);
    case 'counter':
      return key === null ? NO_COUNTER : (names.counters.get(Number(key)) ?? `#${key}`);
    case 'clerk':
      return key === null ? NO_CLERK : (names.staff.get(Number(key)) ?? `#${key}`);
    case 'priority':
      return PRIORITY_LABELS[key as PriorityClass] ?? String(key);
  }
}

/**
 * Groups in reading order: days and priority classes always all (an empty day is news), the
 * rest as seen — hours in clock order, services as the kiosk lists them, counters and clerks by
 * id with "none" last.
 */
export function orderGroupKeys(groupBy: GroupBy, seen: Iterable<GroupKey>, days: readonly string[], names: GroupNames): GroupKey[] {
  const keys = new Set(seen);
  if (groupBy === 'day') return [...days];
  if (groupBy === 'priority') return [...PRIORITY_CLASSES];
  if (groupBy === 'service') {
    const listed = names.services.map((s) => s.code);
    return [...listed.filter((code) => keys.has(code)), ...[...keys].filter((k) => !listed.includes(String(k))).sort()];
  }
  const numbers = [...keys].filter((k): k is number => typeof k === 'number').sort((a, b) => a - b);
  return keys.has(null) ? [...numbers, null] : numbers;
}
