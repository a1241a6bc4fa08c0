import { OFFICE_TIME_ZONE } from '../core/copenhagen-time.js';
import type { LocalizedText } from '../core/types.js';
import type { TicketPrintRequest } from '../contract/shell-bridge.js';

/**
 * The printed ticket: what the citizen holds while waiting. Built from what the page sends, which
 * is checked here because it arrives over IPC from a renderer; every text is escaped before it
 * goes into HTML.
 */

const MAX_TEXT_LENGTH = 120;
const MAX_WAIT_MINUTES = 24 * 60;

/** The request if it is a well-formed ticket, else null. */
export function parseTicketPrintRequest(raw: unknown): TicketPrintRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { number, serviceName, issuedAt, estimatedWaitMinutes } = raw as Record<string, unknown>;
  if (!isShortText(number) || !/^[A-Za-z0-9-]{1,12}$/.test(number)) return null;
  if (typeof serviceName !== 'object' || serviceName === null) return null;
  const { da, en } = serviceName as Record<string, unknown>;
  if (!isShortText(da) || !isShortText(en)) return null;
  if (typeof issuedAt !== 'string' || Number.isNaN(Date.parse(issuedAt))) return null;
  if (!isWaitMinutes(estimatedWaitMinutes)) return null;
  return { number, serviceName: { da, en }, issuedAt, estimatedWaitMinutes };
}

function isWaitMinutes(value: unknown): value is number | null {
  if (value === null) return true;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_WAIT_MINUTES;
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TEXT_LENGTH;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** "Issued at" on the office's wall clock, whatever time zone the PC is set to; each language's own notation. */
export function issuedAtText(issuedAt: string): LocalizedText {
  const time = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: OFFICE_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      new Date(issuedAt),
    );
  return { da: `Udstedt kl. ${time('da-DK')}`, en: `Issued at ${time('en-GB')}` };
}

export function estimatedWaitText(minutes: number | null): LocalizedText {
  if (minutes === null) return { da: 'Ventetid: ukendt', en: 'Waiting time: unknown' };
  if (minutes < 5) return { da: 'Forventet ventetid: under 5 min.', en: 'Expected wait: under 5 min' };
  return { da: `Forventet ventetid: ca. ${minutes} min.`, en: `Expected wait: about ${minutes} min` };
}

export const WATCH_THE_SCREEN: LocalizedText = {
  da: 'Hold øje med skærmen. Dit nummer bliver kaldt op dér.',
  en: 'Please watch the screen. Your number will be called there.',
};

/** The whole ticket as a standalone HTML page sized for a receipt printer (58 or 80 mm roll). */
export function ticketHtml(ticket: TicketPrintRequest): string {
  const wait = estimatedWaitText(ticket.estimatedWaitMinutes);
  const bilingual = (text: LocalizedText) =>
    `<p class="da">${escapeHtml(text.da)}</p><p class="en" lang="en">${escapeHtml(text.en)}</p>`;
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${escapeHtml(ticket.number)}</title>
<style>
  @page { margin: 0; }
  body { margin: 0; padding: 2mm 3mm; font-family: sans-serif; color: #000; text-align: center; }
  .office { font-size: 11pt; font-weight: bold; margin: 0 0 2mm; }
  .number { font-size: 44pt; font-weight: bold; margin: 1mm 0; letter-spacing: 1pt; }
  p { margin: 0.5mm 0; font-size: 10pt; }
  .en { font-style: italic; }
  section { margin-top: 2.5mm; }
</style>
</head>
<body>
<p class="office">Borgerservice</p>
<p class="number">${escapeHtml(ticket.number)}</p>
<section>${bilingual(ticket.serviceName)}</section>
<section>${bilingual(issuedAtText(ticket.issuedAt))}</section>
<section>${bilingual(wait)}</section>
<section>${bilingual(WATCH_THE_SCREEN)}</section>
</body>
</html>
`;
}
