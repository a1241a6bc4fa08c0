import type { Input, WebContents } from 'electron';
import type { ShellLog } from './log.js';

/**
 * True when `url` is on the office host: same scheme, host name and port. Parsed, never compared
 * as text, so `http://127.0.0.1:8080.evil.example` or `http://127.0.0.1:8080@evil.example` fail.
 */
export function isAllowedOrigin(url: string, hostOrigin: string): boolean {
  let candidate: URL;
  let host: URL;
  try {
    candidate = new URL(url);
    host = new URL(hostOrigin);
  } catch {
    return false;
  }
  if (candidate.protocol !== 'http:' && candidate.protocol !== 'https:') return false;
  return candidate.protocol === host.protocol && candidate.hostname === host.hostname && candidate.port === host.port;
}

/**
 * Keeps every web contents of the shell (main window, hidden print windows) on the office host:
 * navigations and redirects elsewhere are stopped, new windows and <webview> never open.
 */
export function guardWebContents(contents: WebContents, hostOrigin: string, log: ShellLog): void {
  const refuseForeign = (what: string) => (event: { preventDefault(): void; url: string }) => {
    if (isAllowedOrigin(event.url, hostOrigin)) return;
    event.preventDefault();
    log.warn(`blocked ${what}`, { origin: originForLog(event.url) });
  };
  contents.on('will-navigate', refuseForeign('navigation'));
  contents.on('will-frame-navigate', refuseForeign('frame navigation'));
  contents.on('will-redirect', refuseForeign('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('blocked window.open', { origin: originForLog(url) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked <webview>');
  });
}

type ShortcutInput = Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>;

// Keys that open devtools, reload, close or quit, zoom, print, find, save or navigate history.
// With the application menu removed Electron binds none of these itself; the list makes sure they
// stay dead even if a later Electron adds default bindings. Window-manager shortcuts (Alt+Tab,
// Ctrl+Alt+F1) never reach the page and are locked down in the kiosk's desktop session instead.
const BLOCKED_WITH_CTRL = new Set(['r', 'w', 'q', 'p', 'n', 't', 'o', 's', 'f', 'g', 'u', 'j', '+', '-', '=', '0']);
const BLOCKED_WITH_CTRL_SHIFT = new Set(['i', 'c', 'delete']);
const BLOCKED_WITH_ALT = new Set(['arrowleft', 'arrowright', 'home']);
const BLOCKED_KEYS = new Set(['browserback', 'browserforward', 'browserrefresh', 'browserhome', 'browsersearch', 'contextmenu']);

/**
 * Shortcuts a citizen must not use on a public screen. Plain keys (and Shift for capitals) stay
 * free: keyboard-wedge document readers type the MRZ as ordinary keystrokes.
 */
export function isBlockedShortcut(input: ShortcutInput): boolean {
  const key = input.key.toLowerCase();
  // F5 reload, F7 caret browsing, F11 fullscreen, F12 devtools, Alt+F4 close: no F key is for citizens.
  if (/^f\d{1,2}$/.test(key)) return true;
  if (BLOCKED_KEYS.has(key)) return true;
  const command = input.control || input.meta;
  if (command && input.shift && BLOCKED_WITH_CTRL_SHIFT.has(key)) return true;
  // Ctrl+Alt is AltGr on Windows, which Danish keyboards need for @, £, $, € and {}.
  if (command && !input.alt && BLOCKED_WITH_CTRL.has(key)) return true;
  if (input.alt && !command && BLOCKED_WITH_ALT.has(key)) return true;
  return false;
}

export function blockPublicScreenShortcuts(contents: WebContents, log: ShellLog): void {
  contents.on('before-input-event', (event, input) => {
    if (!isBlockedShortcut(input)) return;
    event.preventDefault();
    if (input.type === 'keyDown') log.info('blocked shortcut', { key: describeShortcut(input) });
  });
}

function describeShortcut(input: ShortcutInput): string {
  const modifiers = [input.control && 'Ctrl', input.meta && 'Meta', input.alt && 'Alt', input.shift && 'Shift'];
  return [...modifiers.filter(Boolean), input.key].join('+');
}

/** Only the origin goes into the log: a URL's path or query could carry something personal. */
export function originForLog(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(unparseable URL)';
  }
}
