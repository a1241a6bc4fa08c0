import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketPrintRequest } from '../../contract/shell-bridge.js';
import {
  escapeHtml,
  estimatedWaitText,
  issuedAtText,
  parseTicketPrintRequest,
  ticketHtml,
  WATCH_THE_SCREEN,
} from '../../electron/ticket-document.js';

const ticket: TicketPrintRequest = {
  number: 'M014',
  serviceName: { da: 'MitID og NemID', en: 'MitID and NemID' },
  issuedAt: '2025-11-25T09:05:00.000Z',
  estimatedWaitMinutes: 25,
};

describe('parseTicketPrintRequest', () => {
  it('accepts a ticket as the kiosk page sends it', () => {
    expect(parseTicketPrintRequest({ ...ticket })).toEqual(ticket);
    expect(parseTicketPrintRequest({ ...ticket, estimatedWaitMinutes: null })).toEqual({ ...ticket, estimatedWaitMinutes: null });
  });

  it('drops fields a ticket does not have', () => {
    expect(parseTicketPrintRequest({ ...ticket, name: 'Jens Hansen' })).toEqual(ticket);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'M014'],
    ['a missing number', { ...ticket, number: undefined }],
    ['markup in the number', { ...ticket, number: '<b>M014</b>' }],
    ['an over-long number', { ...ticket, number: 'M0123456789012' }],
    ['one language missing', { ...ticket, serviceName: { da: 'MitID' } }],
    ['an empty service name', { ...ticket, serviceName: { da: ' ', en: 'MitID' } }],
    ['a huge service name', { ...ticket, serviceName: { da: 'x'.repeat(121), en: 'MitID' } }],
    ['a bad time', { ...ticket, issuedAt: 'yesterday-ish' }],
    ['a negative wait', { ...ticket, estimatedWaitMinutes: -1 }],
    ['a fractional wait', { ...ticket, estimatedWaitMinutes: 2.5 }],
    ['a wait as text', { ...ticket, estimatedWaitMinutes: '10' }],
    ['a wait past a day', { ...ticket, estimatedWaitMinutes: 1441 }],
  ])('refuses %s', (_name, raw) => {
    expect(parseTicketPrintRequest(raw)).toBeNull();
  });
});

describe('issuedAtText', () => {
  it('shows Copenhagen wall-clock time in winter and summer, in each language\'s notation', () => {
    expect(issuedAtText('2025-11-25T09:05:00.000Z')).toEqual({ da: 'Udstedt kl. 10.05', en: 'Issued at 10:05' });
    expect(issuedAtText('2025-06-02T21:45:00.000Z')).toEqual({ da: 'Udstedt kl. 23.45', en: 'Issued at 23:45' });
  });
});

describe('estimatedWaitText', () => {
  it('says how long, in both languages', () => {
    expect(estimatedWaitText(25)).toEqual({ da: 'Forventet ventetid: ca. 25 min.', en: 'Expected wait: about 25 min' });
    expect(estimatedWaitText(0)).toEqual({ da: 'Forventet ventetid: under 5 min.', en: 'Expected wait: under 5 min' });
    expect(estimatedWaitText(null)).toEqual({ da: 'Ventetid: ukendt', en: 'Waiting time: unknown' });
  });
});

describe('ticketHtml', () => {
  it('prints number, service, time, wait and "watch the screen" in Danish and English', () => {
    const html = ticketHtml(ticket);
    for (const part of [
      '<p class="number">M014</p>',
      'MitID og NemID',
      'MitID and NemID',
      'Udstedt kl. 10.05',
      'Issued at 10:05',
      'Forventet ventetid: ca. 25 min.',
      'Expected wait: about 25 min',
      escapeHtml(WATCH_THE_SCREEN.da),
      escapeHtml(WATCH_THE_SCREEN.en),
    ]) {
      expect(html).toContain(part);
    }
  });

  it('escapes every text it prints', () => {
    const html = ticketHtml({ ...ticket, serviceName: { da: '<img src=x onerror=alert(1)>', en: `"Tom & Jerry's"` } });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;Tom &amp; Jerry&#39;s&quot;');
  });

  it('adds no markup whatever the service names say', () => {
    const tagCount = (html: string) => (html.match(/</g) ?? []).length;
    const baseline = tagCount(ticketHtml(ticket));
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 120 }), fc.string({ minLength: 1, maxLength: 120 }), (da, en) => {
        expect(tagCount(ticketHtml({ ...ticket, serviceName: { da, en } }))).toBe(baseline);
      }),
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
