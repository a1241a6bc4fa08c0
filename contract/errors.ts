import { Type, type Static } from 'typebox';

/** Every refusal the host sends, whatever its status: a machine-readable code and a sentence. */
export const ApiErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }),
});
export type ApiErrorBody = Static<typeof ApiErrorBody>;

/**
 * The error answers of every route: any 4xx (bad input, no session, wrong role, not found,
 * conflict, too many) and the 5xx of a change that could not be saved. Spread into each route's
 * `response` beside its success answers.
 */
export const ErrorAnswers = {
  '4xx': ApiErrorBody,
  '5xx': ApiErrorBody,
} as const;

/** A 204: no body at all. */
export const NoContent = Type.Unsafe<undefined>({ type: 'null', description: 'No content' });

/**
 * An answer that is not JSON (a live stream, a file), declared by its media type so the OpenAPI
 * document says what comes; Fastify does not serialise it.
 */
export const NotJson = (mediaType: string, description: string) => ({
  description,
  // A stream or a file, not a string Fastify would serialise: typed `unknown` for the handler.
  content: { [mediaType]: { schema: Type.Unsafe<unknown>({ type: 'string', description }) } },
});
