import { describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import {
  blockPublicScreenShortcuts,
  guardWebContents,
  isAllowedOrigin,
  isBlockedShortcut,
  originForLog,
} from '../../electron/navigation-guard.js';
import { FakeEvent, FakeWebContents } from './fake-electron.js';
import { recordingLog } from './recording-log.js';

const HOST = 'http://127.0.0.1:8080';

describe('isAllowedOrigin', () => {
  it.each([
    ['http://127.0.0.1:8080/kiosk', true],
    ['http://127.0.0.1:8080/api/events?x=1#y', true],
    ['https://127.0.0.1:8080/kiosk', false],
    ['http://127.0.0.1:8081/kiosk', false],
    ['http://localhost:8080/kiosk', false],
    ['http://127.0.0.1:8080.evil.example/kiosk', false],
    ['http://127.0.0.1:8080@evil.example/kiosk', false],
    ['http://evil.example/?next=http://127.0.0.1:8080', false],
    ['data:text/html,<h1>hi</h1>', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedOrigin(url, HOST)).toBe(allowed);
  });

  it('treats an explicit default port as the same origin', () => {
    expect(isAllowedOrigin('https://office-pc.local:443/counter', 'https://office-pc.local')).toBe(true);
    expect(isAllowedOrigin('http://office-pc.local:80/counter', 'http://office-pc.local')).toBe(true);
    expect(isAllowedOrigin('https://office-pc.local:8443/counter', 'https://office-pc.local')).toBe(false);
  });

  it('compares host names case-insensitively, as URLs do', () => {
    expect(isAllowedOrigin('https://OFFICE-PC.local/counter', 'https://office-pc.local')).toBe(true);
  });
});

describe('guardWebContents', () => {
  function guarded() {
    const contents = new FakeWebContents();
    const log = recordingLog();
    guardWebContents(contents as unknown as WebContents, HOST, log);
    return { contents, log };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('stops %s to another origin and logs only the origin', (name) => {
    const { contents, log } = guarded();
    const foreign = new FakeEvent('https://evil.example/phish?cpr=0101011234');
    contents.emit(name, foreign);
    expect(foreign.defaultPrevented).toBe(true);
    expect(log.text()).toContain('https://evil.example');
    expect(log.text()).not.toContain('cpr=');
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('lets %s within the host go on', (name) => {
    const { contents } = guarded();
    const local = new FakeEvent(`${HOST}/kiosk?lang=en`);
    contents.emit(name, local);
    expect(local.defaultPrevented).toBe(false);
  });

  it('denies every new window, even one on the host', () => {
    const { contents } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: `${HOST}/manager` })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = guarded();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

const key = (k: string, mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}) => ({
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('isBlockedShortcut', () => {
  it.each([
    ['F12 (devtools)', key('F12')],
    ['Ctrl+Shift+I (devtools)', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+C (inspect element)', key('C', { control: true, shift: true })],
    ['F5 (reload)', key('F5')],
    ['Ctrl+F5 (hard reload)', key('F5', { control: true })],
    ['Ctrl+R (reload)', key('r', { control: true })],
    ['Ctrl+Shift+R (hard reload)', key('R', { control: true, shift: true })],
    ['Ctrl+W (close)', key('w', { control: true })],
    ['Cmd+Q (quit)', key('q', { meta: true })],
    ['Alt+F4 (close)', key('F4', { alt: true })],
    ['Ctrl+0 (zoom reset)', key('0', { control: true })],
    ['Ctrl++ (zoom in)', key('+', { control: true })],
    ['Ctrl+- (zoom out)', key('-', { control: true })],
    ['Ctrl+P (print dialog)', key('p', { control: true })],
    ['Ctrl+U (view source)', key('u', { control: true })],
    ['Alt+ArrowLeft (back)', key('ArrowLeft', { alt: true })],
    ['the keyboard back key', key('BrowserBack')],
    ['F11 (leave full screen)', key('F11')],
  ])('blocks %s', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(true);
  });

  it.each([
    ['a letter', key('a')],
    ['a capital', key('P', { shift: true })],
    ['a digit', key('7')],
    ['the MRZ filler <', key('<', { shift: true })],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['Tab (keyboard walk)', key('Tab')],
    ['Escape (close a dialog)', key('Escape')],
    ['AltGr+2 = @ on a Danish keyboard (Windows reports Ctrl+Alt)', key('@', { control: true, alt: true })],
    ['AltGr+E = €', key('€', { control: true, alt: true })],
    ['Ctrl+C (copy)', key('c', { control: true })],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(false);
  });
});

describe('blockPublicScreenShortcuts', () => {
  it('cancels blocked keys before the page sees them, and only those', () => {
    const contents = new FakeWebContents();
    blockPublicScreenShortcuts(contents as unknown as WebContents, recordingLog());
    const devtools = new FakeEvent();
    const letter = new FakeEvent();
    contents.emit('before-input-event', devtools, { type: 'keyDown', ...key('F12') });
    contents.emit('before-input-event', letter, { type: 'keyDown', ...key('m') });
    expect(devtools.defaultPrevented).toBe(true);
    expect(letter.defaultPrevented).toBe(false);
  });

  it('logs a blocked key once per press, naming the key only', () => {
    const contents = new FakeWebContents();
    const log = recordingLog();
    blockPublicScreenShortcuts(contents as unknown as WebContents, log);
    contents.emit('before-input-event', new FakeEvent(), { type: 'keyDown', ...key('r', { control: true }) });
    contents.emit('before-input-event', new FakeEvent(), { type: 'keyUp', ...key('r', { control: true }) });
    expect(log.entries).toEqual([{ level: 'info', message: 'blocked shortcut', fields: { key: 'Ctrl+r' } }]);
  });
});

describe('originForLog', () => {
  it('keeps the origin and drops path and query', () => {
    expect(originForLog('https://evil.example:444/a/b?q=1')).toBe('https://evil.example:444');
    expect(originForLog('%%%')).toBe('(unparseable URL)');
  });
});
