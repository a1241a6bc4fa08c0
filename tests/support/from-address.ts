import http from 'node:http';

export interface AddressedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/**
 * A JSON request to the test host sent from another loopback address. Linux routes all of
 * 127.0.0.0/8 to the loopback device, so binding 127.0.0.2 makes the host see a second PC
 * (its rate limits are keyed by the client address); fetch cannot choose its source address.
 */
export function requestFrom(localAddress: string, baseUrl: string, method: string, route: string, body: unknown, cookie?: string): Promise<AddressedResponse> {
  const url = new URL(route, baseUrl);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress,
        // A fresh connection each time: a kept-alive socket would keep its first address anyway,
        // but many parallel requests must not queue behind a pool's few sockets.
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(cookie ? { cookie } : {}) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text ? JSON.parse(text) : null }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
