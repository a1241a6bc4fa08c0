import type { LocalizedText } from '../../../core/types.js';
import { ApiCallError } from './api.js';

export type Feedback = { kind: 'ok'; text: LocalizedText } | { kind: 'error'; text: LocalizedText; detail: string };

const NOT_SAVED: LocalizedText = { da: 'Ikke gemt:', en: 'Not saved:' };
const NOT_LOADED: LocalizedText = { da: 'Kunne ikke hentes:', en: 'Could not be loaded:' };
const UNREACHABLE: LocalizedText = { da: 'Kontorets server svarer ikke. Prøv igen om lidt.', en: 'The office host does not answer. Try again shortly.' };

/**
 * The state of one form's save (or load): busy while the host works, then what it answered. The
 * host's own message is shown on refusal, because it names what is wrong (a counter that is open,
 * the last admin); it is English, so a Danish lead-in says what happened.
 */
export class SaveFeedback {
  busy = $state(false);
  feedback = $state<Feedback | null>(null);

  /** Runs `work`; on success shows `done` and returns the result, on refusal shows why and returns undefined. */
  async run<T>(work: () => Promise<T>, done: LocalizedText | null, failed: LocalizedText = NOT_SAVED): Promise<T | undefined> {
    this.busy = true;
    this.feedback = null;
    try {
      const result = await work();
      if (done) this.feedback = { kind: 'ok', text: done };
      return result;
    } catch (error) {
      this.feedback = problem(error, failed);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** Loading uses the same display: nothing on success, the reason on failure. */
  load<T>(work: () => Promise<T>): Promise<T | undefined> {
    return this.run(work, null, NOT_LOADED);
  }
}

function problem(error: unknown, lead: LocalizedText): Feedback {
  if (error instanceof ApiCallError && error.code !== 'network') return { kind: 'error', text: lead, detail: error.message };
  return { kind: 'error', text: { da: `${lead.da} ${UNREACHABLE.da}`, en: `${lead.en} ${UNREACHABLE.en}` }, detail: '' };
}
