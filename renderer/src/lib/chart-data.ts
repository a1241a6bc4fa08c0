import type { IntradayReport } from '../../../core/stats/intraday.js';
import type { Lang } from '../../../core/types.js';
import { figuresText as t } from './manager-figures-texts.js';
import { formatPeriod, formatWaitBand } from './manager-format.js';

/** What a chart draws and its table lists: one label per category, one series of numbers per dataset. */
export interface ChartData {
  /** The heading of the table's first column (what the categories are). */
  categoryName: string;
  labels: string[];
  series: { name: string; values: number[] }[];
}

/** Arrivals and served citizens per period of the clock. */
export function arrivalsChartData(report: IntradayReport, lang: Lang): ChartData {
  return {
    categoryName: t.period[lang],
    labels: report.slots.map((slot) => formatPeriod(slot.startMinute, slot.endMinute)),
    series: [
      { name: t.arrivals[lang], values: report.slots.map((slot) => slot.arrivals) },
      { name: t.served[lang], values: report.slots.map((slot) => slot.served) },
    ],
  };
}

/** How many waits fell in each band. */
export function waitChartData(report: IntradayReport, lang: Lang): ChartData {
  return {
    categoryName: t.waitBand[lang],
    labels: report.waitBands.map((band) => formatWaitBand(band.fromMinutes, band.toMinutes, lang)),
    series: [{ name: t.waits[lang], values: report.waitBands.map((band) => band.count) }],
  };
}

/** A chart with nothing to show says so instead of drawing empty axes. */
export function isEmptyChart(data: ChartData): boolean {
  return data.series.every((series) => series.values.every((value) => value === 0));
}
