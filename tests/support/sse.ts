import type { OfficeEvent } from '../../core/events.js';

export interface SseEvent {
  id: number;
  type: string;
  data: any;
}

/**
 * Splits a text/event-stream into events the way a browser's EventSource does: an event counts once
 * its closing blank line has arrived, so a connection cut in the middle of one loses that event.
 */
export class SseParser {
  private buffer = '';

  push(text: string): SseEvent[] {
    this.buffer += text;
    const events: SseEvent[] = [];
    for (let end = this.buffer.indexOf('\n\n'); end >= 0; end = this.buffer.indexOf('\n\n')) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      const id = field('id');
      if (id !== undefined) events.push({ id: Number(id), type: field('event')!, data: JSON.parse(field('data')!) });
    }
    return events;
  }
}

export interface StreamOptions {
  headers?: Record<string, string>;
  /** Called for each complete event; return false to stop reading. */
  onEvent: (event: SseEvent) => boolean;
  /** Cut the connection once this many bytes have arrived, dropping the rest of that chunk. */
  cutAfterBytes?: number;
  /** Closes the connection from outside (a screen that has seen enough). */
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Reads an event stream until `onEvent` declines more, the cut, `signal`, the end of the stream, or the time-out (which throws). */
export async function readStream(url: string, options: StreamOptions): Promise<'stopped' | 'cut' | 'aborted' | 'ended'> {
  const controller = new AbortController();
  const abortFromOutside = () => controller.abort();
  options.signal?.addEventListener('abort', abortFromOutside);
  if (options.signal?.aborted) return 'aborted';
  const timeoutMs = options.timeoutMs ?? 10_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetch(url, { headers: options.headers ?? {}, signal: controller.signal });
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    let received = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'ended';
      let bytes = value;
      const cut = options.cutAfterBytes !== undefined && received + bytes.length >= options.cutAfterBytes;
      if (cut) bytes = bytes.subarray(0, options.cutAfterBytes! - received);
      received += bytes.length;
      for (const event of parser.push(decoder.decode(bytes, { stream: true }))) {
        if (!options.onEvent(event)) return 'stopped';
      }
      if (cut) return 'cut';
    }
  } catch (error) {
    if (timedOut) throw new Error(`no end of ${url} within ${timeoutMs} ms`);
    if (options.signal?.aborted) return 'aborted';
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abortFromOutside);
    controller.abort();
  }
}

/** A staff session cookie (`name=value`) for raw fetches such as event streams. */
export async function sessionCookie(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/**
 * The whole event log as staff see it: the live stream replayed from the start, read up to the
 * newest event the host reports. Assumes nothing writes meanwhile.
 */
export async function readEventLog(baseUrl: string, cookie: string): Promise<OfficeEvent[]> {
  const lastSeq = ((await (await fetch(`${baseUrl}/api/display`)).json()) as { lastSeq: number }).lastSeq;
  const events: OfficeEvent[] = [];
  if (lastSeq === 0) return events;
  const ending = await readStream(`${baseUrl}/api/events?lastEventId=0`, {
    headers: { cookie },
    onEvent: (event) => {
      events.push(event.data as OfficeEvent);
      return event.id < lastSeq;
    },
  });
  if (ending !== 'stopped') throw new Error(`the event stream ended before event ${lastSeq}`);
  return events;
}

/** The sequence numbers that are missing from 1..(highest), or repeated, in a log read in order. */
export function sequenceFaults(seqs: readonly number[]): { missing: number[]; outOfOrder: number[] } {
  const missing: number[] = [];
  const outOfOrder: number[] = [];
  seqs.forEach((seq, index) => {
    const expected = index === 0 ? 1 : seqs[index - 1]! + 1;
    if (seq > expected) for (let s = expected; s < seq; s++) missing.push(s);
    if (seq < expected) outOfOrder.push(seq);
  });
  return { missing, outOfOrder };
}
