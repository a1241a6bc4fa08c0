import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { certificateNames, hostNameCheck, hostNameOf } from '../../server/host-names.js';
import { rawRequest } from '../support/raw-http.js';
import { ADMIN_PASSWORD, Client, startTestHost, type TestHost } from '../support/test-host.js';

const TLS_DIR = path.resolve('tests/support/tls');

let running: TestHost;
let port: string;
beforeAll(async () => {
  running = await startTestHost({}, { ALLOWED_HOSTS: 'kiosk.office.local, 10.20.30.40' });
  port = new URL(running.url).port;
});
afterAll(async () => running?.stop());

/** The kiosk PC's browser on the host PC (a loopback socket, so "the host's own kiosk"), asking by `name`. */
const askedAs = (name: string, route: string, method = 'GET', body?: string) =>
  rawRequest(running.url + route, { method, headers: { host: `${name}:${port}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body }) });

async function waitingCount(): Promise<number> {
  const admin = new Client(running.url);
  await admin.login('admin', ADMIN_PASSWORD);
  return ((await admin.get('/api/queue')).body as unknown[]).length;
}

describe('DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1', () => {
  it('gets 421 wrong_host and no kiosk rights: it cannot issue a ticket', async () => {
    const before = await waitingCount();
    const answer = await askedAs('evil.example', '/api/tickets', 'POST', JSON.stringify({ serviceCode: 'M' }));
    expect([answer.status, answer.body.error.code]).toEqual([421, 'wrong_host']);
    expect(await waitingCount()).toBe(before);
  });

  it('cannot listen to the scanner’s verdicts, read the board or load a page', async () => {
    for (const route of ['/api/scanner/events', '/api/events', '/api/display', '/api/health', '/kiosk', '/']) {
      const answer = await askedAs('evil.example', route);
      expect([answer.status, answer.body?.error?.code], route).toEqual([421, 'wrong_host']);
    }
  });

  it('is refused however the name is dressed up', async () => {
    for (const host of ['evil.example', `localhost.evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `evil@127.0.0.1:${port}`, `127.0.0.1:${port}/x`, 'localhost.']) {
      const answer = await rawRequest(`${running.url}/api/health`, { headers: { host } });
      expect(answer.status, JSON.stringify(host)).toBe(421);
    }
  });
});

describe('the names the host owns', () => {
  it('answers on the loopback names and this PC’s name, on any port', async () => {
    for (const name of ['localhost', 'LOCALHOST', '127.0.0.1', '[::1]', os.hostname()]) {
      expect((await askedAs(name, '/api/health')).status, name).toBe(200);
    }
    const otherPort = await rawRequest(`${running.url}/api/health`, { headers: { host: 'localhost:1' } });
    expect(otherPort.status).toBe(200);
  });

  it('answers on the names in ALLOWED_HOSTS, kiosk rights included', async () => {
    const ticket = await askedAs('kiosk.office.local', '/api/tickets', 'POST', JSON.stringify({ serviceCode: 'M' }));
    expect(ticket.status).toBe(201);
    expect((await askedAs('KIOSK.Office.Local', '/api/scanner/events')).contentType).toMatch(/^text\/event-stream/);
    expect((await askedAs('10.20.30.40', '/api/health')).status).toBe(200);
    expect((await askedAs('other.office.local', '/api/health')).status).toBe(421);
  });

  it('answers on the names in its TLS certificate: subjectAltName DNS and IP, CN, one-label wildcards', async () => {
    const tls = await startTestHost({}, { TLS_CERT: path.join(TLS_DIR, 'cert.pem'), TLS_KEY: path.join(TLS_DIR, 'key.pem') });
    try {
      const status = async (host: string) => (await tls.host.app.inject({ url: '/api/health', headers: { host } })).statusCode;
      for (const host of ['kontor.office.test', 'kontor-host.test:8443', 'a.wild.office.test', '192.0.2.44', '[fd00::44]:443', '[fd00:0:0:0:0:0:0:44]']) {
        expect(await status(host), host).toBe(200);
      }
      for (const host of ['wild.office.test', 'a.b.wild.office.test', 'office.test', '192.0.2.45', 'evil.example']) {
        expect(await status(host), host).toBe(421);
      }
    } finally {
      await tls.stop();
    }
  });
});

describe('host names, parsed', () => {
  it('reads a certificate’s names', () => {
    expect(certificateNames(readFileSync(path.join(TLS_DIR, 'cert.pem')))).toEqual([
      'kontor.office.test',
      '*.wild.office.test',
      '192.0.2.44',
      'FD00:0:0:0:0:0:0:44',
      'kontor-host.test',
    ]);
  });

  it('takes only a plain name and port from a Host header, in one spelling', () => {
    expect(hostNameOf('LocalHost:8080')).toBe('localhost');
    expect(hostNameOf('[0:0:0:0:0:0:0:1]:80')).toBe('[::1]');
    expect(hostNameOf('127.1')).toBe('127.0.0.1');
    for (const bad of [undefined, '', 'a b', 'evil@localhost', 'localhost/x', 'localhost:80:80', 'localhost:999999', '[::1', 'local%68ost']) {
      expect(hostNameOf(bad), String(bad)).toBeNull();
    }
  });

  it('owns every address of this PC when listening on all of them (HOST=0.0.0.0)', () => {
    const addresses = ['192.168.1.20', 'fe80::1'];
    const check = hostNameCheck({ listenAddress: '0.0.0.0', certificate: undefined, allowedHosts: [], machineName: 'kontor-pc', interfaceAddresses: () => addresses });
    expect(['192.168.1.20:8080', '[fe80::1]:8080', 'kontor-pc', '0.0.0.0:8080'].map(check)).toEqual([true, true, true, false]);
    expect(check('192.168.1.21:8080')).toBe(false);
    // A new DHCP lease: read again on a miss, not fixed at start.
    addresses.push('192.168.1.21');
    expect(check('192.168.1.21:8080')).toBe(true);
    const specific = hostNameCheck({ listenAddress: '192.168.1.20', certificate: undefined, allowedHosts: [], machineName: 'kontor-pc', interfaceAddresses: () => addresses });
    expect(['192.168.1.20', '192.168.1.21'].map(specific)).toEqual([true, false]);
  });
});

describe('ALLOWED_HOSTS', () => {
  const load = (value: string) => loadConfig({ ALLOWED_HOSTS: value }, { rendererDir: '/tmp/renderer' }).allowedHosts;

  it('takes names and addresses separated by commas, in one spelling', () => {
    expect(load(' Kiosk.Office.Local ,10.0.0.5,[fd00::5], fd00::6')).toEqual(['kiosk.office.local', '10.0.0.5', '[fd00::5]', '[fd00::6]']);
    expect(load('')).toEqual([]);
  });

  it('stops the start for anything else (exit code 2)', () => {
    for (const bad of ['kiosk.office.local:8080', 'http://kiosk', '*.office.local', 'kiosk,,other', 'kiosk_pc', 'a b', '-kiosk', 'x'.repeat(64)]) {
      expect(() => load(bad), bad).toThrow(ConfigError);
      expect(() => load(bad), bad).toThrow(/ALLOWED_HOSTS/);
    }
  });
});
