import { actionForKey, type ConsoleAction } from './console-actions.js';

/**
 * The console action a key press asks for, or undefined. A letter typed into a field (a login, a
 * reason) or pressed inside an open dialog is text, never a command, and a held-down key does not
 * repeat an action.
 */
export function shortcutAction(event: KeyboardEvent): ConsoleAction | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey || event.repeat || event.defaultPrevented) return undefined;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('input, select, textarea, [contenteditable]:not([contenteditable="false"])')) return undefined;
  if (document.querySelector('dialog[open]')) return undefined;
  return actionForKey(event.key);
}
