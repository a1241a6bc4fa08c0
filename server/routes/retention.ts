import { RetentionSettings } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import { DailySummariesView, RangeQuery } from '../../contract/stats.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { scheduleDailyRetention, type DailyRetention } from '../../office/retention.js';
import { checkDayRange } from './day-range.js';

const RetentionAnswers = { response: { 200: RetentionSettings, ...ErrorAnswers } };


/**
 * Retention of ticket detail (docs/statistics.md, "Retention"): the setting, the figures kept of
 * purged days, and the daily job, which lives as long as the app (started when it is ready,
 * stopped before the database closes).
 */
export function retentionRoutes(app: App, ctx: HostContext): void {
  const { store, config, configuration } = ctx;
  let job: DailyRetention | undefined;

  app.addHook('onReady', async () => {
    job = scheduleDailyRetention(
      { store, clock: config.clock },
      {
        done: (run) => {
          if (run.days.length > 0) app.log.info({ days: run.days.length, tickets: run.tickets, events: run.events }, 'retention: old detail deleted');
        },
        failed: (error) => app.log.error({ err: error }, 'retention: deleting old detail failed'),
      },
    );
  });
  app.addHook('onClose', async () => job?.stop());

  app.get('/api/config/retention', { schema: { tags: ['config'], summary: 'How long per-ticket detail is kept', ...RetentionAnswers } }, async () =>
    configuration.setting('retention'),
  );

  app.put(
    '/api/config/retention',
    { schema: { tags: ['config'], summary: 'Change how long per-ticket detail is kept; takes effect at the next nightly run', body: RetentionSettings, ...RetentionAnswers } },
    async (request) => {
      const staff = requireStaff(request);
      return configuration.changeSetting('retention', request.body, staff.id);
    },
  );

  app.get(
    '/api/stats/daily-summaries',
    {
      schema: { tags: ['stats'], summary: 'Figures kept per day and service after retention deleted the tickets', querystring: RangeQuery, response: { 200: DailySummariesView, ...ErrorAnswers } },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      checkDayRange(from, to, config.clock());
      return reply.header('cache-control', 'no-store').send({ from, to, summaries: store.retention.summaries(from, to) });
    },
  );
}
