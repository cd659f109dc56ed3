import type { FastifyPluginAsync } from 'fastify';
import type { Queryable } from '../store/database.ts';

/** Longer than any healthy store takes for SELECT 1; a probe must answer before its own timeout. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * GET /readyz: 200 `{ status: 'ready' }` when the store answers a trivial query, else 503
 * `{ status: 'unavailable' }`. The cause goes to logError only, never into the answer.
 */
export function readinessRoute(options: { database: Queryable; logError: (error: unknown) => void }): FastifyPluginAsync {
  return async (app) => {
    app.get('/readyz', async (_request, reply) => {
      try {
        await withTimeout(options.database.query('SELECT 1'), PROBE_TIMEOUT_MS);
        return { status: 'ready' };
      } catch (error) {
        options.logError(error);
        return reply.code(503).send({ status: 'unavailable' });
      }
    });
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`store did not answer SELECT 1 within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
