import http from 'node:http';

export interface RawAnswer {
  status: number;
  contentType: string;
  /** The parsed JSON body, or null for a body that is not JSON (a stream is never read). */
  body: any;
}

/**
 * One request with exactly the headers given, `Host` included, as a browser or an attacker's page
 * would send them; fetch() cannot do that, it always writes the Host it connects to. An event
 * stream is not read: its status and type are the answer, and the connection is closed.
 */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // Framed by its length: Node would send a DELETE's body unframed, which no server can read.
    const length: Record<string, number> = options.body === undefined ? {} : { 'content-length': Buffer.byteLength(options.body) };
    const request = http.request(url, { method: options.method ?? 'GET', headers: { ...length, ...options.headers } }, (response) => {
      const status = response.statusCode ?? 0;
      const contentType = response.headers['content-type'] ?? '';
      if (contentType.startsWith('text/event-stream')) {
        request.destroy();
        resolve({ status, contentType, body: null });
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          body = null;
        }
        resolve({ status, contentType, body });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}
