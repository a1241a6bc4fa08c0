import { isIP } from 'node:net';
import path from 'node:path';
import { parseTimeOfDay } from '../core/office-day.js';
import { LIVE_HEARTBEAT_MS } from '../core/events.js';
import { normalizeHostName } from './host-names.js';
import { DEFAULT_PASSWORD_HASH_COST, MIN_PASSWORD_HASH_COST } from './secrets.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type ScannerKind = 'none' | 'simulator' | 'hid-pos';

export interface HostConfig {
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string | undefined;
  tls: { cert: string; key: string } | undefined;
  allowInsecureLan: boolean;
  /** ALLOWED_HOSTS: more names the host answers to besides its own (see server/host-names.ts). */
  allowedHosts: string[];
  production: boolean;
  scanner: ScannerKind;
  /** log2 of scrypt's N for new password hashes. */
  passwordHashCost: number;
  /** Minutes a staff session survives without a request. */
  sessionIdleMinutes: number;
  /** Folder of the database backups. */
  backupDir: string;
  /** How many backups are kept; older ones are deleted. */
  backupKeep: number;
  /** When the nightly backup runs, in minutes after midnight Copenhagen time. */
  backupTime: number;
  /** Where the built renderer lives (dist/renderer). */
  rendererDir: string;
  /** How often the live stream sends its heartbeat; only tests change it. */
  liveHeartbeatMs: number;
  /** Live streams open at once from one client address, and on the whole host. */
  liveStreamsPerAddress: number;
  liveStreamsTotal: number;
  /** A live stream whose client has not read for this long is dropped; only tests change it. */
  liveStallMs: number;
  /** Overridable clock, for tests that replay whole office days. */
  clock: () => number;
}

/**
 * Two heartbeats: a screen on a slow network catches up well within it, a client that has stopped
 * reading does not, and its socket and queue are freed.
 */
const LIVE_STALL_MS = 2 * LIVE_HEARTBEAT_MS;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** Reads the host's configuration from the environment; every variable is documented in the README. */
export function loadConfig(env: NodeJS.ProcessEnv, defaults: { rendererDir: string }): HostConfig {
  const port = parseInteger(env.PORT, 8080, 'PORT', 0, 65535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const certFile = env.TLS_CERT?.trim();
  const keyFile = env.TLS_KEY?.trim();
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new ConfigError('TLS_CERT and TLS_KEY must be set together (paths to the PEM certificate and its key).');
  }
  const tls = certFile && keyFile ? { cert: certFile, key: keyFile } : undefined;
  const allowInsecureLan = env.ALLOW_INSECURE_LAN === '1';
  if (!tls && !isLoopbackHost(host) && !allowInsecureLan) {
    throw new ConfigError(
      `HOST=${host} would expose staff passwords and session cookies on the office network without encryption. ` +
        'Set TLS_CERT and TLS_KEY, or set ALLOW_INSECURE_LAN=1 if you accept that risk.',
    );
  }
  const scanner = (env.SCANNER?.trim() || 'none') as ScannerKind;
  if (!['none', 'simulator', 'hid-pos'].includes(scanner)) {
    throw new ConfigError(`SCANNER must be none, simulator or hid-pos (got "${env.SCANNER}").`);
  }
  const dataDir = dataDirOf(env);
  const backupTime = parseTimeOfDay(env.BACKUP_TIME?.trim() || '02:00');
  if (backupTime === null) {
    throw new ConfigError(`BACKUP_TIME must be a time of day as HH:MM, from 00:00 to 23:59 (got "${env.BACKUP_TIME}").`);
  }
  return {
    port,
    host,
    dataDir,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    tls,
    allowInsecureLan,
    allowedHosts: parseAllowedHosts(env.ALLOWED_HOSTS),
    production: env.NODE_ENV === 'production',
    scanner,
    passwordHashCost: parseInteger(env.PASSWORD_HASH_COST, DEFAULT_PASSWORD_HASH_COST, 'PASSWORD_HASH_COST', MIN_PASSWORD_HASH_COST, 20),
    sessionIdleMinutes: parseInteger(env.SESSION_IDLE_MINUTES, 60, 'SESSION_IDLE_MINUTES', 1, 24 * 60),
    backupDir: path.resolve(env.BACKUP_DIR?.trim() || path.join(dataDir, 'backups')),
    backupKeep: parseInteger(env.BACKUP_KEEP, 14, 'BACKUP_KEEP', 1, 3650),
    backupTime,
    rendererDir: defaults.rendererDir,
    liveHeartbeatMs: LIVE_HEARTBEAT_MS,
    liveStreamsPerAddress: parseInteger(env.LIVE_STREAMS_PER_ADDRESS, 20, 'LIVE_STREAMS_PER_ADDRESS', 1, 10_000),
    liveStreamsTotal: parseInteger(env.LIVE_STREAMS_TOTAL, 400, 'LIVE_STREAMS_TOTAL', 1, 100_000),
    liveStallMs: LIVE_STALL_MS,
    clock: Date.now,
  };
}

/** The office database's file in the data folder. */
export const DATABASE_FILE = 'office.sqlite';

/** The data folder, DATA_DIR or ./data; also where `npm run restore` restores to. */
export function dataDirOf(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.DATA_DIR?.trim() || './data');
}

function parseInteger(raw: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

const HOST_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Comma-separated names or addresses, no ports and no wildcards: a typo should stop the start, not lock out a PC. */
function parseAllowedHosts(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const trimmed = entry.trim();
    const bare = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
    const name = isIP(bare) !== 0 || (HOST_NAME.test(bare) && bare.length <= 253) ? normalizeHostName(bare) : null;
    if (name === null) {
      throw new ConfigError(`ALLOWED_HOSTS must be host names or IP addresses separated by commas, without ports (got "${trimmed}").`);
    }
    return name;
  });
}
