import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { App, BrowserWindow } from 'electron';
import {
  quitGracefully,
  RELOAD_BACKOFF,
  reloadDelayMs,
  startupFailureMessage,
  superviseRenderer,
  UNRESPONSIVE_GRACE_MS,
} from '../../electron/lifecycle.js';
import { ShellConfigError } from '../../electron/shell-config.js';
import { ConfigError } from '../../server/config.js';
import { app, fakeElectron, FakeBrowserWindow, FakeEvent } from './fake-electron.js';
import { recordingLog } from './recording-log.js';

vi.mock('electron', () => import('./fake-electron.js'));

const PAGE = 'http://127.0.0.1:8080/kiosk';

beforeEach(() => fakeElectron.reset());
afterEach(() => vi.useRealTimers());

describe('reloadDelayMs', () => {
  const minute = 60_000;
  it.each([
    [[], 1_000],
    [[-1 * minute], 2_000],
    [[-3 * minute, -2 * minute, -1 * minute], 8_000],
    [Array.from({ length: 12 }, (_, i) => -i * 1_000), 60_000],
    [[-11 * minute, -20 * minute], 1_000],
  ])('after reloads at %j (ms from now) waits %d ms', (offsets, expected) => {
    const now = 1_000_000_000;
    expect(reloadDelayMs(offsets.map((offset) => now + offset), now)).toBe(expected);
  });

  it('never exceeds the maximum', () => {
    const now = 5_000_000;
    const storm = Array.from({ length: 100 }, (_, i) => now - i);
    expect(reloadDelayMs(storm, now)).toBe(RELOAD_BACKOFF.maxDelayMs);
  });
});

describe('superviseRenderer', () => {
  function supervised() {
    vi.useFakeTimers();
    const window = new FakeBrowserWindow();
    const log = recordingLog();
    superviseRenderer(window as unknown as BrowserWindow, { pageUrl: PAGE, log, now: () => Date.now() });
    return { window, contents: window.webContents, log };
  }

  it('reloads the page after the renderer crashed, a second later', async () => {
    const { contents, log } = supervised();
    contents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 139 });
    await vi.advanceTimersByTimeAsync(999);
    expect(contents.loadedUrls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(contents.loadedUrls).toEqual([PAGE]);
    expect(log.entries).toEqual([{ level: 'warn', message: 'reloading the page', fields: { why: 'renderer crashed', delayMs: 1_000 } }]);
  });

  it('backs off when the renderer keeps crashing', async () => {
    const { contents, log } = supervised();
    for (let crash = 0; crash < 4; crash += 1) {
      contents.emit('render-process-gone', new FakeEvent(), { reason: 'oom', exitCode: 1 });
      await vi.advanceTimersByTimeAsync(60_000);
    }
    expect(log.entries.map((entry) => entry.fields?.delayMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(contents.loadedUrls).toHaveLength(4);
  });

  it('schedules one reload however many reports arrive meanwhile', async () => {
    const { contents } = supervised();
    contents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 1 });
    contents.emit('did-fail-load', new FakeEvent(), -102, 'ERR_CONNECTION_REFUSED', PAGE, true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(contents.loadedUrls).toEqual([PAGE]);
  });

  it('does not reload after a clean exit (the window is closing)', async () => {
    const { contents } = supervised();
    contents.emit('render-process-gone', new FakeEvent(), { reason: 'clean-exit', exitCode: 0 });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(contents.loadedUrls).toEqual([]);
  });

  it('retries a page that failed to load (host not reachable yet)', async () => {
    const { contents } = supervised();
    contents.emit('did-fail-load', new FakeEvent(), -102, 'ERR_CONNECTION_REFUSED', PAGE, true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(contents.loadedUrls).toEqual([PAGE]);
  });

  it('ignores aborted navigations and failures in sub-frames', async () => {
    const { contents } = supervised();
    contents.emit('did-fail-load', new FakeEvent(), -3, 'ERR_ABORTED', PAGE, true);
    contents.emit('did-fail-load', new FakeEvent(), -102, 'ERR_CONNECTION_REFUSED', 'http://127.0.0.1:8080/x', false);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(contents.loadedUrls).toEqual([]);
  });

  it('kills and reloads a page that stays hung past the grace period', async () => {
    const { window, contents } = supervised();
    window.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(UNRESPONSIVE_GRACE_MS - 1);
    expect(contents.crashCount).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(contents.crashCount).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(contents.loadedUrls).toEqual([PAGE]);
  });

  it('leaves a page alone that recovers within the grace period', async () => {
    const { window, contents } = supervised();
    window.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(UNRESPONSIVE_GRACE_MS / 2);
    window.emit('responsive');
    await vi.advanceTimersByTimeAsync(UNRESPONSIVE_GRACE_MS * 2);
    expect(contents.crashCount).toBe(0);
    expect(contents.loadedUrls).toEqual([]);
  });

  it('does nothing more once the window is closed', async () => {
    const { window, contents } = supervised();
    contents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 1 });
    window.destroy();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(contents.loadedUrls).toEqual([]);
  });
});

describe('quitGracefully', () => {
  it('holds the quit until clean-up has finished, then quits once', async () => {
    let finishCleanup = () => {};
    const cleanup = vi.fn(() => new Promise<void>((resolve) => (finishCleanup = resolve)));
    quitGracefully(app as unknown as App, cleanup, recordingLog());
    app.quit();
    expect(app.quitted).toBe(false);
    app.quit();
    expect(cleanup).toHaveBeenCalledTimes(1);
    finishCleanup();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it('still quits when clean-up fails, and logs it', async () => {
    const log = recordingLog();
    quitGracefully(app as unknown as App, async () => Promise.reject(new Error('database busy')), log);
    app.quit();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    expect(log.entries).toEqual([{ level: 'error', message: 'clean-up on quit failed', fields: { detail: 'database busy' } }]);
  });
});

describe('startupFailureMessage', () => {
  it('shows a config error in Danish and English under a bilingual title', () => {
    const message = startupFailureMessage(new ShellConfigError({ da: 'Filen mangler.', en: 'The file is missing.' }));
    expect(message).toEqual({
      title: 'Borgerservice-skærmen kunne ikke starte / The Borgerservice screen could not start',
      body: 'Filen mangler.\n\nThe file is missing.',
    });
  });

  it("explains the embedded host's settings errors", () => {
    const { body } = startupFailureMessage(new ConfigError('PORT must be a whole number from 0 to 65535 (got "x").'));
    expect(body).toContain('Kontorværtens indstillinger');
    expect(body).toContain("The office host's settings");
    expect(body).toContain('PORT must be a whole number');
  });

  it('explains a port already in use', () => {
    const error = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:8080'), { code: 'EADDRINUSE' });
    const { body } = startupFailureMessage(error);
    expect(body).toContain('Vælg en anden med PORT');
    expect(body).toContain('Choose another with PORT');
  });

  it('shows anything else as an unexpected error with its message', () => {
    expect(startupFailureMessage(new Error('boom')).body).toBe('Uventet fejl:\nUnexpected error:\n\nboom');
    expect(startupFailureMessage('odd').body).toContain('odd');
  });
});
