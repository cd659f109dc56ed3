import type { FastifyInstance } from 'fastify';

/** A body that is not JSON; the route answers it with FastAPI's 422 json_invalid after the key check. */
export class MalformedJson {
  constructor(readonly message: string) {}
}

/**
 * Replaces the kit's JSON parser, which answers 400 itself before the route runs: the supplier is
 * FastAPI, which answers 422 json_invalid, and a 400 here would read as "empty order" to a client.
 * Handing the route a MalformedJson keeps the request counted and rate-limited like any other.
 */
export function useFastApiJsonParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    request.rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(null, new MalformedJson(error instanceof Error ? error.message : String(error)));
    }
  });
}
