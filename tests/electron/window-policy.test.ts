import { describe, expect, it } from 'vitest';
import { SHELL_ROLES } from '../../contract/shell-bridge.js';
import { isPublicScreen, pageUrl, ROLE_ARGUMENT_PREFIX, windowOptions } from '../../electron/window-policy.js';

const PRELOAD = '/opt/app/dist/electron/preload.cjs';

describe('windowOptions', () => {
  it.each(SHELL_ROLES)('locks the %s window down as the Electron security checklist asks', (role) => {
    const prefs = windowOptions({ role, preloadPath: PRELOAD, allowDevTools: false }).webPreferences;
    expect(prefs).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs?.additionalArguments).toEqual([`${ROLE_ARGUMENT_PREFIX}${role}`]);
  });

  it('offers devtools only when allowed (an unpackaged development run)', () => {
    expect(windowOptions({ role: 'kiosk', preloadPath: PRELOAD, allowDevTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('puts the kiosk and the waiting-room display in kiosk mode, full screen', () => {
    for (const role of ['kiosk', 'display'] as const) {
      expect(windowOptions({ role, preloadPath: PRELOAD, allowDevTools: false })).toMatchObject({ kiosk: true, fullscreen: true });
    }
  });

  it('gives the counter clerk an ordinary window', () => {
    const options = windowOptions({ role: 'counter', preloadPath: PRELOAD, allowDevTools: false });
    expect(options).toMatchObject({ kiosk: false, fullscreen: false, width: 1280, height: 800 });
  });

  it('lets only the display play its chime without a touch', () => {
    const autoplay = (role: (typeof SHELL_ROLES)[number]) =>
      windowOptions({ role, preloadPath: PRELOAD, allowDevTools: false }).webPreferences?.autoplayPolicy;
    expect(autoplay('display')).toBe('no-user-gesture-required');
    expect(autoplay('kiosk')).toBe('document-user-activation-required');
    expect(autoplay('counter')).toBe('document-user-activation-required');
  });
});

describe('pageUrl', () => {
  it.each([
    ['kiosk', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080/kiosk'],
    ['counter', 'https://office-pc.local:8443', 'https://office-pc.local:8443/counter'],
    ['display', 'https://office-pc.local', 'https://office-pc.local/display'],
  ] as const)('opens the %s page on the host', (role, origin, expected) => {
    expect(pageUrl(role, origin)).toBe(expected);
  });
});

describe('isPublicScreen', () => {
  it('is true for the unattended screens only', () => {
    expect(SHELL_ROLES.filter(isPublicScreen)).toEqual(['kiosk', 'display']);
  });
});
