import { DisplayView } from '../../contract/display.js';
import { ErrorAnswers } from '../../contract/errors.js';
import { toPublicEvent } from '../../core/events.js';
import { officeDayOf, startOfOfficeDay } from '../../core/office-day.js';
import type { App, HostContext } from '../context.js';

/** How many calls the waiting-room screen lists. */
const RECENT_CALLS = 6;

export function displayRoutes(app: App, { store, config }: HostContext): void {
  app.get('/api/display', { schema: { tags: ['display'], summary: "Today's latest calls; public data only", response: { 200: DisplayView, ...ErrorAnswers } } }, async () => {
    const now = config.clock();
    const lastSeq = store.events.lastSeq();
    // Bounded by RECENT_CALLS, not by the day: every screen reloads this, on a day of any size.
    const calls = store.events
      .latestCallsSince(startOfOfficeDay(officeDayOf(now)), RECENT_CALLS)
      .map(toPublicEvent)
      .filter((e) => e !== null)
      .map((e) => ({ seq: e.seq, at: new Date(e.at).toISOString(), type: e.type, number: e.data.number, counterName: e.data.counterName }));
    return { officeName: store.settings.get('officeName'), calls, lastSeq };
  });
}
