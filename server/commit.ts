import type { NewOfficeEvent, OfficeEvent } from '../core/events.js';
import type { Store } from '../db/store.js';
import type { EventBus } from './event-bus.js';

/** A change to store and the events that record it. */
export type ChangeWithEvents<T> = () => { result: T; events: NewOfficeEvent[] };

/**
 * Runs the change and appends its events through the event log (which chains them), inside the
 * caller's transaction. The events returned are not yet committed: publish them only after COMMIT.
 */
export function applyWithEvents<T>(store: Store, work: ChangeWithEvents<T>): { result: T; events: OfficeEvent[] } {
  const outcome = work();
  return { result: outcome.result, events: outcome.events.map((e) => store.events.append(e)) };
}

/**
 * Runs the change and appends its events in one transaction, then publishes the committed
 * events: a live screen never sees a change that a crash could still undo.
 * (Ticket issuance shares transactions between requests instead: see group-commit.ts.)
 */
export function commitWithEvents<T>(store: Store, bus: EventBus, work: ChangeWithEvents<T>): T {
  const { result, events } = store.write(() => applyWithEvents(store, work));
  bus.publish(events);
  return result;
}
