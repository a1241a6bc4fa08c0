import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../renderer/src/lib/api.js';
import { appointmentsApi } from '../../renderer/src/lib/manager-appointments-api.js';
import { auditApi } from '../../renderer/src/lib/manager-audit-api.js';

/** What the pages put on the wire: the host refuses a change without a JSON body (cross-site forms). */
function recordRequests() {
  const sent: { method: string; contentType: string | undefined; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    sent.push({ method: init.method ?? 'GET', contentType: headers['content-type'], body: init.body });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return sent;
}
afterEach(() => vi.unstubAllGlobals());

describe('the typed API client', () => {
  it('sends {} as JSON with every change that has nothing to say', async () => {
    const sent = recordRequests();
    await api.logout();
    await api.openCounter(1);
    await api.callNext(1);
    await api.recall(7);
    await appointmentsApi.cancel(3);
    await auditApi.verify();
    expect(sent).toEqual(sent.map(({ method }) => ({ method, contentType: 'application/json', body: '{}' })));
    expect(sent.map(({ method }) => method)).toEqual(['POST', 'POST', 'POST', 'POST', 'DELETE', 'POST']);
  });

  it('sends no body with a read', async () => {
    const sent = recordRequests();
    await api.queue();
    expect(sent).toEqual([{ method: 'GET', contentType: undefined, body: undefined }]);
  });
});
