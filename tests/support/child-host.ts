import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const MAIN = path.resolve('dist/server/main.js');

export interface ChildHost {
  process: ChildProcess;
  url: string;
  output: () => string;
}

/**
 * The built office host as its own process, exactly as `npm start` runs it, so a test can kill it
 * with SIGKILL; as another `user` when the test runs as root. `npm test` builds before vitest runs.
 */
export async function spawnHost(env: NodeJS.ProcessEnv, user?: { uid: number; gid: number }): Promise<ChildHost> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build:host" first (npm test does).`);
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, PORT: '0', PASSWORD_HASH_COST: '14', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: a cold start takes about a second, but many times that on a loaded shared build machine.
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 60_000);
    const check = () => {
      const match = /listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  return { process: child, url, output: () => output };
}

/** Runs the built host to completion (for start-up failures) and returns its exit code and output. */
export async function runHostUntilExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

export async function killHard(host: ChildHost): Promise<void> {
  if (host.process.exitCode !== null || host.process.signalCode !== null) return;
  const exited = new Promise((resolve) => host.process.once('exit', resolve));
  host.process.kill('SIGKILL');
  await exited;
}

/** `npm run restore -- …`, as package.json runs it. */
export function runRestore(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', ...args], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}
