import { OFFICE_TIME_ZONE } from '../../../core/copenhagen-time.js';
import type { Lang } from '../../../core/types.js';

/** Figures as a manager reads them: Danish or English number style, minutes with one decimal. */

const LOCALES: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

/** What a figure without data shows (the statistics say null, never 0: an empty day has no median). */
export const NO_VALUE = '–';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** `1.234` / `1,234`. */
export function formatCount(value: number | null, lang: Lang): string {
  return value === null ? NO_VALUE : numberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

/** `12,5` / `12.5`: minutes as the host gives them, one decimal, always shown so columns line up. */
export function formatDecimalMinutes(value: number | null, lang: Lang): string {
  return value === null ? NO_VALUE : numberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** `12,5 min` / `12.5 min`, where no column header names the unit. */
export function formatMinutes(value: number | null, lang: Lang): string {
  return value === null ? NO_VALUE : `${formatDecimalMinutes(value, lang)} min`;
}

/** A share 0–1 as a percentage with at most one decimal: `66,7 %` / `66.7%`. */
export function formatShare(value: number | null, lang: Lang): string {
  return value === null ? NO_VALUE : numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

const utcOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** A Copenhagen day `YYYY-MM-DD` in words: `25. november 2026` / `25 November 2026`. */
export function formatDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(utcOf(day));
}

/** A day as a table row reads it, with its weekday: `ons. 25. nov. 2026` / `Wed 25 Nov 2026`. */
export function formatShortDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(utcOf(day));
}

/** A range of days in words; one day alone when `from` is `to`. */
export function formatDayRange(from: string, to: string, lang: Lang): string {
  return from === to ? formatDay(from, lang) : `${formatDay(from, lang)} – ${formatDay(to, lang)}`;
}

const clockWithSeconds = new Intl.DateTimeFormat('en-GB', {
  timeZone: OFFICE_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `14:05:09` on the office's clock, whatever zone the manager's PC is set to. */
export function formatClockWithSeconds(epochMs: number): string {
  const parts = clockWithSeconds.formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}:${part('second')}`;
}

const momentFormats: Record<Lang, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: OFFICE_TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: OFFICE_TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

/** A moment on the office's clock with its day: `25. nov. 2026 14.05` / `25 Nov 2026, 14:05`. */
export function formatMoment(iso: string, lang: Lang): string {
  return momentFormats[lang].format(Date.parse(iso));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes since midnight as `09:15`; 1440, the end of the last period, as `24:00`. */
export function formatMinuteOfDay(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** A period of the clock: `09:00–09:15`. */
export function formatPeriod(startMinute: number, endMinute: number): string {
  return `${formatMinuteOfDay(startMinute)}–${formatMinuteOfDay(endMinute)}`;
}

/** A wait band: `0–5 min`, and the open-ended last one `60 min og derover` / `60 min or more`. */
export function formatWaitBand(fromMinutes: number, toMinutes: number | null, lang: Lang): string {
  if (toMinutes !== null) return `${fromMinutes}–${toMinutes} min`;
  return lang === 'da' ? `${fromMinutes} min og derover` : `${fromMinutes} min or more`;
}
