import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyRequest } from 'fastify';
import { ErrorAnswers, NotJson } from '../../contract/errors.js';
import { IntradayQuery, IntradayReport, RangeQuery, StatsQuery, StatsReport, XlsxQuery } from '../../contract/stats.js';
import { IntradayAccumulator } from '../../core/stats/intraday.js';
import { parseStatsRange, type StatsRange } from '../../core/stats/range.js';
import { StatsReader } from '../../db/stats.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { badRequest, conflict } from '../errors.js';
import { ticketCsvStream } from '../export/csv.js';
import { writeStatisticsWorkbook } from '../export/statistics-workbook.js';
import { collectStats } from '../export/statistics.js';
import { createXlsxWriter } from '../export/xlsx.js';
import { checkDayRange } from './day-range.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


function rangeOf(query: { from: string; to: string }, now: number): StatsRange {
  checkDayRange(query.from, query.to, now);
  const parsed = parseStatsRange(query.from, query.to);
  if (!parsed.ok) throw badRequest(parsed.code, parsed.message);
  return parsed.range;
}

/** Aborts when the stream closes before it was finished: Fastify destroys it when the download is cancelled. */
function cancelledWhenClosedEarly(stream: PassThrough): AbortSignal {
  const controller = new AbortController();
  stream.once('close', () => {
    if (!stream.writableFinished) controller.abort(new Error('The download was cancelled.'));
  });
  return controller.signal;
}

const attachment = (range: StatsRange, extension: string) => `attachment; filename="statistik-${range.from}-${range.to}.${extension}"`;

export function statsRoutes(app: App, { store, auditTrail, config }: HostContext): void {
  const databaseFile = store.db.name;
  /**
   * The audit log says who took the office's figures out, in which format and for which days:
   * recorded as the file starts to go out (a download broken off half-way has still left the host).
   */
  const recordDownload = (request: FastifyRequest, format: 'csv' | 'xlsx', range: StatsRange) => {
    const staff = requireStaff(request);
    auditTrail.exportDownloaded(staff.id, format, range);
  };
  /** A workbook of a year takes some 50–100 MB above the idle host while it is written; one at a time keeps the host within its memory. */
  let workbookInProgress = false;

  app.get(
    '/api/stats',
    {
      schema: { tags: ['stats'], summary: 'Statistics of a range of Copenhagen days, in total and by group (docs/statistics.md)', querystring: StatsQuery, response: { 200: StatsReport, ...ErrorAnswers } },
    },
    async (request, reply) => {
      const range = rangeOf(request.query, config.clock());
      const reader = new StatsReader(databaseFile);
      try {
        const groupBy = request.query.groupBy ?? 'day';
        const stats = await collectStats(reader, range, [groupBy], config.clock());
        return reply.header('cache-control', 'no-store').send(stats.report(groupBy));
      } finally {
        reader.close();
      }
    },
  );

  app.get(
    '/api/stats/intraday',
    {
      schema: { tags: ['stats'], summary: 'Arrivals and served tickets per 15, 30 or 60 minutes of the clock, and the spread of waits (docs/statistics.md)', querystring: IntradayQuery, response: { 200: IntradayReport, ...ErrorAnswers } },
    },
    async (request, reply) => {
      const range = rangeOf(request.query, config.clock());
      const reader = new StatsReader(databaseFile);
      try {
        const intraday = new IntradayAccumulator(range, request.query.period ?? 60);
        let read = 0;
        for (const ticket of reader.tickets(range.from, range.to)) {
          intraday.addTicket(ticket);
          // As the statistics do: a year's pass gives way to the clerks' requests now and then.
          if (++read % 20_000 === 0) await nextTurn();
        }
        return reply.header('cache-control', 'no-store').send(intraday.report());
      } finally {
        reader.close();
      }
    },
  );

  app.get(
    '/api/stats/export.csv',
    { schema: { tags: ['stats'], summary: 'Every ticket of the range, one CSV row each (UTF-8 with BOM)', querystring: RangeQuery, response: { 200: NotJson('text/csv', 'Every ticket of the range, one row each'), ...ErrorAnswers } } },
    async (request, reply) => {
      const range = rangeOf(request.query, config.clock());
      recordDownload(request, 'csv', range);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', attachment(range, 'csv'))
        .type('text/csv; charset=utf-8')
        .send(ticketCsvStream(databaseFile, range));
    },
  );

  app.get(
    '/api/stats/export.xlsx',
    { schema: { tags: ['stats'], summary: 'Statistics workbook: summary, by hour, service, counter and clerk, and every ticket', querystring: XlsxQuery, response: { 200: NotJson(XLSX_TYPE, 'The statistics workbook'), ...ErrorAnswers } } },
    async (request, reply) => {
      const range = rangeOf(request.query, config.clock());
      if (workbookInProgress) throw conflict('export_in_progress', 'A workbook is being written already. Try again when it has downloaded.');
      recordDownload(request, 'xlsx', range);
      workbookInProgress = true;
      const output = new PassThrough();
      const cancelled = cancelledWhenClosedEarly(output);
      const reader = new StatsReader(databaseFile);
      const lang = request.query.lang ?? 'da';
      writeStatisticsWorkbook(createXlsxWriter(output, cancelled), { reader, range, now: config.clock(), lang, cancelled })
        .catch((error: unknown) => {
          // A cancelled download has already destroyed the stream; anything else breaks it off.
          if (!output.destroyed) output.destroy(error instanceof Error ? error : new Error(String(error)));
        })
        .finally(() => {
          reader.close();
          workbookInProgress = false;
        });
      return reply.header('cache-control', 'no-store').header('content-disposition', attachment(range, 'xlsx')).type(XLSX_TYPE).send(output);
    },
  );
}
