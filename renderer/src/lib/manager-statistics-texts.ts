import type { GroupBy } from '../../../core/stats/grouping.js';
import type { IntradayPeriod } from '../../../core/stats/intraday.js';
import type { LocalizedText, PriorityClass } from '../../../core/types.js';
import type { DatePreset } from './date-presets.js';

/** Texts of /manager#statistics. Figure names come from core/stats/figure-columns.ts, as in the workbook. */
export const statisticsText = {
  heading: { da: 'Statistik', en: 'Statistics' },
  period: { da: 'Periode', en: 'Period' },
  from: { da: 'Fra og med', en: 'From' },
  to: { da: 'Til og med', en: 'To' },
  presets: { da: 'Hurtigvalg', en: 'Quick choices' },
  groupBy: { da: 'Opdel efter', en: 'Group by' },
  showing: { da: 'Viser', en: 'Showing' },
  loading: { da: 'Henter tal …', en: 'Fetching figures …' },
  reversed: { da: '"Til og med" ligger før "Fra og med". Vælg en slutdato på eller efter startdatoen.', en: '"To" is before "From". Choose an end date on or after the start date.' },
  missing: { da: 'Vælg både en start- og en slutdato.', en: 'Choose both a start and an end date.' },
  hostRefused: { da: 'Serveren afviste forespørgslen:', en: 'The host refused the request:' },
  unreachable: { da: 'Kontorets server svarer ikke. Prøv igen om lidt.', en: 'The office host does not answer. Try again shortly.' },
  total: { da: 'I alt', en: 'Total' },
  onlyTotal: {
    da: 'Kan ikke fordeles på den valgte opdeling; kun tallet for hele perioden vises.',
    en: 'Cannot be split by the chosen grouping; only the figure for the whole period is shown.',
  },
  downloads: { da: 'Hent alle billetter i perioden', en: 'Download every ticket of the period' },
  csv: { da: 'Hent CSV', en: 'Download CSV' },
  xlsx: { da: 'Hent Excel-projektmappe', en: 'Download Excel workbook' },
  downloadsHint: {
    da: 'CSV-filen er kommasepareret (UTF-8). Dansk Excel åbner projektmappen direkte.',
    en: 'The CSV file is comma-separated (UTF-8). Danish Excel opens the workbook directly.',
  },
  intradayHeading: { da: 'Dagens rytme', en: 'Rhythm of the day' },
  intradayNote: {
    da: 'Summeret over alle dage i perioden. Ankomne tælles, når billetten blev trukket; betjente, når borgeren gik fra skranken.',
    en: 'Summed over every day of the period. Arrivals count when the ticket was taken; served citizens when they left the counter.',
  },
  periodLength: { da: 'Periodelængde', en: 'Period length' },
  arrivalsChart: { da: 'Ankomne og betjente pr. periode', en: 'Arrivals and served per period' },
  waitChart: { da: 'Fordeling af ventetider', en: 'Distribution of waits' },
  noCounter: { da: 'Ingen skranke', en: 'No counter' },
  noClerk: { da: 'Ingen medarbejder', en: 'No clerk' },
} satisfies Record<string, LocalizedText>;

export const presetText: Record<DatePreset, LocalizedText> = {
  today: { da: 'I dag', en: 'Today' },
  last7Days: { da: 'Seneste 7 dage', en: 'Last 7 days' },
  thisMonth: { da: 'Denne måned', en: 'This month' },
  lastMonth: { da: 'Sidste måned', en: 'Last month' },
  thisYear: { da: 'I år', en: 'This year' },
};

export const groupByText: Record<GroupBy, LocalizedText> = {
  day: { da: 'Dag', en: 'Day' },
  hour: { da: 'Time på dagen (ankomst)', en: 'Hour of day (arrival)' },
  service: { da: 'Ydelse', en: 'Service' },
  counter: { da: 'Skranke', en: 'Counter' },
  clerk: { da: 'Medarbejder', en: 'Clerk' },
  priority: { da: 'Prioritet', en: 'Priority' },
};

/** The statistics' own words for the priority classes (the host labels them Akut, Tidsbestilling, Almindelig). */
export const priorityGroupText: Record<PriorityClass, LocalizedText> = {
  urgent: { da: 'Akut', en: 'Urgent' },
  appointment: { da: 'Tidsbestilling', en: 'Appointment' },
  normal: { da: 'Almindelig', en: 'Normal' },
};

export const periodText = (minutes: IntradayPeriod): LocalizedText => ({ da: `${minutes} minutter`, en: `${minutes} minutes` });
