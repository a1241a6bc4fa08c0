import { Type } from 'typebox';
import type { OpeningHoursStatusView } from '../../core/config-api-types.js';
import { openingStatus, WEEKDAYS, type OpeningHours, type Weekday } from '../../core/opening-hours.js';
import { requireStaff } from '../auth.js';
import { MANAGERS, restrictedRoutes } from '../route-groups.js';
import type { App, HostContext } from '../context.js';

const Interval = Type.Object(
  {
    opens: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
    closes: Type.String({ pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' }),
  },
  { additionalProperties: false },
);
const DayIntervals = Type.Array(Interval, { maxItems: 6 });
const Week = Type.Object(
  Object.fromEntries(WEEKDAYS.map((w) => [w, DayIntervals])) as Record<Weekday, typeof DayIntervals>,
  { additionalProperties: false },
);
const OpeningHoursBody = Type.Object(
  {
    enabled: Type.Boolean(),
    week: Week,
    closedDates: Type.Array(
      Type.Object({ date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), note: Type.Optional(Type.String({ maxLength: 80 })) }, { additionalProperties: false }),
      { maxItems: 400 },
    ),
  },
  { additionalProperties: false },
);

/**
 * Opening hours: the manager's schedule, and what the kiosk shows from it. Being closed does not
 * stop ticket issuance through the API (see core/opening-hours.ts): only the kiosk closes.
 */
export function openingHoursRoutes(app: App, { configuration, config }: HostContext): void {
  const read = (): OpeningHours => configuration.setting('openingHours');

  app.get('/api/opening-hours', { schema: { tags: ['opening hours'], summary: 'Open now?, today, the next seven days (anyone: the kiosk)' } }, async () => {
    const status = openingStatus(read(), config.clock());
    const { nextOpening, ...rest } = status;
    const view: OpeningHoursStatusView = { ...rest, ...(nextOpening === null ? {} : { nextOpening: new Date(nextOpening).toISOString() }) };
    return view;
  });

  restrictedRoutes(app, MANAGERS, (managers) => {
    managers.get('/api/config/opening-hours', { schema: { tags: ['config'] } }, async () => read());

    managers.put('/api/config/opening-hours', { schema: { tags: ['config'], body: OpeningHoursBody } }, async (request) => {
      const staff = requireStaff(request);
      return configuration.changeSetting('openingHours', request.body, staff.id);
    });
  });
}
