import { describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import {
  installSessionPolicy,
  SHELL_CONTENT_SECURITY_POLICY,
  withContentSecurityPolicy,
  withDeviceToken,
} from '../../electron/session-policy.js';
import { session } from './fake-electron.js';
import { recordingLog } from './recording-log.js';

const HOST = 'https://office-pc.local:8443';
const TOKEN = 'kiosk-7f3a9c2e51b04d8e';

describe('withContentSecurityPolicy', () => {
  it('adds the shell policy to a response without one', () => {
    expect(withContentSecurityPolicy({ 'Content-Type': ['text/html'] })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [SHELL_CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [SHELL_CONTENT_SECURITY_POLICY] });
  });

  it("keeps the host's own policy beside it (both are enforced), whatever its header case", () => {
    const hostPolicy = "default-src 'self'";
    expect(withContentSecurityPolicy({ 'content-security-policy': [hostPolicy] })).toEqual({
      'content-security-policy': [hostPolicy, SHELL_CONTENT_SECURITY_POLICY],
    });
  });

  it('allows scripts only from the host and nothing framed or embedded', () => {
    const directives = new Map(
      SHELL_CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
        const [name, ...sources] = directive.split(' ');
        return [name, sources.join(' ')];
      }),
    );
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('connect-src')).toBe("'self'");
  });
});

describe('withDeviceToken', () => {
  it('adds the bearer token to requests for the host', () => {
    expect(withDeviceToken(`${HOST}/api/tickets`, { Accept: 'application/json' }, HOST, TOKEN)).toEqual({
      Accept: 'application/json',
      Authorization: `Bearer ${TOKEN}`,
    });
  });

  it('never sends it anywhere else', () => {
    const headers = { Accept: '*/*' };
    expect(withDeviceToken('https://office-pc.local:9999/api', headers, HOST, TOKEN)).toBe(headers);
    expect(withDeviceToken('https://evil.example/api', headers, HOST, TOKEN)).toBe(headers);
  });

  it('adds nothing when the kiosk has no token (embedded host: loopback is the kiosk)', () => {
    const headers = { Accept: '*/*' };
    expect(withDeviceToken(`${HOST}/api/tickets`, headers, HOST, null)).toBe(headers);
  });
});

describe('installSessionPolicy', () => {
  function installed(deviceToken: string | null = TOKEN) {
    const fake = session.defaultSession;
    const log = recordingLog();
    installSessionPolicy(fake as unknown as Session, { hostOrigin: HOST, deviceToken, log });
    return { fake, log };
  }

  it.each(['media', 'speaker-selection', 'notifications', 'geolocation', 'fullscreen', 'clipboard-read', 'hid', 'openExternal'])(
    'denies a %s request, even from the host page, and logs it',
    (permission) => {
      const { fake, log } = installed();
      const answers: boolean[] = [];
      const handler = fake.permissionRequestHandler as unknown as (
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void,
        details: { requestingUrl: string },
      ) => void;
      handler({}, permission, (granted) => answers.push(granted), { requestingUrl: `${HOST}/display` });
      expect(answers).toEqual([false]);
      expect(log.entries).toEqual([{ level: 'warn', message: 'denied permission request', fields: { permission, origin: HOST } }]);
    },
  );

  it('answers every permission check and device request with no', () => {
    const { fake } = installed();
    const check = fake.permissionCheckHandler as unknown as (...args: unknown[]) => boolean;
    const device = fake.devicePermissionHandler as unknown as (...args: unknown[]) => boolean;
    for (const permission of ['media', 'speaker-selection', 'fullscreen', 'clipboard-sanitized-write', 'hid', 'serial']) {
      expect(check({}, permission, HOST, { requestingUrl: `${HOST}/kiosk` })).toBe(false);
    }
    expect(device({ deviceType: 'hid', origin: HOST })).toBe(false);
  });

  it('puts the CSP on responses and the token on host requests', () => {
    const { fake } = installed();
    const responses: unknown[] = [];
    const requests: unknown[] = [];
    const onHeaders = fake.webRequest.headersReceived as unknown as (details: object, callback: (response: unknown) => void) => void;
    const onSend = fake.webRequest.beforeSendHeaders as unknown as (details: object, callback: (response: unknown) => void) => void;
    onHeaders({ url: `${HOST}/kiosk`, responseHeaders: {} }, (response) => responses.push(response));
    onSend({ url: `${HOST}/api/events`, requestHeaders: {} }, (response) => requests.push(response));
    onSend({ url: 'https://elsewhere.example/', requestHeaders: {} }, (response) => requests.push(response));
    expect(responses).toEqual([{ responseHeaders: { 'Content-Security-Policy': [SHELL_CONTENT_SECURITY_POLICY] } }]);
    expect(requests).toEqual([{ requestHeaders: { Authorization: `Bearer ${TOKEN}` } }, { requestHeaders: {} }]);
  });
});
