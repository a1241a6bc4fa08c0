import type { ServiceView } from '../../../contract/services.js';
import type { StatsGroup } from '../../../core/stats/accumulator.js';
import type { GroupBy } from '../../../core/stats/grouping.js';
import { PRIORITY_CLASSES, type Lang, type PriorityClass } from '../../../core/types.js';
import { formatShortDay } from './manager-format.js';
import { priorityGroupText, statisticsText as t } from './manager-statistics-texts.js';

/**
 * A group's name in the manager's language. The host labels groups in Danish (the office's own
 * reports); services have names in both languages, and "none" and the priorities are ours to say.
 * Counter names and clerks' display names are what the office called them.
 */
export function groupLabel(groupBy: GroupBy, group: Pick<StatsGroup, 'key' | 'label'>, services: readonly ServiceView[], lang: Lang): string {
  switch (groupBy) {
    case 'day':
      return formatShortDay(String(group.key), lang);
    case 'service':
      return services.find((s) => s.code === group.key)?.names[lang] ?? group.label;
    case 'counter':
      return group.key === null ? t.noCounter[lang] : group.label;
    case 'clerk':
      return group.key === null ? t.noClerk[lang] : group.label;
    case 'priority':
      return (PRIORITY_CLASSES as readonly unknown[]).includes(group.key) ? priorityGroupText[group.key as PriorityClass][lang] : group.label;
    case 'hour':
      return group.label;
  }
}
