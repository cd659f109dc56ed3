import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SupplierUnavailableError } from '../../src/domain/errors.ts';
import type { paths } from '../../src/generated/openapi/ordersapi.ts';
import { ORDERSAPI_SANDBOX_CREDENTIALS, startOrdersapiSandbox, type OrdersapiSandbox } from '../../src/sandbox/ordersapi/index.ts';
import { createUpstream, type UpstreamOptions } from '../../src/suppliers/http/upstream.ts';
import { rateScopeOf } from '../../src/suppliers/http/rate-scopes.ts';
import { retryAfterMs } from '../../src/suppliers/http/retry-after.ts';
import { createOrdersapiAdapter } from '../../src/suppliers/ordersapi/index.ts';
import { headerAuth } from '../../src/suppliers/shared/middleware.ts';

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
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as Error);
const tooMany = (sandbox: OrdersapiSandbox) => sandbox.stats.snapshot().byOperationStatus.listOrders?.['429'] ?? 0;

describe('the rate budget toward a supplier', () => {
  // 60 a minute documented, scaled to 5: the sandbox refuses the sixth call in a minute.
  let limited: OrdersapiSandbox;
  beforeAll(async () => {
    limited = await startOrdersapiSandbox({ rateLimitMode: { scale: 5 / 60 }, seededOrders: 5 });
  });
  afterAll(() => limited.close());
  beforeEach(() => {
    limited.resetRateLimits();
    limited.stats.reset();
  });

  it('keeps a burst under the documented limit, failing the excess fast instead of earning a 429', async () => {
    const upstream = upstreamOf(limited.baseUrl, { rateLimits: [{ scope: 'all', limit: 5, windowSeconds: 60 }] });
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => failureOf(listOrders(upstream))));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(outcomes.filter((o) => o === null)).toHaveLength(5);
    const refused = outcomes.filter((o) => o !== null);
    expect(refused).toHaveLength(3);
    for (const failure of refused) {
      expect(failure).toBeInstanceOf(SupplierUnavailableError);
      expect(failure!.message).toMatch(/rate budget exhausted/);
      expect((failure as SupplierUnavailableError).extensions).toMatchObject({ retryable: true });
    }
    expect(limited.stats.count()).toBe(5);
    expect(tooMany(limited)).toBe(0);
    expect(upstream.health().budgets).toEqual([{ scope: 'all', limit: 5, remaining: 0, resetsAt: expect.any(String) }]);
  });

  it('trusts X-RateLimit-Remaining when the supplier allows less than documented', async () => {
    const upstream = upstreamOf(limited.baseUrl, { rateLimits: [{ scope: 'all', limit: 60, windowSeconds: 60 }] });
    for (let i = 0; i < 5; i++) expect((await listOrders(upstream)).status).toBe(200);
    expect((await failureOf(listOrders(upstream)))!.message).toMatch(/rate budget exhausted/);
    expect(limited.stats.count()).toBe(5);
    expect(tooMany(limited)).toBe(0);
  });

  it('waits for the window to reset when that fits in the call’s time budget', async () => {
    // A sandbox without limits sends no X-RateLimit-* headers: the documented window alone rules.
    const unlimited = await startOrdersapiSandbox({ rateLimitMode: 'off', seededOrders: 5 });
    try {
      const upstream = upstreamOf(unlimited.baseUrl, { timeoutMs: 2_000, rateLimits: [{ scope: 'all', limit: 2, windowSeconds: 1 }] });
      const started = performance.now();
      for (let i = 0; i < 3; i++) expect((await listOrders(upstream)).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    } finally {
      await unlimited.close();
    }
  });

  it('counts each call against the scope its supplier documents', () => {
    expect(rateScopeOf('whitelabel', 'GET', '/orders')).toBe('read');
    expect(rateScopeOf('whitelabel', 'POST', '/orders')).toBe('write');
    expect(rateScopeOf('pleasurestock', 'GET', '/external/orders')).toBe('external');
    expect(rateScopeOf('pleasurestock', 'GET', '/smart-reordering')).toBe('smartReordering');
    expect(rateScopeOf('pleasurestock', 'GET', '/products')).toBe('standard');
    expect(rateScopeOf('cenports', 'POST', '/authorize')).toBe('all');
  });

  it('reads Retry-After in both its forms', () => {
    const now = Date.parse('2026-10-21T07:28:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('the bulkhead per supplier', () => {
  let hanging: OrdersapiSandbox;
  let healthy: OrdersapiSandbox;
  beforeAll(async () => {
    [hanging, healthy] = await Promise.all([
      startOrdersapiSandbox({ rateLimitMode: 'off', seededOrders: 5 }),
      startOrdersapiSandbox({ rateLimitMode: 'off', seededOrders: 5 }),
    ]);
  });
  afterAll(() => Promise.all([hanging.close(), healthy.close()]));

  it('keeps one hanging supplier from delaying calls to another, and refuses its excess at once', async () => {
    hanging.faults.set([{ kind: 'hang' }]);
    const slow = upstreamOf(hanging.baseUrl, { timeoutMs: 1_500, bulkhead: { maxConcurrent: 2, maxQueued: 1 } });
    const fast = upstreamOf(healthy.baseUrl, { bulkhead: { maxConcurrent: 2, maxQueued: 1 } });
    const stuck = Array.from({ length: 5 }, () => failureOf(listOrders(slow)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(slow.health().inFlight).toBe(2);

    const started = performance.now();
    await Promise.all([listOrders(fast), listOrders(fast), listOrders(fast)]);
    expect(performance.now() - started).toBeLessThan(300);
    expect(fast.health().inFlight).toBe(0);

    const failures = await Promise.all(stuck);
    expect(failures.filter((f) => /too many calls waiting/.test(f!.message))).toHaveLength(2);
    expect(failures.every((f) => f instanceof SupplierUnavailableError)).toBe(true);
    expect(hanging.stats.count()).toBeLessThanOrEqual(3);
  });

  it('reports its health through the adapter', async () => {
    const adapter = createOrdersapiAdapter({ baseUrl: healthy.baseUrl, apiKey: ORDERSAPI_SANDBOX_CREDENTIALS.apiKey, timeoutMs: 1_000, catalog: [] });
    await adapter.listOrders!({ offset: 0, limit: 1 }, {});
    expect(adapter.health?.()).toEqual({ breaker: 'closed', inFlight: 0, budgets: [] });
  });
});
