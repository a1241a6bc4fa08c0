import type { LocalizedText } from '../../../core/types.js';

/** The staffing planner section of /manager (docs/planning.md). */
export const planningText = {
  heading: { da: 'Planlægning', en: 'Planning' },
  intro: {
    da: 'Hvor mange skranker skal være åbne? Planen bygger på de sidste 8 ugers ankomster og betjeningstider for den valgte ugedag og kontorets egne køregler.',
    en: 'How many counters should be open? The plan builds on the last 8 weeks of arrivals and service times for the chosen weekday and the office’s own queue rules.',
  },
  weekday: { da: 'Ugedag', en: 'Weekday' },
  date: { da: 'Eller en dato', en: 'Or a date' },
  dateHint: {
    da: 'Med en dato regner planen med ugedagens personer uden tid og dagens egne bookede tider.',
    en: 'With a date the plan counts the weekday’s walk-ins and that day’s own booked times.',
  },
  target: { da: 'Mål: 90 % kaldt inden (minutter)', en: 'Target: 90 % called within (minutes)' },
  maxCounters: { da: 'Højst antal skranker', en: 'Most counters' },
  calculate: { da: 'Beregn plan', en: 'Calculate plan' },
  calculating: { da: 'Beregner …', en: 'Calculating …' },
  noHistory: { da: 'Der er ingen ankomster på denne ugedag i de sidste 8 uger.', en: 'There are no arrivals on this weekday in the last 8 weeks.' },
  hour: { da: 'Time', en: 'Hour' },
  forecastChart: { da: 'Prognose: ankomster og anbefalede skranker pr. time', en: 'Forecast: arrivals and recommended counters per hour' },
  arrivals: { da: 'Ankomster', en: 'Arrivals' },
  recommended: { da: 'Anbefalede skranker', en: 'Recommended counters' },
  planHeading: { da: 'Din skrankeplan', en: 'Your counter plan' },
  planIntro: {
    da: 'Ret antallet af skranker pr. time, og se den forventede ventetid.',
    en: 'Change the number of counters per hour and see the expected wait.',
  },
  countersAt: { da: 'Skranker kl.', en: 'Counters at' },
  simulate: { da: 'Beregn ventetid for planen', en: 'Calculate waits for the plan' },
  waitChart: { da: 'Forventet ventetid pr. time (minutter)', en: 'Expected wait per hour (minutes)' },
  p90: { da: '90 % kaldt inden', en: '90 % called within' },
  mean: { da: 'Gennemsnit', en: 'Mean' },
  overall: { da: 'Hele dagen', en: 'The whole day' },
  overTarget: { da: 'Andel over servicemålet', en: 'Share over the service target' },
  utilisation: { da: 'Skrankernes udnyttelse', en: 'Counter utilisation' },
  minutes: { da: 'min', en: 'min' },
  accuracyHeading: { da: 'Hvor meget kan planen holde?', en: 'How far can the plan be trusted?' },
  accuracy: {
    da: 'De sidste {days} dage genberegnet med deres egne ankomster og åbne skranker: forudsigelsen af 90 %-ventetiden ramte i gennemsnit {bias} min ved siden af, og en enkelt dag typisk {typical} min.',
    en: 'The last {days} days recalculated with their own arrivals and open counters: the prediction of the 90 % wait was off by {bias} min on average, and on a single day typically by {typical} min.',
  },
  accuracyNote: {
    da: 'Planen kender ikke sygedage eller et pludseligt rush. Hold en skranke i reserve til den dag, der ikke er typisk.',
    en: 'The plan does not know sick days or a sudden rush. Keep a counter in reserve for the day that is not typical.',
  },
  refused: { da: 'Serveren afviste forespørgslen:', en: 'The host refused the request:' },
  unreachable: { da: 'Kontorets server svarer ikke. Prøv igen om lidt.', en: 'The office host does not answer. Try again shortly.' },
} satisfies Record<string, LocalizedText>;

/** ISO weekdays, 1 = Monday. */
export const weekdayText: Record<number, LocalizedText> = {
  1: { da: 'Mandag', en: 'Monday' },
  2: { da: 'Tirsdag', en: 'Tuesday' },
  3: { da: 'Onsdag', en: 'Wednesday' },
  4: { da: 'Torsdag', en: 'Thursday' },
  5: { da: 'Fredag', en: 'Friday' },
  6: { da: 'Lørdag', en: 'Saturday' },
  7: { da: 'Søndag', en: 'Sunday' },
};
