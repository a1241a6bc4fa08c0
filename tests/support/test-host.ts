import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type HostConfig } from '../../server/config.js';
import { startHost, type RunningHost } from '../../server/host.js';

export const ADMIN_PASSWORD = 'admin-test-password';

/** A controllable clock for tests that move through office days. */
export class TestClock {
  constructor(public now: number) {}
  advanceMinutes(minutes: number): void {
    this.now += minutes * 60_000;
  }
  readonly read = (): number => this.now;
}

export interface TestHost {
  host: RunningHost;
  url: string;
  dataDir: string;
  output: string[];
  stop(): Promise<void>;
}

/** The real office host on a loopback port with a fresh SQLite file in a temp folder. */
export async function startTestHost(overrides: Partial<HostConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestHost> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-test-'));
  const config = {
    ...loadConfig({ PORT: '0', DATA_DIR: dataDir, ADMIN_PASSWORD, PASSWORD_HASH_COST: '14', ...env }, { rendererDir: path.resolve('dist/renderer') }),
    ...overrides,
  };
  const output: string[] = [];
  const host = await startHost(config, { print: (line) => output.push(line), logLevel: 'silent' });
  return {
    host,
    url: host.url,
    dataDir,
    output,
    stop: async () => {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** An HTTP client with its own cookie, like one browser: a clerk's PC, the manager's laptop. */
export class Client {
  private cookie: string | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request<T = any>(method: string, route: string, body?: unknown, rawBody?: string): Promise<JsonResponse<T>> {
    const headers: Record<string, string> = { ...this.extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    // The host takes changes only as JSON: like the pages, say `{}` when there is nothing to say.
    const payload = rawBody ?? (body !== undefined ? JSON.stringify(body) : method === 'GET' || method === 'HEAD' ? undefined : '{}');
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.baseUrl + route, { method, headers, body: payload });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as T) : (null as T), headers: response.headers };
  }

  /** The session cookie (`name=value`), for raw requests such as event streams. */
  cookieHeader(): string {
    return this.cookie ?? '';
  }

  get = <T = any>(route: string) => this.request<T>('GET', route);
  post = <T = any>(route: string, body?: unknown) => this.request<T>('POST', route, body);

  async login(username: string, password: string): Promise<void> {
    const response = await this.post('/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

let staffCreated = 0;

/** Logs in as admin and creates staff members; returns one logged-in client per member. */
export async function clerks(url: string, count: number, role: 'clerk' | 'manager' = 'clerk'): Promise<Client[]> {
  const admin = new Client(url);
  await admin.login('admin', ADMIN_PASSWORD);
  const created: Client[] = [];
  for (let i = 1; i <= count; i++) {
    const n = ++staffCreated;
    const username = `${role}${n}`;
    const password = `${role}-password-${n}`;
    const response = await admin.post('/api/staff', { username, displayName: `${role} ${n}`, password, role });
    if (response.status !== 201) throw new Error(`create ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    const client = new Client(url);
    await client.login(username, password);
    created.push(client);
  }
  return created;
}
