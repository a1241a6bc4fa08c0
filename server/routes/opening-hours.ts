import { OpeningHoursSettings, OpeningHoursStatusView } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import { openingStatus, type OpeningHours } from '../../core/opening-hours.js';
import { requireStaff } from '../auth.js';
import { MANAGERS, restrictedRoutes } from '../route-groups.js';
import type { App, HostContext } from '../context.js';

/**
 * Opening hours: the manager's schedule, and what the kiosk shows from it. Being closed does not
 * stop ticket issuance through the API (see core/opening-hours.ts): only the kiosk closes.
 */
export function openingHoursRoutes(app: App, { configuration, config }: HostContext): void {
  const read = (): OpeningHours => configuration.setting('openingHours');

  app.get('/api/opening-hours', { schema: { tags: ['opening hours'], summary: 'Open now?, today, the next seven days (anyone: the kiosk)', response: { 200: OpeningHoursStatusView, ...ErrorAnswers } } }, async () => {
    const status = openingStatus(read(), config.clock());
    const { nextOpening, ...rest } = status;
    const view: OpeningHoursStatusView = { ...rest, ...(nextOpening === null ? {} : { nextOpening: new Date(nextOpening).toISOString() }) };
    return view;
  });

  restrictedRoutes(app, MANAGERS, (managers) => {
    managers.get('/api/config/opening-hours', { schema: { tags: ['config'], response: { 200: OpeningHoursSettings, ...ErrorAnswers } } }, async () => read());

    managers.put('/api/config/opening-hours', { schema: { tags: ['config'], body: OpeningHoursSettings, response: { 200: OpeningHoursSettings, ...ErrorAnswers } } }, async (request) => {
      const staff = requireStaff(request);
      return configuration.changeSetting('openingHours', request.body, staff.id);
    });
  });
}
