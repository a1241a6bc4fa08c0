import type { FastifyRequest } from 'fastify';
import { RetentionSettings } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import { DailySummariesView, RangeQuery } from '../../contract/stats.js';
import { RETENTION_SETTING } from '../../core/retention.js';
import { RetentionRepository } from '../../db/retention.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { retentionSettings, scheduleDailyRetention, type DailyRetention } from '../retention.js';
import { checkDayRange } from './day-range.js';

const RetentionAnswers = { response: { 200: RetentionSettings, ...ErrorAnswers } };

async function managersOnly(request: FastifyRequest): Promise<void> {
  requireStaff(request, ['manager', 'admin']);
}

/**
 * Retention of ticket detail (docs/statistics.md, "Retention"): the setting, the figures kept of
 * purged days, and the daily job, which lives as long as the app (started when it is ready,
 * stopped before the database closes).
 */
export function retentionRoutes(app: App, ctx: HostContext): void {
  const { store, office, config, bus } = ctx;
  const repository = new RetentionRepository(store.db);
  let job: DailyRetention | undefined;

  app.addHook('onReady', async () => {
    job = scheduleDailyRetention(
      { store, bus, clock: config.clock },
      {
        done: (run) => {
          if (run.days.length > 0) app.log.info({ days: run.days.length, tickets: run.tickets, events: run.events }, 'retention: old detail deleted');
        },
        failed: (error) => app.log.error({ err: error }, 'retention: deleting old detail failed'),
      },
    );
  });
  app.addHook('onClose', async () => job?.stop());

  app.get('/api/config/retention', { preValidation: managersOnly, schema: { tags: ['config'], summary: 'How long per-ticket detail is kept', ...RetentionAnswers } }, async () =>
    retentionSettings(store),
  );

  app.put(
    '/api/config/retention',
    { preValidation: managersOnly, schema: { tags: ['config'], summary: 'Change how long per-ticket detail is kept; takes effect at the next nightly run', body: RetentionSettings, ...RetentionAnswers } },
    async (request) => {
      const staff = requireStaff(request, ['manager', 'admin']);
      office.recordWith(() => {
        store.settings.set(RETENTION_SETTING, request.body);
        return { result: undefined, event: { at: config.clock(), type: 'config.changed', ticketId: null, counterId: null, staffId: staff.id, data: { key: RETENTION_SETTING } } };
      });
      return request.body;
    },
  );

  app.get(
    '/api/stats/daily-summaries',
    {
      preValidation: managersOnly,
      schema: { tags: ['stats'], summary: 'Figures kept per day and service after retention deleted the tickets', querystring: RangeQuery, response: { 200: DailySummariesView, ...ErrorAnswers } },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      checkDayRange(from, to, config.clock());
      return reply.header('cache-control', 'no-store').send({ from, to, summaries: repository.summaries(from, to) });
    },
  );
}
