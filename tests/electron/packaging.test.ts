import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.yml, read and checked by electron-builder's own loader and schema (the same
 * code `npm run dist` runs), plus the settings this project depends on.
 */
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const projectDir = new URL('../../', import.meta.url).pathname;
const config = await getConfig(projectDir, `${projectDir}electron-builder.yml`, null);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, outside the compiler output folder', () => {
    expect(config).toMatchObject({
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      directories: { output: 'release' },
    });
  });

  it('skips the native rebuild and unpacks the native modules from the asar', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**/*', 'node_modules/node-hid/**/*']));
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspector, asar integrity on', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('Linux auto-start files', () => {
  const executable = `/usr/bin/${(config.linux as { executableName: string }).executableName}`;
  it.each([
    ['borgerservice-kiosk.service', 'ExecStart'],
    ['borgerservice-kiosk.desktop', 'Exec'],
  ])('%s starts the installed executable', (file, key) => {
    const text = readFileSync(new URL(`../../electron/autostart/${file}`, import.meta.url), 'utf8');
    const lines = text.split('\n').filter((line) => line.startsWith(`${key}=`));
    expect(lines).toEqual([`${key}=${executable}`]);
  });
});
