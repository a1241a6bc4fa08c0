/**
 * The event log as a hash chain: each event's hash covers the previous event's hash and every
 * stored field of the event, so changing, removing or inserting an event anywhere breaks every
 * hash after it. Pure: the hash function (SHA-256, from node:crypto in db/) is an argument, so
 * this module stays importable by the renderer.
 *
 * What it proves, and what not: an edit made without recomputing the chain (an SQL tool, a bug, a
 * restored half-file) is found. Someone who can write the database file and recompute every hash
 * after an edit is not; for that the head hash that a verification reports must be noted outside
 * the office PC (docs/statistics.md, "Retention").
 */

/** SHA-256 of a UTF-8 text, as 64 lowercase hex digits. */
export type HashText = (text: string) => string;

/** The previous hash of the very first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Names the canonical form, so a later change of form can be told apart from tampering. */
const CHAIN_FORM = 'bs-audit-1';

/** An event as stored: `data` is the JSON text exactly as in the row, not a re-serialised object. */
export interface ChainEvent {
  seq: number;
  at: number;
  type: string;
  ticketId: number | null;
  counterId: number | null;
  staffId: number | null;
  data: string;
}

export interface ChainRow extends ChainEvent {
  /** Null: the row was written without a hash (outside the host) and never sealed. */
  hash: string | null;
}

/** Where the chain starts after older events were deleted by retention: the last deleted event. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

/**
 * The text that is hashed. A JSON array is unambiguous (strings are quoted and escaped, numbers
 * and null have one spelling for the integers stored here), so no two different events share a
 * form, whatever their texts contain.
 */
export function canonicalEventText(previousHash: string, e: ChainEvent): string {
  return JSON.stringify([CHAIN_FORM, previousHash, e.seq, e.at, e.type, e.ticketId, e.counterId, e.staffId, e.data]);
}

export function nextHash(hash: HashText, previousHash: string, event: ChainEvent): string {
  return hash(canonicalEventText(previousHash, event));
}

/** What `retention.purged` events record about the anchor they set. */
export interface PurgeAnchorData {
  anchorSeq: number;
  anchorHash: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Events checked (up to and including the first broken one). */
  checked: number;
  /** The first event that cannot be vouched for; absent when the chain is whole. */
  firstBrokenSeq?: number;
  /** The last event of an unbroken chain and its hash: note them to detect a later rewrite. */
  lastSeq: number | null;
  lastHash: string | null;
}

/**
 * Checks a chain one row at a time, oldest first, in constant memory: a million-row log is
 * streamed through it. Checks for every row: the sequence number follows on (no row removed or
 * slipped in), the stored hash is the one its content and predecessor give. Then `finish` checks
 * the ends: no rows were cut off the end (the highest sequence number ever given, which SQLite
 * keeps in `sqlite_sequence`, is the last row's), and an anchor is the one the newest
 * `retention.purged` event recorded (a prefix cannot be deleted by hand and passed off as
 * retention).
 */
export class ChainVerifier {
  private previousHash: string;
  private previousSeq: number;
  private checked = 0;
  private brokenAt: number | null = null;
  private lastPurge: PurgeAnchorData | null = null;

  constructor(
    private readonly hash: HashText,
    private readonly anchor: ChainAnchor | null,
  ) {
    this.previousHash = anchor?.hash ?? GENESIS_HASH;
    this.previousSeq = anchor?.seq ?? 0;
  }

  /** False once the chain is broken: the caller can stop reading. */
  add(row: ChainRow): boolean {
    if (this.brokenAt !== null) return false;
    this.checked++;
    const expected = nextHash(this.hash, this.previousHash, row);
    if (row.seq !== this.previousSeq + 1 || row.hash !== expected) {
      this.brokenAt = row.seq;
      return false;
    }
    if (row.type === 'retention.purged') this.lastPurge = purgeAnchorOf(row.data);
    this.previousHash = expected;
    this.previousSeq = row.seq;
    return true;
  }

  /** `highestSeqGiven`: the largest sequence number the database ever handed out (0 for none). */
  finish(highestSeqGiven: number): ChainVerification {
    const brokenAt = [this.brokenAt, this.truncatedAt(highestSeqGiven), this.unconfirmedAnchorAt()].filter((seq): seq is number => seq !== null);
    if (brokenAt.length > 0) return { ok: false, checked: this.checked, firstBrokenSeq: Math.min(...brokenAt), lastSeq: null, lastHash: null };
    const empty = this.checked === 0 && this.anchor === null;
    return { ok: true, checked: this.checked, lastSeq: empty ? null : this.previousSeq, lastHash: empty ? null : this.previousHash };
  }

  private truncatedAt(highestSeqGiven: number): number | null {
    return this.brokenAt === null && highestSeqGiven > this.previousSeq ? this.previousSeq + 1 : null;
  }

  /** Only relevant once the whole chain was read: the newest purge event comes after the anchor. */
  private unconfirmedAnchorAt(): number | null {
    if (this.anchor === null || this.brokenAt !== null) return null;
    const confirmed = this.lastPurge?.anchorSeq === this.anchor.seq && this.lastPurge.anchorHash === this.anchor.hash;
    return confirmed ? null : this.anchor.seq + 1;
  }
}

/** Verifies a whole chain held in memory (tests, small logs); the host streams through `ChainVerifier`. */
export function verifyChain(hash: HashText, rows: Iterable<ChainRow>, anchor: ChainAnchor | null, highestSeqGiven: number): ChainVerification {
  const verifier = new ChainVerifier(hash, anchor);
  for (const row of rows) if (!verifier.add(row)) break;
  return verifier.finish(highestSeqGiven);
}

function purgeAnchorOf(data: string): PurgeAnchorData | null {
  try {
    const parsed = JSON.parse(data) as Partial<PurgeAnchorData>;
    return typeof parsed.anchorSeq === 'number' && typeof parsed.anchorHash === 'string' ? { anchorSeq: parsed.anchorSeq, anchorHash: parsed.anchorHash } : null;
  } catch {
    return null;
  }
}
