import type { IntradayReport, StatsReport } from '../../../contract/stats.js';
import type { GroupBy } from '../../../core/stats/grouping.js';
import type { IntradayPeriod } from '../../../core/stats/intraday.js';
import type { Lang } from '../../../core/types.js';
import { request } from './api.js';

/** A range of Copenhagen days, `YYYY-MM-DD`, both included. */
export interface DayRange {
  from: string;
  to: string;
}

const rangeQuery = ({ from, to }: DayRange) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

/** The manager's figures: statistics and the day's rhythm (the queue, counters and services are in `api`). */
export const managerStatsApi = {
  stats: (range: DayRange, groupBy: GroupBy) => request<StatsReport>('GET', `/api/stats?${rangeQuery(range)}&groupBy=${groupBy}`),
  intraday: (range: DayRange, period: IntradayPeriod) => request<IntradayReport>('GET', `/api/stats/intraday?${rangeQuery(range)}&period=${period}`),
};

/** The downloads are plain links: the browser saves the file itself and sends the same-origin session cookie. */
export const exportCsvUrl = (range: DayRange) => `/api/stats/export.csv?${rangeQuery(range)}`;
export const exportXlsxUrl = (range: DayRange, lang: Lang) => `/api/stats/export.xlsx?${rangeQuery(range)}&lang=${lang}`;
