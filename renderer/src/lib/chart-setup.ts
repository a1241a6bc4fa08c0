import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartData } from './chart-data.js';

// Only the parts the manager's bar charts use, so the bundle carries no other chart types.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';
Chart.defaults.font.size = 14;
Chart.defaults.color = '#1a1a1a';

/** Series colours: blue and orange stay apart for the common colour-vision deficiencies; both have ≥ 3:1 against white (WCAG 1.4.11). */
const SERIES_COLOURS = ['#00468c', '#c05a00'] as const;

export interface BarChartHandle {
  update(data: ChartData): void;
  destroy(): void;
}

function chartJsData(data: ChartData) {
  return {
    labels: data.labels,
    datasets: data.series.map((series, i) => ({ label: series.name, data: series.values, backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length] })),
  };
}

/** A bar chart on the canvas, sized by its container; `update` redraws it with new figures at once. */
export function drawBarChart(canvas: HTMLCanvasElement, data: ChartData): BarChartHandle {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: chartJsData(data),
    options: {
      // Figures change live every few seconds; moving bars would distract and tire (and reduced motion asks for none).
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: data.series.length > 1 } },
    },
  });
  return {
    update(next) {
      chart.data = chartJsData(next);
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}
