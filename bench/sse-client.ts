import http from 'node:http';
import { now, withTimeout } from './harness.js';

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A waiting-room screen on the public live stream (GET /api/events, no login). It notes when each
 * `ticket.called` arrives, by ticket number, at the moment the bytes reach it.
 */
export class SseClient {
  private readonly calledAt = new Map<string, number>();
  private readonly waiters = new Map<string, Array<(at: number) => void>>();
  private buffer = '';

  private constructor(private readonly request: http.ClientRequest) {}

  static async connect(baseUrl: string): Promise<SseClient> {
    // agent: false — each screen is its own connection, outside any pool.
    const request = http.get(`${baseUrl}/api/events`, { agent: false, headers: { accept: 'text/event-stream' } });
    const client = new SseClient(request);
    const connected = new Promise<void>((resolve, reject) => {
      // Errors after connecting (the host or `close` ending the stream) show as missed events.
      request.on('error', reject);
      request.once('response', (response) => {
        response.on('error', () => undefined);
        if (response.statusCode !== 200) {
          reject(new Error(`GET /api/events answered ${response.statusCode}`));
          return;
        }
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          const at = now();
          client.buffer += chunk;
          if (client.buffer.includes(': connected')) resolve();
          client.takeEvents(at);
        });
      });
    });
    try {
      await withTimeout(connected, CONNECT_TIMEOUT_MS, 'SSE connect');
    } catch (error) {
      client.close();
      throw error;
    }
    return client;
  }

  /** When `number` was called, as soon as this screen has seen it. */
  calledAtFor(number: string): Promise<number> {
    const at = this.calledAt.get(number);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve) => {
      const list = this.waiters.get(number) ?? [];
      list.push(resolve);
      this.waiters.set(number, list);
    });
  }

  close(): void {
    this.request.destroy();
  }

  private takeEvents(at: number): void {
    for (let end = this.buffer.indexOf('\n\n'); end >= 0; end = this.buffer.indexOf('\n\n')) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      if (!block.includes('event: ticket.called\n')) continue;
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (!data) continue;
      const number = (JSON.parse(data.slice('data: '.length)) as { data: { number: string } }).data.number;
      this.calledAt.set(number, at);
      for (const resolve of this.waiters.get(number) ?? []) resolve(at);
      this.waiters.delete(number);
    }
  }
}
