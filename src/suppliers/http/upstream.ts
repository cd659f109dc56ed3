import type { DocumentedRateLimit } from '../operations.ts';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { GraphQLError } from 'graphql';
import { BrokenCircuitError, BulkheadRejectedError, TaskCancelledError } from 'cockatiel';
import { SupplierContractError, SupplierUnavailableError } from '../../domain/errors.ts';
import type { SupplierId } from '../../domain/supplier.ts';
import { parseSupplierJson } from './json.ts';
import { rateScopeOf, type RateScope } from './rate-scopes.ts';
import {
  failureTraitsOf,
  markFailure,
  readRetry,
  SupplierResilience,
  type BreakerOptions,
  type BulkheadOptions,
  type ResilienceOptions,
  type RetryOptions,
  type SupplierHealth,
} from './resilience.ts';
import { retryAfterMs } from './retry-after.ts';

/** One network attempt at a supplier, for metrics and logs. `status` is "error" when none came. */
export interface UpstreamCallEvent {
  supplier: SupplierId;
  operation: string;
  status: string;
  durationMs: number;
}

export interface UpstreamOptions extends ResilienceOptions {
  supplier: SupplierId;
  baseUrl: string;
  /** an attempt that has not fully answered by then is aborted */
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
  /** auth and signing, in order */
  middleware?: Middleware[];
  /** fires once per network attempt (not for calls the breaker, bulkhead or budget refused) */
  onCall?: (event: UpstreamCallEvent) => void;
  /** share one supplier's policies between several clients (e.g. a token endpoint's) */
  resilience?: SupplierResilience;
}

/** What every adapter needs to reach its supplier, whatever its authentication. */
export interface SupplierConnection {
  /** the API root, including the supplier's own path prefix */
  baseUrl: string;
  timeoutMs: number;
  /** the documented limits to keep a client-side budget for; none when absent */
  rateLimits?: readonly DocumentedRateLimit[];
  /** read retries (none when absent), breaker and bulkhead settings */
  retry?: RetryOptions;
  breaker?: BreakerOptions;
  bulkhead?: BulkheadOptions;
  onCall?: (event: UpstreamCallEvent) => void;
  fetch?: typeof globalThis.fetch;
}

/** Upstream options for one supplier from its connection and its authentication middleware. */
export function upstreamOptions(supplier: SupplierId, connection: SupplierConnection, middleware: Middleware[]): UpstreamOptions {
  const { baseUrl, timeoutMs, rateLimits, retry, breaker, bulkhead, onCall, fetch } = connection;
  return { supplier, baseUrl, timeoutMs, rateLimits, retry, breaker, bulkhead, onCall, fetch, middleware };
}

/** What a supplier answered, with the body parsed losslessly (see parseSupplierJson). */
export interface UpstreamAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

interface Sent {
  response: Response;
  data?: unknown;
  error?: unknown;
}

/** What a call hands openapi-fetch: the abort signal and text parsing, so no float parses money. */
export type CallInit = {
  signal: AbortSignal;
  parseAs: 'text';
};

/** A supplier's typed client plus the one way adapters call it. */
export interface Upstream<Paths extends object> {
  readonly supplier: SupplierId;
  readonly client: Client<Paths>;
  /**
   * Sends one call, labelled with its OpenAPI operationId, through the supplier's bulkhead,
   * breaker, rate budget and (reads only) retries. Resolves with any 2xx–4xx answer; throws
   * SupplierUnavailableError on no answer, a timeout, 429 or 5xx, an open circuit or a spent
   * budget, and SupplierContractError when a 2xx body is not JSON.
   */
  call(operation: string, send: (client: Client<Paths>, init: CallInit) => Promise<Sent>): Promise<UpstreamAnswer>;
  /** the breaker's state, the rate budgets left and the calls in flight */
  health(): SupplierHealth;
}

const HTTP_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']);
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export function createUpstream<Paths extends object>(options: UpstreamOptions): Upstream<Paths> {
  const { supplier, timeoutMs } = options;
  const client = createClient<Paths>({ baseUrl: options.baseUrl, fetch: options.fetch ?? globalThis.fetch });
  for (const middleware of options.middleware ?? []) client.use(middleware);
  const policies = options.resilience ?? new SupplierResilience(options);
  const budgetMs = options.retry ? (options.retry.budgetMs ?? 3 * timeoutMs) : timeoutMs;

  const call: Upstream<Paths>['call'] = async (operation, send) => {
    const deadline = Date.now() + budgetMs;
    // Known once `send` picks its HTTP method; a call that never sends is never retried.
    let method: string | undefined;

    const attempt = async (): Promise<UpstreamAnswer> => {
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      let started: number | undefined;
      let status = 'error';
      // Runs as the request leaves: the budget is taken, and the timeout starts, only then.
      const beforeSend = async (verb: string, path: string) => {
        method = verb;
        const scope: RateScope = rateScopeOf(supplier, verb, path);
        if (!(await policies.budget.take(scope, deadline))) {
          throw new SupplierUnavailableError(supplier, operation, 'rate budget exhausted');
        }
        const timeout = Math.max(1, Math.min(timeoutMs, deadline - Date.now()));
        timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), timeout);
        started = performance.now();
        return scope;
      };
      try {
        let scope: RateScope = 'all';
        const sent = await send(
          guarded(client, async (verb, path) => {
            scope = await beforeSend(verb, path);
          }),
          { signal: controller.signal, parseAs: 'text' },
        );
        status = String(sent.response.status);
        policies.budget.observe(scope, sent.response.headers);
        const code = sent.response.status;
        if (code === 429 || code >= 500) {
          const error = new SupplierUnavailableError(supplier, operation, `answered HTTP ${status}`);
          const asked = code === 429 || code === 503 ? retryAfterMs(sent.response.headers.get('retry-after')) : undefined;
          throw markFailure(error, { retryable: RETRYABLE_STATUSES.has(code), unwell: code >= 500, ...(asked !== undefined && { retryAfterMs: asked }) });
        }
        return { status: code, headers: sent.response.headers, body: readBody(sent, supplier, operation) };
      } catch (error) {
        if (error instanceof GraphQLError) throw error;
        const name = (error as { name?: string }).name;
        const reason = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs} ms` : 'connection failed';
        throw markFailure(new SupplierUnavailableError(supplier, operation, reason), { retryable: true, unwell: true, unanswered: true });
      } finally {
        clearTimeout(timer);
        if (started !== undefined) options.onCall?.({ supplier, operation, status, durationMs: performance.now() - started });
      }
    };

    const worthAnother = (error: unknown): boolean => {
      const traits = failureTraitsOf(error);
      if (method !== 'GET' || !traits?.retryable) return false;
      // A supplier asking for a longer wait than the call has left fails the call at once.
      return Date.now() + (traits.retryAfterMs ?? 0) < deadline;
    };
    const retried = options.retry ? readRetry(options.retry, deadline, worthAnother) : null;
    const guardedAttempt = () => policies.breaker.execute(attempt);

    try {
      return await policies.bulkhead.execute(
        () => (retried ? retried.execute(guardedAttempt) : guardedAttempt()),
        AbortSignal.timeout(budgetMs),
      );
    } catch (error) {
      throw refusal(error, supplier, operation);
    }
  };

  return { supplier, client, call, health: () => policies.health() };
}

/** The policies' own refusals, as the one error callers know. */
function refusal(error: unknown, supplier: SupplierId, operation: string): unknown {
  if (error instanceof BrokenCircuitError) return new SupplierUnavailableError(supplier, operation, 'circuit open');
  if (error instanceof BulkheadRejectedError) return new SupplierUnavailableError(supplier, operation, 'too many calls waiting');
  if (error instanceof TaskCancelledError) return new SupplierUnavailableError(supplier, operation, 'no free slot within the time budget');
  return error;
}

/** The client as `send` sees it: each HTTP method runs `before` (budget, timer) first. */
function guarded<C extends object>(client: C, before: (method: string, path: string) => Promise<void>): C {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || !HTTP_METHODS.has(key) || typeof value !== 'function') return value;
      return async (path: string, ...rest: unknown[]) => {
        await before(key, path);
        return (value as (...args: unknown[]) => unknown).call(target, path, ...rest);
      };
    },
  });
}

function readBody(sent: Sent, supplier: SupplierId, operation: string): unknown {
  if (!sent.response.ok) return sent.error;
  const text = sent.data;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return parseSupplierJson(text);
  } catch {
    throw new SupplierContractError(supplier, operation, 'the body is not valid JSON');
  }
}
