/**
 * Whether SQLite refused a write because of the disk rather than the data: the disk is full
 * (SQLITE_FULL), the file system turned read-only or the device failed (SQLITE_IOERR_…, which is
 * what a write to a file system remounted read-only gives), or the database or its -wal file cannot
 * be written or created (SQLITE_READONLY…, SQLITE_CANTOPEN). The transaction that met it was rolled
 * back, and the same write may succeed once the disk is fixed.
 */
export function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code === 'SQLITE_FULL' || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY');
}

/**
 * A change could not be committed (a full, read-only or failing disk): none of it was stored.
 * The host answers it with a 503 `not_saved`.
 */
export class ChangeNotSavedError extends Error {
  readonly code = 'not_saved';

  constructor(cause: unknown) {
    super('The office host could not save this just now. Nothing was stored; please try again.', { cause });
    this.name = 'ChangeNotSavedError';
  }
}
