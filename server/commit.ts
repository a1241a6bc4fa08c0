import type { NewOfficeEvent, OfficeEvent } from '../core/events.js';
import type { Store } from '../db/store.js';
import type { EventBus } from './event-bus.js';

/** A change to store and the events that record it. */
export type ChangeWithEvents<T> = () => { result: T; events: NewOfficeEvent[] };

/**
 * Runs the change and appends its events in one transaction, then publishes the committed
 * events: a live screen never sees a change that a crash could still undo.
 */
export function commitWithEvents<T>(store: Store, bus: EventBus, work: ChangeWithEvents<T>): T {
  let committed: OfficeEvent[] = [];
  const result = store.write(() => {
    const outcome = work();
    committed = outcome.events.map((e) => store.events.append(e));
    return outcome.result;
  });
  bus.publish(committed);
  return result;
}
