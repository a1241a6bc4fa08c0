import { EventEmitter } from 'node:events';
import type { OfficeEvent } from '../core/events.js';

/**
 * Hands committed events to live listeners (the SSE stream). Only events whose transaction has
 * committed are published, so a listener never sees a change that a crash could still undo.
 */
export class EventBus {
  private readonly emitter = new EventEmitter<{ event: [OfficeEvent] }>();

  constructor() {
    // Every open screen is a listener; an office has dozens, a load test hundreds.
    this.emitter.setMaxListeners(0);
  }

  publish(events: readonly OfficeEvent[]): void {
    for (const event of events) this.emitter.emit('event', event);
  }

  subscribe(listener: (event: OfficeEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
