import type { App, BrowserWindow } from 'electron';
import { ConfigError } from '../server/config.js';
import type { ShellLog } from './log.js';
import { ShellConfigError } from './shell-config.js';

/**
 * Keeping an unattended screen alive: reload the page when its renderer dies, hangs or cannot
 * load (host down, network gone), and close the embedded host cleanly on quit.
 */

export interface ReloadBackoff {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Reloads older than this no longer count: after a calm spell the next reload is quick again. */
  windowMs: number;
}

export const RELOAD_BACKOFF: ReloadBackoff = { firstDelayMs: 1_000, maxDelayMs: 60_000, windowMs: 10 * 60_000 };

/** Doubles with every reload in the window (1 s, 2 s, 4 s … 60 s), so a crash loop cannot spin. */
export function reloadDelayMs(recentReloads: readonly number[], now: number, backoff: ReloadBackoff = RELOAD_BACKOFF): number {
  const recent = recentReloads.filter((at) => now - at < backoff.windowMs).length;
  return Math.min(backoff.firstDelayMs * 2 ** recent, backoff.maxDelayMs);
}

/** How long a hung page may stay hung before its renderer is killed and the page reloaded. */
export const UNRESPONSIVE_GRACE_MS = 15_000;

/** Chromium's "navigation aborted": a newer navigation replaced this one; nothing failed. */
const ERR_ABORTED = -3;

export interface RendererSupervision {
  pageUrl: string;
  log: ShellLog;
  now?: () => number;
  backoff?: ReloadBackoff;
}

export function superviseRenderer(window: BrowserWindow, { pageUrl, log, now = Date.now, backoff = RELOAD_BACKOFF }: RendererSupervision): void {
  const contents = window.webContents;
  let reloads: number[] = [];
  let pendingReload: NodeJS.Timeout | undefined;
  let hangTimer: NodeJS.Timeout | undefined;

  const scheduleReload = (why: string) => {
    if (pendingReload !== undefined) return;
    const at = now();
    const delayMs = reloadDelayMs(reloads, at, backoff);
    reloads = [...reloads.filter((earlier) => at - earlier < backoff.windowMs), at];
    log.warn('reloading the page', { why, delayMs });
    pendingReload = setTimeout(() => {
      pendingReload = undefined;
      if (window.isDestroyed()) return;
      // A failure here fires did-fail-load, which schedules the next, slower attempt.
      contents.loadURL(pageUrl).catch(() => {});
    }, delayMs);
  };

  contents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') scheduleReload(`renderer ${details.reason}`);
  });
  contents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
    if (isMainFrame && errorCode !== ERR_ABORTED) scheduleReload(`load failed: ${errorDescription}`);
  });
  window.on('unresponsive', () => {
    if (hangTimer !== undefined) return;
    hangTimer = setTimeout(() => {
      hangTimer = undefined;
      if (window.isDestroyed()) return;
      contents.forcefullyCrashRenderer();
      scheduleReload('page unresponsive');
    }, UNRESPONSIVE_GRACE_MS);
  });
  window.on('responsive', () => {
    clearTimeout(hangTimer);
    hangTimer = undefined;
  });
  window.on('closed', () => {
    clearTimeout(hangTimer);
    clearTimeout(pendingReload);
  });
}

/**
 * Holds the quit until `cleanup` (closing the embedded host, releasing the reader) has finished,
 * so SQLite is closed properly and the HID device is free for the next start.
 */
export function quitGracefully(app: Pick<App, 'on' | 'quit'>, cleanup: () => Promise<void>, log: ShellLog): void {
  let state: 'running' | 'cleaning' | 'done' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    cleanup()
      .catch((error: unknown) => log.error('clean-up on quit failed', { detail: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        state = 'done';
        app.quit();
      });
  });
}

/** What the error box says when the shell cannot start: in Danish and English, with the fix. */
export function startupFailureMessage(error: unknown): { title: string; body: string } {
  const title = 'Borgerservice-skærmen kunne ikke starte / The Borgerservice screen could not start';
  if (error instanceof ShellConfigError) {
    return { title, body: `${error.text.da}\n\n${error.text.en}` };
  }
  if (error instanceof ConfigError) {
    return {
      title,
      body: `Kontorværtens indstillinger (miljøvariabler) er forkerte:\nThe office host's settings (environment variables) are wrong:\n\n${error.message}`,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    return {
      title,
      body: `Kontorværten kan ikke bruge sin port: et andet program bruger den, eller den kræver flere rettigheder. Vælg en anden med PORT.
The office host cannot use its port: another program uses it, or it needs more rights. Choose another with PORT.

${detail}`,
    };
  }
  return { title, body: `Uventet fejl:\nUnexpected error:\n\n${detail}` };
}
