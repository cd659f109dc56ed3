import type { FastifyInstance } from 'fastify';

/** Centre's error body for the answers the kit makes itself (faults, 404s, 429s, bad JSON). */
export function centreErrorBody(status: number, message: string): unknown {
  if (status === 429) return { success: false, error: 'Rate limit exceeded', retryAfter: 1 };
  if (status >= 500) return { success: false, error: 'Internal server error', message };
  return { success: false, error: message };
}

/**
 * The kit's errorBody does not receive the retry delay, but Centre's 429 body carries it as
 * `retryAfter`; this copies the Retry-After header the kit set into the body before it is sent.
 */
export function addRetryAfterToRateLimitBodies(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode !== 429 || typeof payload !== 'string') return payload;
    const retryAfter = Number(reply.getHeader('retry-after'));
    if (!Number.isSafeInteger(retryAfter)) return payload;
    try {
      const body = JSON.parse(payload) as Record<string, unknown>;
      return JSON.stringify({ ...body, retryAfter });
    } catch {
      return payload;
    }
  });
}
