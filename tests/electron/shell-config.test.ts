import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  parseShellConfig,
  readShellConfig,
  SHELL_CONFIG_ENV,
  ShellConfigError,
  shellConfigPath,
} from '../../electron/shell-config.js';

const TOKEN = 'kiosk-7f3a9c2e51b04d8e';

function errorOf(action: () => unknown): ShellConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof ShellConfigError) return error;
    throw error;
  }
  throw new Error('expected a ShellConfigError');
}

describe('parseShellConfig', () => {
  it('gives a kiosk without hostUrl the embedded host and documented defaults', () => {
    expect(parseShellConfig({ role: 'kiosk' })).toEqual({
      role: 'kiosk',
      host: { kind: 'embedded' },
      printerName: null,
      scanner: { kind: 'none' },
      deviceToken: null,
    });
  });

  it('reads a counter that points at a remote host, keeping only the origin', () => {
    const config = parseShellConfig({ role: 'counter', hostUrl: 'https://Office-PC.local:8443/' });
    expect(config.host).toEqual({ kind: 'remote', origin: 'https://office-pc.local:8443' });
  });

  it('reads a remote kiosk with its device token, printer and scanner settings passed through', () => {
    const config = parseShellConfig({
      role: 'kiosk',
      hostUrl: 'http://10.0.0.5:8080',
      deviceToken: TOKEN,
      printerName: ' TM_T20III ',
      scanner: { kind: 'hid-pos', pollIntervalMs: 500, usagePage: null },
    });
    expect(config).toEqual({
      role: 'kiosk',
      host: { kind: 'remote', origin: 'http://10.0.0.5:8080' },
      printerName: 'TM_T20III',
      scanner: { kind: 'hid-pos', pollIntervalMs: 500, usagePage: null },
      deviceToken: TOKEN,
    });
  });

  it.each([
    [null, 'must be a JSON object'],
    [[{ role: 'kiosk' }], 'must be a JSON object'],
    [{}, '"role" is missing'],
    [{ role: 'manager' }, '"role" must be kiosk, counter, display (got "manager")'],
    [{ role: 'kiosk', hostURL: 'http://x' }, 'unknown fields "hostURL"'],
    [{ role: 'counter' }, 'the "counter" role shows pages of an office host running elsewhere: set "hostUrl"'],
    [{ role: 'display' }, 'the "display" role shows pages of an office host running elsewhere'],
    [{ role: 'counter', hostUrl: 'office-pc' }, '"hostUrl" is not a valid address'],
    [{ role: 'counter', hostUrl: 'ftp://office-pc' }, '"hostUrl" must start with https:// or http://'],
    [{ role: 'counter', hostUrl: 'https://office-pc/counter' }, 'without a path'],
    [{ role: 'counter', hostUrl: 'https://office-pc/?x=1' }, 'without a path'],
    [{ role: 'counter', hostUrl: 42 }, '"hostUrl" must be an address'],
    [{ role: 'kiosk', hostUrl: 'https://office-pc' }, 'needs "deviceToken"'],
    [{ role: 'counter', hostUrl: 'https://office-pc', deviceToken: TOKEN }, '"deviceToken" belongs to the "kiosk" role only'],
    [{ role: 'kiosk', deviceToken: 'two words' }, 'without spaces or line breaks'],
    [{ role: 'kiosk', deviceToken: 'abc\r\nX-Evil: 1' }, 'without spaces or line breaks'],
    [{ role: 'kiosk', printerName: '  ' }, '"printerName" must be the printer\'s name'],
    [{ role: 'kiosk', scanner: 'hid-pos' }, '"scanner" must be an object'],
    [{ role: 'kiosk', scanner: { kind: 'usb' } }, '"scanner.kind" must be none, simulator, hid-pos'],
  ])('refuses %j with a clear message', (raw, expected) => {
    const error = errorOf(() => parseShellConfig(raw));
    expect(error.text.en).toContain(expected);
    expect(error.message).toBe(error.text.en);
    expect(error.text.da.length).toBeGreaterThan(10);
    expect(error.text.da).not.toBe(error.text.en);
  });

  it('never repeats a password from hostUrl in its message', () => {
    const error = errorOf(() => parseShellConfig({ role: 'counter', hostUrl: 'https://admin:hunter2@office-pc' }));
    expect(error.text.en).toContain('must not contain a user name or password');
    expect(`${error.text.da} ${error.text.en}`).not.toContain('hunter2');
  });

  it('never repeats a malformed device token in its message', () => {
    const error = errorOf(() => parseShellConfig({ role: 'kiosk', deviceToken: 'secret token' }));
    expect(`${error.text.da} ${error.text.en}`).not.toContain('secret token');
  });
});

describe('shellConfigPath', () => {
  it('uses BORGERSERVICE_SHELL_CONFIG when set, made absolute', () => {
    expect(shellConfigPath({ [SHELL_CONFIG_ENV]: 'conf/shell.json' }, '/home/kiosk/.config/app')).toBe(path.resolve('conf/shell.json'));
  });

  it('falls back to shell.json in the userData folder', () => {
    expect(shellConfigPath({ [SHELL_CONFIG_ENV]: '  ' }, '/home/kiosk/.config/app')).toBe('/home/kiosk/.config/app/shell.json');
    expect(shellConfigPath({}, '/home/kiosk/.config/app')).toBe('/home/kiosk/.config/app/shell.json');
  });
});

describe('readShellConfig', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shell-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads a file, also one saved with a byte-order mark', async () => {
    const file = write('bom.json', `\uFEFF{ "role": "display", "hostUrl": "http://office-pc:8080" }`);
    await expect(readShellConfig(file)).resolves.toMatchObject({ role: 'display', host: { origin: 'http://office-pc:8080' } });
  });

  it('explains a missing file, naming the path and what to write', async () => {
    const file = path.join(dir, 'absent.json');
    const error = await readShellConfig(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShellConfigError);
    expect((error as ShellConfigError).text.en).toBe(
      `The shell config file ${file} does not exist. Create it with at least { "role": "kiosk" | "counter" | "display" } (see docs/electron.md).`,
    );
    expect((error as ShellConfigError).text.da).toContain(`${file} findes ikke`);
  });

  it('reports broken JSON without quoting the file, which may hold the device token', async () => {
    const file = write('broken.json', `{ "role": "kiosk", "deviceToken": "${TOKEN}", }`);
    const error = (await readShellConfig(file).catch((caught: unknown) => caught)) as ShellConfigError;
    expect(error.text.en).toBe(`The shell config file ${file} is not valid JSON. Check commas, quotes and braces.`);
    expect(`${error.text.da} ${error.text.en}`).not.toContain(TOKEN);
  });

  it('prefixes content problems with the file path', async () => {
    const file = write('counter.json', '{ "role": "counter" }');
    const error = (await readShellConfig(file).catch((caught: unknown) => caught)) as ShellConfigError;
    expect(error.text.en).toMatch(new RegExp(`^The shell config file ${file}: the "counter" role shows pages`));
    expect(error.text.da).toMatch(new RegExp(`^Skallens konfigurationsfil ${file}: rollen "counter"`));
  });
});
