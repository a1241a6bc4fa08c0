import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const DOCUMENT_HASH_KEY_FILE = 'document-hash.key';

/**
 * The office's secret for hashing scanned documents. It lives in its own file next to the
 * database, not in it: a copy of the database alone cannot be used to test which passport numbers
 * were scanned. Losing it only means repeated scans from before are no longer recognised.
 */
export function loadOrCreateDocumentHashKey(dataDir: string): Buffer {
  const file = path.join(dataDir, DOCUMENT_HASH_KEY_FILE);
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}
