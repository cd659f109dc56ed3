import type { FastifyInstance } from 'fastify';
import { SandboxHttpError } from '../kit/index.ts';

const MALFORMED = Symbol('malformed JSON body');

/**
 * Replaces the kit's JSON parser so that an unparsable body is refused inside the route, after
 * the rate limiter and the key check, like every other 400 (and so with the X-RateLimit headers);
 * the kit's parser refuses it before the route runs. Keeps request.rawBody as the kit does.
 */
export function parseJsonInsideRoutes(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    request.rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(null, MALFORMED);
    }
  });
}

/** The parsed body; throws Centre's 400 when it was not JSON. */
export function jsonBody(body: unknown): unknown {
  if (body === MALFORMED) throw new SandboxHttpError(400, { success: false, error: 'Malformed JSON body' });
  return body;
}
