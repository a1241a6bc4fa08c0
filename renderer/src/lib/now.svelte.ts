import { createSubscriber } from 'svelte/reactivity';

/**
 * The current time, read reactively: anything showing it re-renders every second while it is on
 * screen, and the timer stops when nothing shows it.
 */
class Now {
  readonly #subscribe = createSubscriber((update) => {
    const timer = setInterval(update, 1000);
    return () => clearInterval(timer);
  });

  get ms(): number {
    this.#subscribe();
    return Date.now();
  }
}

export const now = new Now();
