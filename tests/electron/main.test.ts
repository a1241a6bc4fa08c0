import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SHELL_CONFIG_ENV } from '../../electron/shell-config.js';
import { app, fakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));
vi.mock('../../server/host.js', () => ({
  startHost: vi.fn(async () => ({ url: 'http://127.0.0.1:8080', app: {}, close: async () => {} })),
}));

const dir = mkdtempSync(path.join(tmpdir(), 'shell-main-'));
const savedConfigPath = process.env[SHELL_CONFIG_ENV];
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  if (savedConfigPath === undefined) delete process.env[SHELL_CONFIG_ENV];
  else process.env[SHELL_CONFIG_ENV] = savedConfigPath;
  vi.restoreAllMocks();
});

const MAIN_MODULE = '../../electron/main.js';
let runs = 0;

/**
 * Loads main.ts afresh (it starts the shell when loaded, as Electron loads it) with this config
 * file. A new query string makes it a new module each time while everything it imports, the
 * electron fake included, stays the same instance.
 */
async function runMain(configText: string | null) {
  fakeElectron.reset();
  app.userDataDir = dir;
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  if (configText !== null) writeFileSync(file, configText);
  process.env[SHELL_CONFIG_ENV] = file;
  vi.spyOn(console, 'info').mockImplementation(() => {});
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  runs += 1;
  await import(/* @vite-ignore */ `${MAIN_MODULE}?run=${runs}`);
  return { errors, file };
}

describe('main (the entry point)', () => {
  it('starts the shell from process.env', async () => {
    await runMain(JSON.stringify({ role: 'kiosk' }));
    await vi.waitFor(() => expect(fakeElectron.windows[0]?.webContents.loadedUrls).toEqual(['http://127.0.0.1:8080/kiosk']));
    expect(fakeElectron.errorBoxes).toEqual([]);
    expect(app.exitCodes).toEqual([]);
  });

  it('explains a start-up failure in an error box, logs it and exits with 1', async () => {
    const { errors, file } = await runMain(null);
    await vi.waitFor(() => expect(app.exitCodes).toEqual([1]));
    expect(fakeElectron.errorBoxes).toHaveLength(1);
    const [box] = fakeElectron.errorBoxes;
    expect(box?.title).toBe('Borgerservice-skærmen kunne ikke starte / The Borgerservice screen could not start');
    expect(box?.content).toContain(`Skallens konfigurationsfil ${file} findes ikke`);
    expect(box?.content).toContain(`The shell config file ${file} does not exist`);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('[shell] the shell could not start'));
    expect(fakeElectron.windows).toEqual([]);
  });
});
