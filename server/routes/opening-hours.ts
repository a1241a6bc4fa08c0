import { OpeningHoursSettings, OpeningHoursStatusView } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import { DEFAULT_OPENING_HOURS } from '../../core/defaults.js';
import { openingHoursProblems, openingStatus, type OpeningHours } from '../../core/opening-hours.js';
import { requireStaff } from '../auth.js';
import { commitWithEvents } from '../commit.js';
import type { App, HostContext } from '../context.js';
import { badRequest } from '../errors.js';

export const OPENING_HOURS_SETTING = 'openingHours';

/**
 * Opening hours: the manager's schedule, and what the kiosk shows from it. Being closed does not
 * stop ticket issuance through the API (see core/opening-hours.ts): only the kiosk closes.
 */
export function openingHoursRoutes(app: App, { store, bus, config }: HostContext): void {
  const read = (): OpeningHours => ({ ...DEFAULT_OPENING_HOURS, ...store.settings.get<Partial<OpeningHours>>(OPENING_HOURS_SETTING, {}) });

  app.get('/api/opening-hours', { schema: { tags: ['opening hours'], summary: 'Open now?, today, the next seven days (anyone: the kiosk)', response: { 200: OpeningHoursStatusView, ...ErrorAnswers } } }, async () => {
    const status = openingStatus(read(), config.clock());
    const { nextOpening, ...rest } = status;
    const view: OpeningHoursStatusView = { ...rest, ...(nextOpening === null ? {} : { nextOpening: new Date(nextOpening).toISOString() }) };
    return view;
  });

  app.get('/api/config/opening-hours', { schema: { tags: ['config'], response: { 200: OpeningHoursSettings, ...ErrorAnswers } } }, async (request) => {
    requireStaff(request, ['manager', 'admin']);
    return read();
  });

  app.put('/api/config/opening-hours', { schema: { tags: ['config'], body: OpeningHoursSettings, response: { 200: OpeningHoursSettings, ...ErrorAnswers } } }, async (request) => {
    const staff = requireStaff(request, ['manager', 'admin']);
    const hours: OpeningHours = { ...request.body, closedDates: [...request.body.closedDates].sort((a, b) => a.date.localeCompare(b.date)) };
    const problems = openingHoursProblems(hours);
    if (problems.length > 0) throw badRequest('invalid_opening_hours', problems.join(' '));
    return commitWithEvents(store, bus, () => {
      store.settings.set(OPENING_HOURS_SETTING, hours);
      return { result: hours, events: [{ at: config.clock(), type: 'config.changed', ticketId: null, counterId: null, staffId: staff.id, data: { key: OPENING_HOURS_SETTING } }] };
    });
  });
}
