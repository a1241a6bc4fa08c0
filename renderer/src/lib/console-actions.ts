import type { TicketStatus } from '../../../core/types.js';

/** What a clerk can do from the console with one key. */
export type ConsoleAction = 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'requeue' | 'transfer' | 'walkUp';

/** One letter each, shown on the buttons; chosen from the English verbs so they stay put when the page language changes. */
export const SHORTCUT_KEYS: Record<ConsoleAction, string> = {
  callNext: 'N',
  recall: 'R',
  start: 'S',
  finish: 'F',
  noShow: 'U',
  requeue: 'Q',
  transfer: 'T',
  walkUp: 'W',
};

/** Which actions fit the ticket at the counter (null: no ticket). Mirrors the host's lifecycle rules, so buttons that would be refused are disabled. */
const ALLOWED: Record<ConsoleAction, readonly (TicketStatus | null)[]> = {
  callNext: [null],
  walkUp: [null],
  recall: ['called'],
  start: ['called'],
  noShow: ['called'],
  finish: ['called', 'serving'],
  requeue: ['called', 'serving'],
  transfer: ['called', 'serving'],
};

export function fitsTicket(action: ConsoleAction, status: TicketStatus | null): boolean {
  return ALLOWED[action].includes(status);
}

export function actionForKey(key: string): ConsoleAction | undefined {
  const upper = key.toUpperCase();
  return (Object.keys(SHORTCUT_KEYS) as ConsoleAction[]).find((action) => SHORTCUT_KEYS[action] === upper);
}
