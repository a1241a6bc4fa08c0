import { setImmediate as nextTurn } from 'node:timers/promises';
import { ChainVerifier, type ChainVerification } from '../core/audit-chain.js';
import { sha256Hex } from '../db/audit-chain.js';
import { AuditChainReader } from '../db/audit-log.js';

/** Events between two turns of the event loop: some 50 ms of hashing, so clerks' requests never wait long. */
const EVENTS_PER_TURN = 10_000;

/**
 * Recomputes the whole chain from the database file, oldest event first, in constant memory:
 * rows are streamed from a snapshot on a connection of its own, and the work gives way to other
 * requests every few thousand events. Stops at the first broken event.
 */
export async function verifyAuditChain(databaseFile: string): Promise<ChainVerification> {
  const reader = new AuditChainReader(databaseFile);
  try {
    const verifier = new ChainVerifier(sha256Hex, reader.anchor);
    let sinceTurn = 0;
    for (const row of reader.rows()) {
      if (!verifier.add(row)) break;
      if (++sinceTurn === EVENTS_PER_TURN) {
        sinceTurn = 0;
        await nextTurn();
      }
    }
    return verifier.finish(reader.highestSeq);
  } finally {
    reader.close();
  }
}
