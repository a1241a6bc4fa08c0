/**
 * Why the office refuses something, in its own words and without any transport: the kind says
 * what sort of refusal it is, and only server/errors.ts turns a kind into an HTTP status.
 */
export type RefusalKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict';

export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export const invalid = (code: string, message: string) => new Refusal('invalid', code, message);
export const forbidden = (message = 'Your role may not do this.', code = 'forbidden') => new Refusal('forbidden', code, message);
export const notFound = (what: string, code = 'not_found') => new Refusal('not_found', code, `${what} was not found.`);
export const conflict = (code: string, message: string) => new Refusal('conflict', code, message);
