import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SupplierContractError, SupplierUnavailableError } from '../../src/domain/errors.ts';
import type { paths } from '../../src/generated/openapi/ordersapi.ts';
import { createSandboxApp, SandboxHttpError, type SandboxHandle } from '../../src/sandbox/kit/index.ts';
import { ORDERSAPI_SANDBOX_CREDENTIALS, startOrdersapiSandbox, type OrdersapiSandbox } from '../../src/sandbox/ordersapi/index.ts';
import { createUpstream, type UpstreamCallEvent, type UpstreamOptions } from '../../src/suppliers/http/upstream.ts';
import { headerAuth } from '../../src/suppliers/shared/middleware.ts';

const RETRY = { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 100, budgetMs: 3_000 };

let sandbox: OrdersapiSandbox;
beforeAll(async () => {
  sandbox = await startOrdersapiSandbox({ rateLimitMode: 'off', seededOrders: 5 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.stats.reset();
});

function upstreamOf(baseUrl: string, options: Partial<UpstreamOptions> = {}) {
  return createUpstream<paths>({
    supplier: 'ordersapi',
    baseUrl,
    timeoutMs: 1_000,
    middleware: [headerAuth('x-api-key', ORDERSAPI_SANDBOX_CREDENTIALS.apiKey)],
    ...options,
  });
}
const listOrders = (upstream: ReturnType<typeof upstreamOf>) => upstream.call('listOrders', (client, init) => client.GET('/orders', init));
const createOrder = (upstream: ReturnType<typeof upstreamOf>) =>
  upstream.call('createOrder', (client, init) =>
    client.POST('/orders', { ...init, body: { partner_name: 'x', customer_reference: 'r', items: [] } as never }),
  );
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as Error);

describe('resilience toward a supplier: the fault matrix', () => {
  it('aborts a read that answers later than its timeout, within the timeout', async () => {
    sandbox.faults.set([{ kind: 'latency', ms: 800, times: 1 }]);
    const signals: AbortSignal[] = [];
    const upstream = upstreamOf(sandbox.baseUrl, {
      timeoutMs: 150,
      fetch: (input, init) => {
        signals.push(input instanceof Request ? input.signal : init!.signal!);
        return globalThis.fetch(input, init);
      },
    });
    const started = performance.now();
    const failure = await failureOf(listOrders(upstream));
    expect(performance.now() - started).toBeLessThan(400);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect(failure!.message).toMatch(/no answer within 150 ms/);
    expect(signals.map((s) => s.aborted)).toEqual([true]);
  });

  it('recovers a read from a burst of 503s by retrying it', async () => {
    sandbox.faults.set([{ kind: 'error', status: 503, times: 2, operations: ['listOrders'] }]);
    const events: UpstreamCallEvent[] = [];
    const answer = await listOrders(upstreamOf(sandbox.baseUrl, { retry: RETRY, onCall: (e) => events.push(e) }));
    expect(answer.status).toBe(200);
    expect(sandbox.stats.count('listOrders')).toBe(3);
    expect(events.map((e) => e.status)).toEqual(['503', '503', '200']);
  });

  it('recovers a read from 502 and 504 alike', async () => {
    sandbox.faults.set([
      { kind: 'error', status: 502, times: 1, operations: ['listOrders'] },
      { kind: 'error', status: 504, times: 1, operations: ['listOrders'] },
    ]);
    expect((await listOrders(upstreamOf(sandbox.baseUrl, { retry: RETRY }))).status).toBe(200);
  });

  it('never retries a write, whatever the 5xx', async () => {
    sandbox.faults.set([{ kind: 'error', status: 503, times: 2, operations: ['createOrder'] }]);
    const failure = await failureOf(createOrder(upstreamOf(sandbox.baseUrl, { retry: RETRY })));
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect(sandbox.stats.count('createOrder')).toBe(1);
  });

  it('does not retry a 500, which is not a passing condition', async () => {
    sandbox.faults.set([{ kind: 'error', status: 500, times: 1 }]);
    expect(await failureOf(listOrders(upstreamOf(sandbox.baseUrl, { retry: RETRY })))).toBeInstanceOf(SupplierUnavailableError);
    expect(sandbox.stats.count()).toBe(1);
  });

  it('gives up on exhausting its attempts with a retryable SUPPLIER_UNAVAILABLE', async () => {
    sandbox.faults.set([{ kind: 'error', status: 503 }]);
    const failure = await failureOf(listOrders(upstreamOf(sandbox.baseUrl, { retry: RETRY })));
    expect((failure as SupplierUnavailableError).extensions).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE', retryable: true });
    expect(sandbox.stats.count()).toBe(3);
  });

  it('opens the breaker on a supplier that always answers 503, then fails fast without calling it', async () => {
    sandbox.faults.set([{ kind: 'error', status: 503 }]);
    const upstream = upstreamOf(sandbox.baseUrl, { breaker: { consecutiveFailures: 3, openMs: 400 } });
    for (let i = 0; i < 3; i++) expect((await failureOf(listOrders(upstream)))!.message).toMatch(/HTTP 503/);
    expect(upstream.health().breaker).toBe('open');
    const calls = sandbox.stats.count();
    const started = performance.now();
    const failure = await failureOf(listOrders(upstream));
    // Failing fast means not calling the supplier at all; the bound only rules out a wait.
    expect(sandbox.stats.count()).toBe(calls);
    expect(performance.now() - started).toBeLessThan(100);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect(failure!.message).toMatch(/circuit open/);
    expect((failure as SupplierUnavailableError).extensions).toMatchObject({ retryable: true });
    expect(sandbox.stats.count()).toBe(3);
  });

  it('lets one trial call through after the open period, and closes on its success', async () => {
    sandbox.faults.set([{ kind: 'error', status: 503 }]);
    const upstream = upstreamOf(sandbox.baseUrl, { breaker: { consecutiveFailures: 2, openMs: 300 } });
    await failureOf(listOrders(upstream));
    await failureOf(listOrders(upstream));
    await new Promise((resolve) => setTimeout(resolve, 350));
    // Two calls at once while the supplier still fails: one trial reaches it, the other does not.
    const [first, second] = await Promise.all([failureOf(listOrders(upstream)), failureOf(listOrders(upstream))]);
    expect(sandbox.stats.count()).toBe(3);
    expect(first!.message).toMatch(/HTTP 503/);
    expect(second!.message).toMatch(/circuit open/);
    expect(upstream.health().breaker).toBe('open');
    sandbox.faults.clear();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await listOrders(upstream)).status).toBe(200);
    expect(upstream.health().breaker).toBe('closed');
    expect((await listOrders(upstream)).status).toBe(200);
  });

  it('waits out a 429 Retry-After given in seconds before the retry', async () => {
    sandbox.faults.set([{ kind: 'rateLimit', retryAfterSeconds: 1, times: 1, operations: ['listOrders'] }]);
    const started = performance.now();
    const answer = await listOrders(upstreamOf(sandbox.baseUrl, { retry: RETRY }));
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(sandbox.stats.count()).toBe(2);
  });

  it('fails at once when Retry-After asks for more than the call has left', async () => {
    sandbox.faults.set([{ kind: 'rateLimit', retryAfterSeconds: 30, times: 1 }]);
    const started = performance.now();
    const failure = await failureOf(listOrders(upstreamOf(sandbox.baseUrl, { retry: RETRY })));
    expect(performance.now() - started).toBeLessThan(200);
    expect((failure as SupplierUnavailableError).extensions).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE', retryable: true });
    expect(sandbox.stats.count()).toBe(1);
  });

  it('abandons a hanging read at its timeout and retries it', async () => {
    sandbox.faults.set([{ kind: 'hang', times: 1 }]);
    const started = performance.now();
    const answer = await listOrders(upstreamOf(sandbox.baseUrl, { timeoutMs: 200, retry: RETRY }));
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    expect(sandbox.stats.count()).toBe(2);
  });

  it('retries a read whose connection was reset, but not a write', async () => {
    sandbox.faults.set([{ kind: 'reset', times: 1, operations: ['listOrders'] }]);
    expect((await listOrders(upstreamOf(sandbox.baseUrl, { retry: RETRY }))).status).toBe(200);
    sandbox.faults.set([{ kind: 'reset', times: 1, operations: ['createOrder'] }]);
    const failure = await failureOf(createOrder(upstreamOf(sandbox.baseUrl, { retry: RETRY })));
    expect(failure!.message).toMatch(/connection failed/);
    expect(sandbox.stats.count('createOrder')).toBe(1);
  });

  it('does not retry malformed JSON: it is a contract violation, not an outage', async () => {
    sandbox.faults.set([{ kind: 'malformedJson', times: 1 }]);
    const upstream = upstreamOf(sandbox.baseUrl, { retry: RETRY, breaker: { consecutiveFailures: 1 } });
    expect(await failureOf(listOrders(upstream))).toBeInstanceOf(SupplierContractError);
    expect(sandbox.stats.count()).toBe(1);
    expect(upstream.health().breaker).toBe('closed');
  });
});

describe('Retry-After as an HTTP-date', () => {
  let toy: SandboxHandle;
  let arrivals: number[];
  let retryAt: string;
  beforeAll(async () => {
    const app = createSandboxApp({ supplier: 'toy', basePath: '', errorBody: (_s, message) => ({ detail: message }) });
    app.route({
      method: 'GET',
      path: '/orders',
      operationId: 'listOrders',
      handler: () => {
        arrivals.push(Date.now());
        if (arrivals.length === 1) {
          retryAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toUTCString();
          throw new SandboxHttpError(503, { detail: 'maintenance' }, { 'retry-after': retryAt });
        }
        return { items: [] };
      },
    });
    toy = await app.listen();
  });
  afterAll(() => toy.close());

  it('retries no sooner than the date a 503 names', async () => {
    arrivals = [];
    const answer = await listOrders(upstreamOf(toy.baseUrl, { retry: RETRY }));
    expect(answer.status).toBe(200);
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]!).toBeGreaterThanOrEqual(Date.parse(retryAt));
  });
});
