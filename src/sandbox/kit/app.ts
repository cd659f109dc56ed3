import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FaultController, faultRuleSchema, type FaultRule } from './faults.ts';
import { ConcurrencyLimiter, RateLimiter, type RateWindow } from './rate-limit.ts';
import { RequestStats } from './stats.ts';

/** Thrown by a route handler to answer with a supplier-shaped error body. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`sandbox answered ${status}`);
  }
}

export type RateLimitMode = 'documented' | 'off' | { scale: number };

export interface SandboxAppOptions {
  /** supplier id, e.g. "centre" */
  supplier: string;
  /** the path prefix of the supplier's API, e.g. "/api" or "/v1"; "" for none */
  basePath: string;
  /** the supplier's own error body, used for injected faults, 404s, 429s and unparsable bodies */
  errorBody: (status: number, message: string, details?: { retryAfterSeconds?: number }) => unknown;
  /** documented limits per bucket name; routes name their bucket (default "default") */
  rateLimits?: Record<string, RateWindow[]>;
  /** "documented" (default) enforces rateLimits as written, "off" disables them, scale multiplies them */
  rateLimitMode?: RateLimitMode;
  /** whether answers carry X-RateLimit-Limit/Remaining/Reset (default true) */
  rateLimitHeaders?: boolean;
  /** documented cap on simultaneous requests, answered with 429 beyond it */
  maxConcurrent?: number;
  /** latency added to every documented request, e.g. for the benchmark */
  latencyMs?: number;
  /** the sandbox's clock in epoch milliseconds (default Date.now) */
  now?: () => number;
  /** injected faults at start, e.g. from the CLI */
  faults?: FaultRule[];
  /** the sandbox's seed; faults with a `rate` draw from a stream derived from it (default 1) */
  seed?: number;
}

export interface SandboxRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify path relative to basePath, e.g. "/orders/:id" */
  path: string;
  /** the OpenAPI operationId this route implements; stats and fault rules use it */
  operationId: string;
  /** true when the operation changes state (resetAfterWrite applies only to these) */
  write?: boolean;
  /** the rate-limit bucket the request counts against (default "default") */
  rateBucket?: string;
  /**
   * Sets the status with reply.code() and RETURNS the JSON body; never calls reply.send(), so the
   * kit can still corrupt or drop the answer. Throws SandboxHttpError for error answers.
   */
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown;
}

/** What every running sandbox offers tests, the benchmark and `npm start`. */
export interface SandboxHandle {
  supplier: string;
  /** origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** origin plus the API's base path: what a client's baseUrl is */
  baseUrl: string;
  faults: FaultController;
  stats: RequestStats;
  /** forgets every rate-limit window, e.g. between tests */
  resetRateLimits(): void;
  /** TCP connections open to this sandbox now, to find sockets a caller left behind */
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the body exactly as received, for signature checks */
    rawBody?: string;
    /** set when the body was not JSON; the route refuses it after the rate limiter */
    bodyUnparsable?: boolean;
  }
  interface FastifyContextConfig {
    operationId?: string;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SandboxApp {
  /** the Fastify instance, for supplier-specific control routes under /__sandbox/ */
  fastify: FastifyInstance;
  now: () => number;
  route(route: SandboxRoute): void;
  listen(port?: number): Promise<SandboxHandle>;
}

export function createSandboxApp(options: SandboxAppOptions): SandboxApp {
  const now = options.now ?? Date.now;
  const fastify = Fastify({ logger: false, forceCloseConnections: true });
  const faults = new FaultController(options.seed ?? 1);
  if (options.faults) faults.set(options.faults);
  const stats = new RequestStats();
  const mode = options.rateLimitMode ?? 'documented';
  const limiters = new Map<string, RateLimiter>();
  for (const [bucket, windows] of Object.entries(options.rateLimits ?? {})) {
    if (mode === 'off') continue;
    const scale = mode === 'documented' ? 1 : mode.scale;
    const scaled = windows.map((w) => ({ ...w, limit: Math.max(1, Math.floor(w.limit * scale)) }));
    limiters.set(bucket, new RateLimiter(scaled, now));
  }
  const concurrency =
    options.maxConcurrent && mode !== 'off' ? new ConcurrencyLimiter(options.maxConcurrent) : undefined;
  const withHeaders = options.rateLimitHeaders ?? true;

  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    request.rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      // Refused inside the route, so the 400 counts against the limit and carries its headers.
      request.bodyUnparsable = true;
      done(null, undefined);
    }
  });
  fastify.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(options.errorBody(404, `No route for ${request.method} ${request.url}`));
  });
  fastify.setErrorHandler((error, _request, reply) => {
    if (error instanceof SandboxHttpError) {
      void reply.code(error.status).headers(error.headers).send(error.body);
      return;
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const message = status < 500 ? (error as Error).message : 'Internal server error';
    void reply.code(status).send(options.errorBody(status, message));
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const operationId = request.routeOptions.config.operationId;
    if (operationId) stats.answered(operationId, reply.statusCode, reply.elapsedTime);
  });

  const refuse = (status: number, message: string, retryAfterSeconds?: number): never => {
    const headers: Record<string, string> = retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
    throw new SandboxHttpError(status, options.errorBody(status, message, { retryAfterSeconds }), headers);
  };

  const route = (definition: SandboxRoute): void => {
    const { operationId } = definition;
    fastify.route({
      method: definition.method,
      url: `${options.basePath}${definition.path}`,
      config: { operationId },
      handler: async (request, reply) => {
        stats.received(operationId);
        // A slot is held from arrival to answer, as a real server counts simultaneous connections.
        if (concurrency && !concurrency.tryAcquire()) refuse(429, 'Too many concurrent requests', 1);
        try {
          return await serve(request, reply);
        } finally {
          concurrency?.release();
        }
      },
    });

    async function serve(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
      const delay =
        (options.latencyMs ?? 0) + faults.take(operationId, ['latency']).reduce((sum, f) => sum + f.ms, 0);
      if (delay > 0) await sleep(delay);
      if (faults.take(operationId, ['reset']).length > 0) {
        request.raw.socket.destroy();
        stats.answered(operationId, 0);
        return reply.hijack();
      }
      if (faults.take(operationId, ['hang']).length > 0) {
        // Never answered: the socket stays open until the caller gives up or the sandbox closes.
        stats.answered(operationId, 0);
        return reply.hijack();
      }
      const limiter = limiters.get(definition.rateBucket ?? 'default');
      if (limiter) {
        const decision = limiter.take();
        if (withHeaders) {
          void reply.headers({
            'x-ratelimit-limit': String(decision.limit),
            'x-ratelimit-remaining': String(decision.remaining),
            'x-ratelimit-reset': String(decision.resetAt),
          });
        }
        if (!decision.allowed) {
          refuse(429, 'Rate limit exceeded', decision.retryAfterSeconds);
        }
      }
      // Injected refusals come from behind the limiter, as the supplier's own answers do: they
      // count against the window and carry its X-RateLimit-* headers.
      const [limited] = faults.take(operationId, ['rateLimit']);
      if (limited) {
        refuse(429, 'Rate limit exceeded', limited.retryAfterSeconds ?? 1);
      }
      const [failure] = faults.take(operationId, ['error']);
      if (failure) refuse(failure.status ?? 500, 'Injected fault');
      if (request.bodyUnparsable) refuse(400, 'Malformed JSON body');
      const body = await definition.handler(request, reply);
      if (definition.write) {
        // The write is applied; its answer is slow to come back, as behind a congested network.
        const after = faults.take(operationId, ['latencyAfterWrite']).reduce((sum, f) => sum + f.ms, 0);
        if (after > 0) await sleep(after);
      }
      if (definition.write && faults.take(operationId, ['hangAfterWrite']).length > 0) {
        // The write is applied and the caller waits for an answer that never comes.
        stats.answered(operationId, 0);
        return reply.hijack();
      }
      if (definition.write && faults.take(operationId, ['resetAfterWrite']).length > 0) {
        // The write above is applied; the caller only sees its connection die.
        request.raw.socket.destroy();
        stats.answered(operationId, 0);
        return reply.hijack();
      }
      if (faults.take(operationId, ['malformedJson']).length > 0) {
        const text = JSON.stringify(body ?? {});
        return reply.type('application/json').send(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      }
      return body ?? null;
    }
  };

  registerControlRoutes(fastify, faults, stats, () => limiters.forEach((l) => l.reset()));

  const listen = async (port = 0): Promise<SandboxHandle> => {
    await fastify.listen({ host: '127.0.0.1', port });
    const address = fastify.server.address();
    if (address === null || typeof address === 'string') throw new Error('sandbox did not bind a TCP port');
    const url = `http://127.0.0.1:${address.port}`;
    return {
      supplier: options.supplier,
      url,
      baseUrl: `${url}${options.basePath}`,
      faults,
      stats,
      resetRateLimits: () => limiters.forEach((l) => l.reset()),
      openConnections: () =>
        new Promise<number>((resolve, reject) => fastify.server.getConnections((error, count) => (error ? reject(error) : resolve(count)))),
      close: () => fastify.close(),
    };
  };

  return { fastify, now, route, listen };
}

/** /__sandbox/*: not part of any supplier's API; lets out-of-process tests and the bench steer. */
function registerControlRoutes(
  fastify: FastifyInstance,
  faults: FaultController,
  stats: RequestStats,
  resetRateLimits: () => void,
): void {
  fastify.get('/__sandbox/stats', async () => stats.snapshot());
  fastify.delete('/__sandbox/stats', async () => {
    stats.reset();
    return stats.snapshot();
  });
  fastify.get('/__sandbox/faults', async () => faults.list());
  const rulesIn = <T>(request: FastifyRequest, schema: z.ZodType<T>): T => {
    if (request.bodyUnparsable) throw new SandboxHttpError(400, { message: 'Malformed JSON body' });
    const parsed = schema.safeParse(request.body);
    if (!parsed.success) throw new SandboxHttpError(400, { message: z.prettifyError(parsed.error) });
    return parsed.data;
  };
  fastify.put('/__sandbox/faults', async (request) => {
    faults.set(rulesIn(request, z.array(faultRuleSchema).optional()) ?? []);
    return faults.list();
  });
  fastify.post('/__sandbox/faults', async (request) => {
    faults.add(rulesIn(request, faultRuleSchema));
    return faults.list();
  });
  fastify.delete('/__sandbox/faults', async () => {
    faults.clear();
    return faults.list();
  });
  fastify.delete('/__sandbox/rate-limits', async () => {
    resetRateLimits();
    return { reset: true };
  });
}

/** Options every supplier sandbox's start function accepts. */
export interface CommonSandboxOptions {
  /** seed of the deterministic data (default 1) */
  seed?: number;
  /** loopback port (default: chosen by the OS) */
  port?: number;
  rateLimitMode?: RateLimitMode;
  latencyMs?: number;
  now?: () => number;
  faults?: FaultRule[];
}
