import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { trackChild } from './cleanup.js';
import { withTimeout } from './harness.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOST_MAIN = path.join(ROOT, 'dist/server/main.js');
const HOST_SOURCES = ['core', 'db', 'server', 'hardware', 'electron'];

export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** SIGTERM and wait (a host closes its database); SIGKILL if it hangs. */
  stop(): Promise<void>;
}

/**
 * Starts a server process and resolves once it prints `listening on <url>`, as the office host
 * does. Killed at exit if the benchmark stops early.
 */
export async function spawnServer(args: string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /listening on (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`)));
    child.once('error', reject);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    try {
      await withTimeout(exited, STOP_TIMEOUT_MS, 'server stop');
    } catch {
      child.kill('SIGKILL');
      await exited;
    }
  };
  try {
    const url = await withTimeout(listening, START_TIMEOUT_MS, 'server start');
    return { child, url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

let buildChecked = false;

/** Builds the host (`npm run build:host`) when dist is missing or older than its sources, once per run. */
export function ensureHostBuilt(log: (line: string) => void): void {
  if (buildChecked) return;
  if (!existsSync(HOST_MAIN) || newestSourceMtime() > statSync(HOST_MAIN).mtimeMs) {
    log('building the office host (npm run build:host) …');
    execFileSync('npm', ['run', '--silent', 'build:host'], { cwd: ROOT, stdio: 'inherit' });
  }
  buildChecked = true;
}

function newestSourceMtime(): number {
  const newestIn = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return Math.max(newest, newestIn(full));
      return entry.name.endsWith('.ts') ? Math.max(newest, statSync(full).mtimeMs) : newest;
    }, 0);
  return Math.max(0, ...HOST_SOURCES.map((dir) => path.join(ROOT, dir)).filter(existsSync).map(newestIn));
}

/** The built office host exactly as `npm start` runs it, on loopback with its data in `dataDir`. */
export function hostArgs(nodeArgs: readonly string[]): string[] {
  return [...nodeArgs, HOST_MAIN];
}

export function hostEnv(dataDir: string): NodeJS.ProcessEnv {
  return { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD, PASSWORD_HASH_COST: '14' };
}

export function startBuiltHost(
  dataDir: string,
  nodeArgs: readonly string[],
  log: (line: string) => void,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  ensureHostBuilt(log);
  return spawnServer(hostArgs(nodeArgs), { ...hostEnv(dataDir), ...extraEnv });
}
