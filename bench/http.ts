import http from 'node:http';

export interface HttpResult {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** One request over `agent` (keep-alive for load, so the figures measure the host, not TCP set-up). */
export function httpRequest(agent: http.Agent, url: string, options: RequestOptions = {}): Promise<HttpResult> {
  const method = options.method ?? 'GET';
  // The host takes changes only as JSON; `{}` when there is nothing to say, as the pages do.
  const body = options.body === undefined && method !== 'GET' && method !== 'HEAD' ? {} : options.body;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string | number> = { ...options.headers };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent, headers }, (response) => {
      const chunks: string[] = [];
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: chunks.join(''), headers: response.headers }));
      response.on('error', reject);
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(payload);
  });
}

/** The body as JSON when the status is the expected one; anything else stops the benchmark. */
export function expectJson<T>(result: HttpResult, status: number, what: string): T {
  if (result.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${result.status} ${result.body.slice(0, 300)}`);
  return (result.body ? JSON.parse(result.body) : null) as T;
}

/** A browser-like client that keeps its session cookie: the admin's laptop, a clerk's PC. */
export class Session {
  private cookie: string | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly agent: http.Agent,
  ) {}

  async send(method: string, route: string, body?: unknown): Promise<HttpResult> {
    const result = await httpRequest(this.agent, this.baseUrl + route, {
      method,
      body,
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    const setCookie = result.headers['set-cookie']?.[0];
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    return result;
  }

  async login(username: string, password: string): Promise<void> {
    expectJson(await this.send('POST', '/api/auth/login', { username, password }), 200, `login as ${username}`);
  }
}
