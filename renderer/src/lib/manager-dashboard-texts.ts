import type { LocalizedText } from '../../../core/types.js';

/** Texts of /manager#dashboard, the live picture of the day. */
export const dashboardText = {
  heading: { da: 'Overblik i dag', en: 'Today at a glance' },
  keyFigures: { da: 'Nøgletal', en: 'Key figures' },
  waitingNow: { da: 'Venter nu', en: 'Waiting now' },
  longestWait: { da: 'Længste aktuelle ventetid', en: 'Longest current wait' },
  openCounters: { da: 'Åbne skranker', en: 'Open counters' },
  of: { da: 'af', en: 'of' },
  servedToday: { da: 'Betjent i dag', en: 'Served today' },
  medianWait: { da: 'Ventetid i dag, median', en: 'Wait today, median' },
  p90Wait: { da: 'Ventetid i dag, 90 %-fraktil', en: 'Wait today, 90th percentile' },
  urgentToday: { da: 'Akutte sager i dag', en: 'Urgent cases today' },
  idChecksToday: { da: 'ID-forhåndstjek i dag', en: 'ID pre-checks today' },
  urgentByReason: { da: 'Akutte sager i dag efter grund', en: 'Urgent cases today by reason' },
  idChecksByVerdict: { da: 'ID-forhåndstjek i dag efter resultat', en: 'ID pre-checks today by verdict' },
  reason: { da: 'Grund', en: 'Reason' },
  verdict: { da: 'Resultat', en: 'Verdict' },
  count: { da: 'Antal', en: 'Count' },
  arrivalsChart: { da: 'Ankomne og betjente pr. time i dag', en: 'Arrivals and served per hour today' },
  waitChart: { da: 'Fordeling af ventetider i dag', en: 'Distribution of waits today' },
  updatedAt: { da: 'Opdateret', en: 'Updated' },
  live: { da: 'Live', en: 'Live' },
  notLive: { da: 'Ikke forbundet – tallene opdateres ikke, prøver igen', en: 'Not connected – the figures are not updating, retrying' },
  refreshFailed: { da: 'Tallene kunne ikke opdateres. De viste tal er fra seneste opdatering.', en: 'The figures could not be updated. Those shown are from the last update.' },
  sessionExpired: { da: 'Din session er udløbet. Genindlæs siden og log ind igen.', en: 'Your session has expired. Reload the page and log in again.' },
  loading: { da: 'Henter dagens tal …', en: 'Fetching today’s figures …' },
} satisfies Record<string, LocalizedText>;
