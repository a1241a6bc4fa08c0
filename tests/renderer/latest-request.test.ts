import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../renderer/src/lib/api.js';
import { LatestRequest } from '../../renderer/src/lib/latest-request.svelte.js';

/** A promise the test settles when it chooses: answers arriving out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('LatestRequest', () => {
  it('keeps the newest answer when an older one arrives later', async () => {
    const request = new LatestRequest<string>();
    const older = deferred<string>();
    const newer = deferred<string>();
    const first = request.load(() => older.promise);
    const second = request.load(() => newer.promise);
    expect(request.loading).toBe(true);
    newer.resolve('new range');
    await second;
    older.resolve('old range');
    await first;
    expect(request.value).toBe('new range');
    expect(request.loading).toBe(false);
  });

  it('keeps the host’s refusal with its code and message, and forgets it on the next answer', async () => {
    const request = new LatestRequest<string>();
    await request.load(() => Promise.reject(new ApiCallError(400, 'range_too_long', 'A range may span at most 400 days.')));
    expect(request.value).toBeNull();
    expect(request.error).toMatchObject({ status: 400, code: 'range_too_long', message: 'A range may span at most 400 days.' });
    await request.load(() => Promise.resolve('fine'));
    expect(request.error).toBeNull();
    expect(request.value).toBe('fine');
  });

  it('ignores an answer still under way once cleared', async () => {
    const request = new LatestRequest<string>();
    const pending = deferred<string>();
    const load = request.load(() => pending.promise);
    request.clear();
    pending.resolve('too late');
    await load;
    expect(request.value).toBeNull();
    expect(request.loading).toBe(false);
  });
});
