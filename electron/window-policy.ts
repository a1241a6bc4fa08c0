import type { BrowserWindowConstructorOptions } from 'electron';
import type { ShellRole } from '../contract/shell-bridge.js';

/** Each role's page on the office host. */
export const ROLE_PAGES: Readonly<Record<ShellRole, string>> = {
  kiosk: '/kiosk',
  counter: '/counter',
  display: '/display',
};

/**
 * The preload learns the role from this renderer argument rather than over IPC: it is known when
 * the window is made, the page cannot change it, and the bridge can offer `role` synchronously.
 */
export const ROLE_ARGUMENT_PREFIX = '--kiosk-shell-role=';

export function pageUrl(role: ShellRole, hostOrigin: string): string {
  return new URL(ROLE_PAGES[role], hostOrigin).href;
}

/** Kiosk and waiting-room screens stand unattended in public; the counter PC is a clerk's desktop. */
export function isPublicScreen(role: ShellRole): boolean {
  return role === 'kiosk' || role === 'display';
}

export interface WindowPolicyInput {
  role: ShellRole;
  /** Absolute path of the compiled preload (`preload.cjs`). */
  preloadPath: string;
  /** True only when running unpackaged (`npm run kiosk`); a packaged shell never offers devtools. */
  allowDevTools: boolean;
}

export function windowOptions({ role, preloadPath, allowDevTools }: WindowPolicyInput): BrowserWindowConstructorOptions {
  const publicScreen = isPublicScreen(role);
  return {
    title: 'Borgerservice',
    backgroundColor: '#ffffff',
    kiosk: publicScreen,
    fullscreen: publicScreen,
    autoHideMenuBar: true,
    ...(publicScreen ? {} : { width: 1280, height: 800, minWidth: 800, minHeight: 600 }),
    webPreferences: {
      preload: preloadPath,
      additionalArguments: [`${ROLE_ARGUMENT_PREFIX}${role}`],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: allowDevTools,
      // The waiting-room TV must chime when a number is called although nobody ever touches it.
      autoplayPolicy: role === 'display' ? 'no-user-gesture-required' : 'document-user-activation-required',
    },
  };
}
