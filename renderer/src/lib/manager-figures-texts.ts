import type { LocalizedText } from '../../../core/types.js';

/** Texts of the charts and figure tables that the dashboard and the statistics page share. */
export const figuresText = {
  arrivals: { da: 'Ankomne', en: 'Arrivals' },
  served: { da: 'Betjente', en: 'Served' },
  waits: { da: 'Antal ventetider', en: 'Number of waits' },
  period: { da: 'Tidsrum', en: 'Time' },
  waitBand: { da: 'Ventetid', en: 'Wait' },
  showTable: { da: 'Vis tallene som tabel', en: 'Show the figures as a table' },
  noData: { da: 'Ingen tal endnu.', en: 'No figures yet.' },
} satisfies Record<string, LocalizedText>;
