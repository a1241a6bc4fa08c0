import type { Session } from 'electron';
import type { ShellLog } from './log.js';
import { isAllowedOrigin, originForLog } from './navigation-guard.js';

/**
 * Added to every response the shell's windows receive, on top of whatever the host sends (a
 * browser enforces each policy it gets, so this can only narrow). `data:` is allowed for images,
 * fonts and media because Vite inlines small assets (the display's chime among them) as data URLs.
 * Inline styles stay allowed: Svelte writes `style=` attributes for transitions.
 */
export const SHELL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "media-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export type ResponseHeaders = Record<string, string[]>;

export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const result: ResponseHeaders = { ...headers };
  const existing = Object.keys(result).find((name) => name.toLowerCase() === 'content-security-policy');
  const name = existing ?? 'Content-Security-Policy';
  result[name] = [...(result[name] ?? []), SHELL_CONTENT_SECURITY_POLICY];
  return result;
}

/**
 * The kiosk's device token goes only to the office host, and is added here rather than by the
 * page, so that page scripts never hold it and the event stream (EventSource cannot set
 * headers) carries it too.
 */
export function withDeviceToken(
  url: string,
  headers: Record<string, string>,
  hostOrigin: string,
  deviceToken: string | null,
): Record<string, string> {
  if (deviceToken === null || !isAllowedOrigin(url, hostOrigin)) return headers;
  return { ...headers, Authorization: `Bearer ${deviceToken}` };
}

export interface SessionPolicyOptions {
  hostOrigin: string;
  deviceToken: string | null;
  log: ShellLog;
}

/**
 * Deny-by-default for every permission, request and check alike, whatever the origin. No page
 * needs one: the display's chime is plain audio playback (no permission; autoplay is a window
 * preference), the windows are already full screen, and camera, microphone, location,
 * notifications, clipboard reading, WebHID/USB/serial and speaker selection have no use here (the
 * document reader is driven by the shell, not the page). Adding one later means a line here and a
 * test that says why.
 */
export function installSessionPolicy(session: Session, { hostOrigin, deviceToken, log }: SessionPolicyOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    log.warn('denied permission request', { permission, origin: originForLog(details.requestingUrl) });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.webRequest.onBeforeSendHeaders((details, callback) => {
    callback({ requestHeaders: withDeviceToken(details.url, details.requestHeaders, hostOrigin, deviceToken) });
  });
}
