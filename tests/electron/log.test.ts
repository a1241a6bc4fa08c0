import { describe, expect, it } from 'vitest';
import { createConsoleLog } from '../../electron/log.js';

describe('createConsoleLog', () => {
  it('writes one tagged line per event, fields as JSON, at the right level', () => {
    const lines: string[][] = [];
    const sink = {
      info: (line: string) => lines.push(['info', line]),
      warn: (line: string) => lines.push(['warn', line]),
      error: (line: string) => lines.push(['error', line]),
    };
    const log = createConsoleLog(sink);
    log.info('shell started', { role: 'kiosk', embedded: true });
    log.warn('blocked <webview>');
    log.error('ticket not printed', { ticket: 'M014', printer: null });
    expect(lines).toEqual([
      ['info', '[shell] shell started {"role":"kiosk","embedded":true}'],
      ['warn', '[shell] blocked <webview>'],
      ['error', '[shell] ticket not printed {"ticket":"M014","printer":null}'],
    ]);
  });
});
