import { ChangeNotSavedError, isStorageFailure } from '../db/storage-failure.js';
import { Refusal, type RefusalKind } from '../office/refusal.js';

/**
 * An answer the API gives on purpose, thrown by the host: `{ error: { code, message } }` (the
 * contract's `ApiErrorBody`) with this status. A page receives it as `ApiCallError`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Sent with the answer, e.g. `retry-after` on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
export const unauthorized = (message = 'Log in first.') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message = 'Your role may not do this.') => new ApiError(403, 'forbidden', message);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);

/** The one place a refusal of the office (office/refusal.ts) becomes an HTTP status. */
const STATUS_OF_REFUSAL: Record<RefusalKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/**
 * What the layers below threw, as the answer the API gives: a refusal with its kind's status; a
 * change whose transaction failed (a full, read-only or failing disk), whether the group commit saw
 * it (`ChangeNotSavedError`) or any other change met it, as 503 not_saved (nothing was stored).
 * Undefined for anything else.
 */
export function apiErrorOf(thrown: unknown): ApiError | undefined {
  if (thrown instanceof ApiError) return thrown;
  if (thrown instanceof Refusal) return new ApiError(STATUS_OF_REFUSAL[thrown.kind], thrown.code, thrown.message);
  const cause = thrown instanceof ChangeNotSavedError ? thrown.cause : isStorageFailure(thrown) ? thrown : undefined;
  if (cause === undefined) return undefined;
  const error = new ApiError(503, 'not_saved', 'The office host could not save this just now. Nothing was stored; please try again.');
  error.cause = cause;
  return error;
}
