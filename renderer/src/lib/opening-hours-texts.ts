import { nextOfficeDay, officeDayOf } from '../../../core/office-day.js';
import { weekdayOf, type OpeningInterval, type Weekday } from '../../../core/opening-hours.js';
import type { Lang, LocalizedText } from '../../../core/types.js';
import { formatClock } from './format.js';

/** Opening-hours words shared by the kiosk's "Closed" screen and the manager's schedule. */
export const weekdayText: Record<Weekday, LocalizedText> = {
  mon: { da: 'Mandag', en: 'Monday' },
  tue: { da: 'Tirsdag', en: 'Tuesday' },
  wed: { da: 'Onsdag', en: 'Wednesday' },
  thu: { da: 'Torsdag', en: 'Thursday' },
  fri: { da: 'Fredag', en: 'Friday' },
  sat: { da: 'Lørdag', en: 'Saturday' },
  sun: { da: 'Søndag', en: 'Sunday' },
};

export const closedText = {
  heading: { da: 'Lukket', en: 'Closed' },
  message: { da: 'Borgerservice er lukket lige nu. Du kan ikke tage et nummer.', en: 'Citizen Service is closed right now. You cannot take a ticket.' },
  today: { da: 'I dag', en: 'Today' },
  todayHours: { da: 'Åbent i dag', en: 'Open today' },
  closedAllDay: { da: 'Lukket', en: 'Closed' },
  week: { da: 'Åbningstider de næste 7 dage', en: 'Opening hours for the next 7 days' },
  day: { da: 'Dag', en: 'Day' },
  hours: { da: 'Åbent', en: 'Open' },
} satisfies Record<string, LocalizedText>;

/** `10:00–15:00, 16:00–18:00`, or "Closed" for a day without hours. */
export function intervalsText(intervals: readonly OpeningInterval[], lang: Lang): string {
  return intervals.length === 0 ? closedText.closedAllDay[lang] : intervals.map((i) => `${i.opens}–${i.closes}`).join(', ');
}

const monthFormats: Record<Lang, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', month: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long' }),
};

/** "mandag den 30. november", "Monday 30 November": the Copenhagen day `YYYY-MM-DD`, written out. */
function dateText(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = monthFormats[lang].format(Date.UTC(y, m - 1, d));
  const weekday = weekdayText[weekdayOf(day)][lang];
  return lang === 'da' ? `${weekday.toLowerCase()} den ${d}. ${month}` : `${weekday} ${d} ${month}`;
}

/** "We open again today at 10:00", "… tomorrow at 10:00", "… Monday 30 November at 10:00" (Copenhagen time). */
export function nextOpeningText(nextOpening: string, now: number, lang: Lang): string {
  const at = Date.parse(nextOpening);
  const day = officeDayOf(at);
  const today = officeDayOf(now);
  const clock = formatClock(at);
  const when =
    day === today
      ? { da: 'i dag', en: 'today' }[lang]
      : day === nextOfficeDay(today)
        ? { da: 'i morgen', en: 'tomorrow' }[lang]
        : dateText(day, lang);
  return lang === 'da' ? `Vi åbner igen ${when} kl. ${clock}.` : `We open again ${when} at ${clock}.`;
}
