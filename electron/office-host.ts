import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { startHost } from '../server/host.js';
import type { HostLocation } from './shell-config.js';

/** The office host this PC's window shows: started here (one-PC office) or running elsewhere. */
export interface OfficeHostConnection {
  /** The only origin the window may show and the only one IPC messages are taken from. */
  origin: string;
  close(): Promise<void>;
}

export interface EmbeddedHostContext {
  env: NodeJS.ProcessEnv;
  /** Electron's per-user folder; the database lives under it unless DATA_DIR says otherwise. */
  userDataDir: string;
  isPackaged: boolean;
  /** The built renderer (dist/renderer) the host serves. */
  rendererDir: string;
}

/**
 * The host's own settings come from the environment as for `npm start`, with two defaults that
 * suit an installed kiosk: the database under the user's app folder (an auto-started app's
 * working directory is arbitrary, often `/`), and production mode once packaged (no dev routes).
 */
export function embeddedHostEnv(env: NodeJS.ProcessEnv, userDataDir: string, isPackaged: boolean): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...env, DATA_DIR: env.DATA_DIR?.trim() || path.join(userDataDir, 'data') };
  if (isPackaged && !env.NODE_ENV?.trim()) result.NODE_ENV = 'production';
  return result;
}

/**
 * The origin the window loads. A host listening on every interface (HOST=0.0.0.0 so the counters
 * can reach it) reports that wildcard address, which Chromium refuses to load; the kiosk on the
 * same PC uses loopback instead.
 */
export function windowOriginForHostUrl(hostUrl: string): string {
  const url = new URL(hostUrl);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  return url.origin;
}

export async function connectOfficeHost(location: HostLocation, context: EmbeddedHostContext): Promise<OfficeHostConnection> {
  if (location.kind === 'remote') {
    return { origin: location.origin, close: async () => {} };
  }
  const config = loadConfig(embeddedHostEnv(context.env, context.userDataDir, context.isPackaged), {
    rendererDir: context.rendererDir,
  });
  const host = await startHost(config);
  return { origin: windowOriginForHostUrl(host.url), close: () => host.close() };
}
