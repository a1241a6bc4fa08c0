import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventType } from '../../core/events.js';
import { LATEST_CALLS_SQL } from '../../db/events.js';
import { openStore, type Store } from '../../db/store.js';
import { fixtureWriter } from '../support/store-writer.js';

const TODAY = Date.parse('2026-12-03T07:00:00Z');
let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-calls-'));
  store = openStore(path.join(dir, 'office.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function append(type: EventType, at: number, number: string) {
  return fixtureWriter(store).events.append({ at, type, ticketId: null, counterId: 1, staffId: null, data: { number, serviceCode: 'M', status: 'called', counterName: 'Skranke 1' } });
}

describe("the waiting-room board's read of today's calls", () => {
  it('walks the calls index from the newest and stops: no scan of the day, no sort', () => {
    const plan = store.db
      .prepare<[number, number], { detail: string }>(`EXPLAIN QUERY PLAN ${LATEST_CALLS_SQL}`)
      .all(TODAY, 6)
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('USING INDEX events_calls');
    expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
  });

  it("gives today's newest calls and recalls first, and nothing else", () => {
    fixtureWriter(store).write(() => {
      append('ticket.called', TODAY - 24 * 60 * 60_000, 'Y001');
      for (let i = 1; i <= 20; i++) {
        append('ticket.issued', TODAY + i * 1000, `M${i}`);
        append(i % 5 === 0 ? 'ticket.recalled' : 'ticket.called', TODAY + i * 1000 + 1, `M${i}`);
        append('ticket.finished', TODAY + i * 1000 + 2, `M${i}`);
      }
    });
    const calls = store.events.latestCallsSince(TODAY, 6);
    expect(calls.map((event) => event.data.number)).toEqual(['M20', 'M19', 'M18', 'M17', 'M16', 'M15']);
    expect(calls.map((event) => event.type)).toEqual(['ticket.recalled', 'ticket.called', 'ticket.called', 'ticket.called', 'ticket.called', 'ticket.recalled']);
    expect(store.events.latestCallsSince(TODAY + 10 * 60_000, 6)).toEqual([]);
  });
});
