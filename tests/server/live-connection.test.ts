import { mkdtempSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/store.js';
import { fixtureWriter } from '../support/store-writer.js';
import { EventBus } from '../../server/event-bus.js';
import { LiveConnection, REPLAY_CHUNK } from '../../server/live-connection.js';
import { ReplayTurns } from '../../server/replay-turns.js';
import { FakeResponse } from '../support/fake-response.js';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-live-'));
  store = openStore(path.join(dir, 'office.sqlite'));
  fixtureWriter(store).write(() => {
    for (let i = 0; i < 10 * REPLAY_CHUNK; i++) {
      fixtureWriter(store).events.append({ at: 1000 + i, type: 'ticket.issued', ticketId: null, counterId: null, staffId: null, data: { number: `M${i}`, serviceCode: 'M', status: 'waiting' } });
    }
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};
const eventsIn = (res: FakeResponse) => res.written.join('').split('event: ticket.issued').length - 1;

describe("a replay to a client whose socket is full", () => {
  it('stops writing until the socket drains, then goes on where it stopped', async () => {
    const res = new FakeResponse();
    res.room = 2; // the greeting, then one chunk of the replay
    const connection = new LiveConnection(res as unknown as ServerResponse, store, new EventBus(), {
      viewer: 'manager',
      plan: { kind: 'replay', after: 0, notBefore: null },
      lastSeq: store.events.lastSeq(),
      heartbeatMs: 60_000,
      writer: { maxQueuedBytes: 1024 * 1024, stallMs: 60_000 },
      replayTurns: new ReplayTurns(50),
      onClose: () => {},
    });
    try {
      await turns(20);
      expect(eventsIn(res)).toBe(REPLAY_CHUNK);
      res.drain(3);
      await turns(20);
      expect(eventsIn(res)).toBe(4 * REPLAY_CHUNK);
      res.drain(Infinity);
      await turns(40);
      expect(eventsIn(res)).toBe(10 * REPLAY_CHUNK);
      const seqs = [...res.written.join('').matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));
      expect(seqs).toEqual(Array.from({ length: 10 * REPLAY_CHUNK }, (_, i) => i + 1));
    } finally {
      connection.abort();
    }
  });
});
