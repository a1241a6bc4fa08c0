import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEventText, GENESIS_HASH, nextHash, verifyChain, type ChainAnchor, type ChainEvent, type ChainRow } from '../../core/audit-chain.js';

// The host hashes with node:crypto too; core only receives the function.
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function event(seq: number, overrides: Partial<ChainEvent> = {}): ChainEvent {
  return { seq, at: 1_780_000_000_000 + seq * 60_000, type: 'ticket.issued', ticketId: seq, counterId: null, staffId: null, data: `{"number":"M${seq}"}`, ...overrides };
}

/** A chain as the host writes it, starting after `anchor` (or from the beginning). */
function chain(count: number, anchor: ChainAnchor | null = null, overrides: (seq: number) => Partial<ChainEvent> = () => ({})): ChainRow[] {
  const rows: ChainRow[] = [];
  let previous = anchor?.hash ?? GENESIS_HASH;
  for (let seq = (anchor?.seq ?? 0) + 1; rows.length < count; seq++) {
    const e = event(seq, overrides(seq));
    previous = nextHash(sha256, previous, e);
    rows.push({ ...e, hash: previous });
  }
  return rows;
}

const lastSeq = (rows: ChainRow[]) => rows[rows.length - 1]?.seq ?? 0;

describe('the canonical form', () => {
  it('is a JSON array of the previous hash and every stored field, data as stored', () => {
    const text = canonicalEventText('ab', { seq: 7, at: 1000, type: 'counter.opened', ticketId: null, counterId: 2, staffId: 3, data: '{"counterName":"Skranke 2"}' });
    expect(JSON.parse(text)).toEqual(['bs-audit-1', 'ab', 7, 1000, 'counter.opened', null, 2, 3, '{"counterName":"Skranke 2"}']);
  });

  it('gives different events different forms, whatever their texts contain', () => {
    const field = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1e6 }));
    const anEvent = fc.record({ seq: fc.integer({ min: 1, max: 1e6 }), at: fc.integer({ min: 0 }), type: fc.string(), ticketId: field, counterId: field, staffId: field, data: fc.string() });
    fc.assert(
      fc.property(fc.string(), anEvent, fc.string(), anEvent, (p1, e1, p2, e2) => {
        const same = p1 === p2 && JSON.stringify(e1) === JSON.stringify(e2);
        expect(canonicalEventText(p1, e1) === canonicalEventText(p2, e2)).toBe(same);
      }),
    );
  });

  it('chains: an event hash depends on the previous hash', () => {
    expect(nextHash(sha256, GENESIS_HASH, event(1))).not.toBe(nextHash(sha256, 'f'.repeat(64), event(1)));
    expect(nextHash(sha256, GENESIS_HASH, event(1))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifying a chain', () => {
  it('accepts an intact chain and reports its head', () => {
    const rows = chain(5);
    expect(verifyChain(sha256, rows, null, 5)).toEqual({ ok: true, checked: 5, lastSeq: 5, lastHash: rows[4]!.hash });
  });

  it('accepts an empty log', () => {
    expect(verifyChain(sha256, [], null, 0)).toEqual({ ok: true, checked: 0, lastSeq: null, lastHash: null });
  });

  it('finds an edited field at the event edited', () => {
    for (const edit of [{ data: '{"number":"X999"}' }, { at: 1 }, { type: 'ticket.cancelled' }, { staffId: 9 }, { counterId: 4 }, { ticketId: null }]) {
      const rows = chain(6);
      rows[3] = { ...rows[3]!, ...edit };
      expect(verifyChain(sha256, rows, null, 6)).toMatchObject({ ok: false, firstBrokenSeq: 4, checked: 4 });
    }
  });

  it('finds an edited hash at that event', () => {
    const rows = chain(4);
    rows[1] = { ...rows[1]!, hash: 'a'.repeat(64) };
    expect(verifyChain(sha256, rows, null, 4)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('finds a deleted event at the one after it', () => {
    const rows = chain(6);
    rows.splice(2, 1);
    expect(verifyChain(sha256, rows, null, 6)).toMatchObject({ ok: false, firstBrokenSeq: 4 });
  });

  it('finds deleted first events', () => {
    expect(verifyChain(sha256, chain(6).slice(2), null, 6)).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('finds events cut off the end: their numbers were handed out', () => {
    expect(verifyChain(sha256, chain(6).slice(0, 4), null, 6)).toMatchObject({ ok: false, firstBrokenSeq: 5, checked: 4 });
  });

  it('finds an event slipped in with a correct hash but a number out of turn', () => {
    const rows = chain(3);
    const stray = event(7);
    rows.push({ ...stray, hash: nextHash(sha256, rows[2]!.hash!, stray) });
    expect(verifyChain(sha256, rows, null, 7)).toMatchObject({ ok: false, firstBrokenSeq: 7 });
  });

  it('finds a row that was never sealed', () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, hash: null };
    expect(verifyChain(sha256, rows, null, 3)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });
});

describe('verifying a chain after retention', () => {
  /** Events 1–10, of which retention deleted 1–6 and recorded the purge as event 11. */
  function purged(): { anchor: ChainAnchor; rows: ChainRow[] } {
    const all = chain(10);
    const anchor = { seq: 6, hash: all[5]!.hash! };
    const purge = event(11, { type: 'retention.purged', data: JSON.stringify({ day: '2026-01-05', anchorSeq: 6, anchorHash: anchor.hash }) });
    const rows = [...all.slice(6), { ...purge, hash: nextHash(sha256, all[9]!.hash!, purge) }];
    return { anchor, rows };
  }

  it('starts from the anchor the newest purge recorded', () => {
    const { anchor, rows } = purged();
    expect(verifyChain(sha256, rows, anchor, 11)).toMatchObject({ ok: true, checked: 5, lastSeq: 11 });
  });

  it('refuses an anchor no purge recorded: a prefix deleted by hand', () => {
    const all = chain(10);
    const forged = { seq: 6, hash: all[5]!.hash! };
    expect(verifyChain(sha256, all.slice(6), forged, 10)).toMatchObject({ ok: false, firstBrokenSeq: 7 });
  });

  it('refuses an anchor moved past the one the purge recorded', () => {
    const { rows } = purged();
    expect(verifyChain(sha256, rows.slice(1), { seq: 7, hash: rows[0]!.hash! }, 11)).toMatchObject({ ok: false, firstBrokenSeq: 8 });
  });

  it('still finds an edit after the anchor', () => {
    const { anchor, rows } = purged();
    rows[2] = { ...rows[2]!, data: '{}' };
    expect(verifyChain(sha256, rows, anchor, 11)).toMatchObject({ ok: false, firstBrokenSeq: 9 });
  });
});
