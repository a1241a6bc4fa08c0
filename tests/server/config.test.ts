import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

const load = (env: NodeJS.ProcessEnv) => loadConfig(env, { rendererDir: '/tmp/renderer' });

describe('host configuration from the environment', () => {
  it('defaults to loopback on port 8080 with ./data', () => {
    const config = load({});
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', tls: undefined, scanner: 'none', sessionIdleMinutes: 60, passwordHashCost: 17 });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('refuses the office network without TLS unless ALLOW_INSECURE_LAN=1', () => {
    expect(() => load({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => load({ HOST: '0.0.0.0' })).toThrow(/TLS_CERT and TLS_KEY|ALLOW_INSECURE_LAN/);
    expect(load({ HOST: '0.0.0.0', ALLOW_INSECURE_LAN: '1' }).allowInsecureLan).toBe(true);
    expect(load({ HOST: '0.0.0.0', TLS_CERT: 'c.pem', TLS_KEY: 'k.pem' }).tls).toEqual({ cert: 'c.pem', key: 'k.pem' });
  });

  it('explains bad values instead of guessing', () => {
    expect(() => load({ TLS_CERT: 'c.pem' })).toThrow(/set together/);
    expect(() => load({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => load({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => load({ SCANNER: 'usb' })).toThrow(/SCANNER must be/);
    expect(() => load({ PASSWORD_HASH_COST: '10' })).toThrow(/PASSWORD_HASH_COST/);
    expect(() => load({ LIVE_STREAMS_PER_ADDRESS: '0' })).toThrow(/LIVE_STREAMS_PER_ADDRESS/);
    expect(() => load({ LIVE_STREAMS_TOTAL: 'many' })).toThrow(/LIVE_STREAMS_TOTAL/);
  });

  it('caps live streams at 20 per client address and 400 in all unless told otherwise', () => {
    expect(load({})).toMatchObject({ liveStreamsPerAddress: 20, liveStreamsTotal: 400 });
    expect(load({ LIVE_STREAMS_PER_ADDRESS: '60', LIVE_STREAMS_TOTAL: '1000' })).toMatchObject({ liveStreamsPerAddress: 60, liveStreamsTotal: 1000 });
  });
});
