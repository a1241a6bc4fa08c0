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

/** A change could not be committed (a full, read-only or failing disk): none of it was stored. */
export class ChangeNotSavedError extends ApiError {
  constructor(cause: unknown) {
    super(503, 'not_saved', 'The office host could not save this just now. Nothing was stored; please try again.');
    this.cause = cause;
  }
}
