import type { Attachment } from 'svelte/attachments';

/**
 * Moves focus to a step's heading when the step appears, so a screen reader starts reading
 * there and nothing stays focused on a button that has gone. The heading needs tabindex="-1".
 */
export const focusOnMount: Attachment<HTMLElement> = (element) => {
  element.focus();
};
