import { beforeEach, describe, expect, it, vi } from 'vitest';
import { connectOfficeHost, embeddedHostEnv, windowOriginForHostUrl } from '../../electron/office-host.js';
import type { HostConfig } from '../../server/config.js';
import { startHost } from '../../server/host.js';

vi.mock('../../server/host.js', () => ({ startHost: vi.fn() }));

const started = vi.mocked(startHost);
const close = vi.fn(async () => {});

beforeEach(() => {
  started.mockReset();
  close.mockClear();
  started.mockImplementation(async (config: HostConfig) => ({ url: `http://${config.host}:${config.port}`, app: {} as never, passwords: {} as never, close }));
});

const context = { env: {}, userDataDir: '/home/kiosk/.config/borgerservice-kiosk', isPackaged: false, rendererDir: '/opt/app/dist/renderer' };

describe('embeddedHostEnv', () => {
  it('keeps the database under the user data folder unless DATA_DIR is set', () => {
    expect(embeddedHostEnv({}, context.userDataDir, false).DATA_DIR).toBe('/home/kiosk/.config/borgerservice-kiosk/data');
    expect(embeddedHostEnv({ DATA_DIR: '/srv/office' }, context.userDataDir, false).DATA_DIR).toBe('/srv/office');
  });

  it('runs a packaged host in production mode unless told otherwise', () => {
    expect(embeddedHostEnv({}, '/u', true).NODE_ENV).toBe('production');
    expect(embeddedHostEnv({ NODE_ENV: 'development' }, '/u', true).NODE_ENV).toBe('development');
    expect(embeddedHostEnv({}, '/u', false).NODE_ENV).toBeUndefined();
  });

  it('passes every other setting through and leaves the given env alone', () => {
    const env = { PORT: '8090', HOST: '0.0.0.0' };
    expect(embeddedHostEnv(env, '/u', false)).toMatchObject({ PORT: '8090', HOST: '0.0.0.0' });
    expect(env).toEqual({ PORT: '8090', HOST: '0.0.0.0' });
  });
});

describe('windowOriginForHostUrl', () => {
  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://0.0.0.0:8080', 'http://127.0.0.1:8080'],
    ['http://[::]:8080', 'http://[::1]:8080'],
    ['https://office-pc.local:8443', 'https://office-pc.local:8443'],
  ])('%s → %s', (url, origin) => {
    expect(windowOriginForHostUrl(url)).toBe(origin);
  });
});

describe('connectOfficeHost', () => {
  it('starts nothing for a remote host', async () => {
    const connection = await connectOfficeHost({ kind: 'remote', origin: 'https://office-pc.local:8443' }, context);
    expect(connection.origin).toBe('https://office-pc.local:8443');
    await connection.close();
    expect(started).not.toHaveBeenCalled();
  });

  it('starts the embedded host from the environment with the shell defaults, and closes it', async () => {
    const connection = await connectOfficeHost({ kind: 'embedded' }, { ...context, env: { PORT: '0' }, isPackaged: true });
    expect(started).toHaveBeenCalledTimes(1);
    expect(started.mock.calls[0]?.[0]).toMatchObject({
      host: '127.0.0.1',
      port: 0,
      dataDir: '/home/kiosk/.config/borgerservice-kiosk/data',
      rendererDir: '/opt/app/dist/renderer',
      production: true,
    });
    expect(connection.origin).toBe('http://127.0.0.1:0');
    await connection.close();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it("lets the host's own config errors through", async () => {
    await expect(connectOfficeHost({ kind: 'embedded' }, { ...context, env: { PORT: 'eighty' } })).rejects.toThrow('PORT must be a whole number');
    expect(started).not.toHaveBeenCalled();
  });
});
