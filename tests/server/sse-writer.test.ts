import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SseWriter } from '../../server/sse-writer.js';
import { FakeResponse } from '../support/fake-response.js';

function writerOn(res: FakeResponse, limits = { maxQueuedBytes: 100, stallMs: 1000 }) {
  return new SseWriter(res as unknown as ServerResponse, limits);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('writing to a client whose socket is full', () => {
  it('holds text back until drain, then sends it in order, and lets a waiting replay go on', () => {
    const res = new FakeResponse();
    res.room = 1;
    const writer = writerOn(res);
    writer.write('a');
    expect(writer.full).toBe(true);
    writer.write('b');
    writer.write('c');
    let resumed = false;
    writer.whenReady(() => (resumed = true));
    expect(res.written).toEqual(['a']);
    expect(resumed).toBe(false);
    res.drain(10);
    expect(res.written).toEqual(['a', 'b', 'c']);
    expect(writer.full).toBe(false);
    expect(resumed).toBe(true);
  });

  it('drops the client whose queue outgrows its bound', () => {
    const res = new FakeResponse();
    res.room = 1;
    const writer = writerOn(res, { maxQueuedBytes: 100, stallMs: 60_000 });
    writer.write('first');
    for (let i = 0; i < 10 && !res.destroyed; i++) writer.write('x'.repeat(30));
    expect(res.destroyed).toBe(true);
    expect(writer.open).toBe(false);
  });

  it('drops the client whose socket stays full past the stall time, and not one that drains in time', () => {
    const slow = new FakeResponse();
    slow.room = 1;
    const slowWriter = writerOn(slow);
    slowWriter.write('a');
    vi.advanceTimersByTime(900);
    slow.drain(10);
    vi.advanceTimersByTime(5000);
    expect(slow.destroyed).toBe(false);

    const gone = new FakeResponse();
    gone.room = 1;
    const goneWriter = writerOn(gone);
    goneWriter.write('a');
    vi.advanceTimersByTime(1001);
    expect(gone.destroyed).toBe(true);
    goneWriter.write('after');
    expect(gone.written).toEqual(['a']);
  });
});
