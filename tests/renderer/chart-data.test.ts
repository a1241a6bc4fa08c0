import { describe, expect, it } from 'vitest';
import type { IntradayReport } from '../../core/stats/intraday.js';
import { arrivalsChartData, isEmptyChart, waitChartData } from '../../renderer/src/lib/chart-data.js';

const REPORT: IntradayReport = {
  from: '2026-11-25',
  to: '2026-11-25',
  periodMinutes: 30,
  slots: [
    { startMinute: 540, endMinute: 570, arrivals: 4, served: 1 },
    { startMinute: 570, endMinute: 600, arrivals: 0, served: 3 },
  ],
  waitBands: [
    { fromMinutes: 0, toMinutes: 5, count: 2 },
    { fromMinutes: 5, toMinutes: null, count: 1 },
  ],
};

describe('chart data', () => {
  it('has a label per period and a series each for arrivals and served', () => {
    expect(arrivalsChartData(REPORT, 'da')).toEqual({
      categoryName: 'Tidsrum',
      labels: ['09:00–09:30', '09:30–10:00'],
      series: [
        { name: 'Ankomne', values: [4, 0] },
        { name: 'Betjente', values: [1, 3] },
      ],
    });
  });

  it('has a label per wait band', () => {
    expect(waitChartData(REPORT, 'en')).toEqual({
      categoryName: 'Wait',
      labels: ['0–5 min', '5 min or more'],
      series: [{ name: 'Number of waits', values: [2, 1] }],
    });
  });

  it('is empty when every value is 0', () => {
    expect(isEmptyChart(waitChartData(REPORT, 'en'))).toBe(false);
    const quiet = { ...REPORT, slots: [], waitBands: REPORT.waitBands.map((b) => ({ ...b, count: 0 })) };
    expect(isEmptyChart(waitChartData(quiet, 'en'))).toBe(true);
    expect(isEmptyChart(arrivalsChartData(quiet, 'en'))).toBe(true);
  });
});
