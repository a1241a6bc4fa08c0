import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewOfficeEvent, OfficeEvent } from '../../core/events.js';
import { openStore, type Store } from '../../db/store.js';

const changed = (key: string): NewOfficeEvent => ({ at: 1000, type: 'config.changed', ticketId: null, counterId: null, staffId: null, data: { key } });

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'store-change-'));
  store = openStore(path.join(dir, 'office.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('store.change, the one write path', () => {
  it('stores the change and its events in one transaction, and publishes the events once committed', () => {
    const published: OfficeEvent[][] = [];
    store.onCommitted((events) => published.push([...events]));
    const name = store.change((tx) => {
      tx.settings.set('officeName', 'Borgerservice Nord');
      expect(published).toEqual([]);
      return { result: tx.settings.get('officeName'), events: [changed('officeName')] };
    });
    expect(name).toBe('Borgerservice Nord');
    expect(store.settings.get('officeName')).toBe('Borgerservice Nord');
    expect(store.events.since(0).map((e) => e.type)).toEqual(['config.changed']);
    expect(published.map((events) => events.map((e) => e.seq))).toEqual([[1]]);
  });

  it('stores neither the change nor its events when the change fails, and publishes nothing', () => {
    const published: OfficeEvent[][] = [];
    store.onCommitted((events) => published.push([...events]));
    expect(() =>
      store.change((tx) => {
        tx.settings.set('officeName', 'Half-way');
        throw new Error('refused after writing');
      }),
    ).toThrow(/refused after writing/);
    expect(store.settings.get('officeName')).toBe('Borgerservice');
    expect(store.events.lastSeq()).toBe(0);
    expect(published).toEqual([]);
  });

  it('offers only read views outside a change (checked by the typecheck of npm test)', () => {
    const writeOutsideAChange = (s: Store) => {
      // @ts-expect-error the store's own repositories are read-only views: writes exist only in store.change
      s.settings.set('officeName', 'Nowhere');
      // @ts-expect-error not even the event log can be appended to outside a change
      s.events.append(changed('officeName'));
    };
    expect(writeOutsideAChange).toBeTypeOf('function');
  });

  it('fills what a stored setting lacks from the registry\'s defaults', () => {
    store.change((tx) => {
      // A value stored before `guardMinutes` existed.
      tx.settings.set('queuePolicy', { maxConsecutiveUrgent: 2 } as never);
      return { result: undefined, events: [] };
    });
    expect(store.settings.get('queuePolicy')).toMatchObject({ maxConsecutiveUrgent: 2, guardMinutes: expect.any(Number) });
  });
});
