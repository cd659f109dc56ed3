import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SupplierContractError, SupplierUnavailableError } from '../../src/domain/errors.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import { ORDERSAPI_SANDBOX_CREDENTIALS, startOrdersapiSandbox, type OrdersapiSandbox } from '../../src/sandbox/ordersapi/index.ts';
import { ordersapiSandboxCatalog } from '../../src/sandbox/gateway-config.ts';
import type { SupplierAdapter } from '../../src/suppliers/adapter.ts';
import { createOrdersapiAdapter } from '../../src/suppliers/ordersapi/index.ts';

const catalog = ordersapiSandboxCatalog();

describe('ordersapi adapter against its sandbox', () => {
  let sandbox: OrdersapiSandbox;
  let adapter: Required<Pick<SupplierAdapter, 'listOrders' | 'getOrders' | 'getProducts' | 'listProducts'>>;
  const fresh = (ordersTtlMs = 0, timeoutMs = 2_000) =>
    createOrdersapiAdapter({ baseUrl: sandbox.baseUrl, apiKey: ORDERSAPI_SANDBOX_CREDENTIALS.apiKey, timeoutMs, catalog, ordersTtlMs }) as typeof adapter;

  beforeAll(async () => {
    sandbox = await startOrdersapiSandbox({ rateLimitMode: 'off' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.stats.reset();
    adapter = fresh(2_000);
  });

  it('lists orders newest first, with exact money and the documented status mapped', async () => {
    const page = await adapter.listOrders({ offset: 0, limit: 5 }, {});
    const all = sandbox.state.orders();
    expect(page.items.map((o) => o.supplierOrderId)).toEqual(all.slice(-5).reverse().map((o) => o.orderId));
    expect(page.hasMore).toBe(true);
    const first = page.items[0]!;
    const stored = all.at(-1)!;
    expect(first.supplierStatus).toBe('created');
    expect(first.total && toDecimalString(first.total)).toBe((stored.items.reduce((s, i) => s + i.unitPriceCents * i.quantity, 0) / 100).toFixed(2));
  });

  it('pages through a whole list with one upstream call while the list is fresh', async () => {
    const seen = new Set<string>();
    for (let offset = 0; ; offset += 100) {
      const page = await adapter.listOrders({ offset, limit: 100 }, {});
      page.items.forEach((o) => seen.add(o.supplierOrderId));
      if (!page.hasMore) break;
    }
    expect(seen.size).toBe(sandbox.state.orders().length);
    expect(sandbox.stats.count('listOrders')).toBe(1);
  });

  it('answers ids from a fresh list without calling again, and null for unknown ids', async () => {
    const { items } = await adapter.listOrders({ offset: 0, limit: 3 }, {});
    const ids = items.map((o) => o.supplierOrderId);
    expect((await adapter.getOrders(ids)).map((o) => o?.supplierOrderId)).toEqual(ids);
    expect(sandbox.stats.count('getOrder')).toBe(0);
    const stale = fresh(0);
    expect((await stale.getOrders([ids[0]!, 'OR99999'])).map((o) => o?.supplierOrderId ?? null)).toEqual([ids[0], null]);
    expect(sandbox.stats.count('getOrder')).toBe(2);
  });

  it('serves products from the configured catalog without calling the supplier', async () => {
    const [product, missing] = await adapter.getProducts(['PR00001', 'PR99999']);
    expect(product).toMatchObject({ sku: 'BR-4001', supplierProductId: 'PR00001' });
    expect(product!.price && toDecimalString(product!.price)).toBe('10.99');
    expect(missing).toBeNull();
    expect((await adapter.listProducts({ offset: 0, limit: 5 }, { search: 'ipa' })).items.length).toBeGreaterThan(0);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('turns a 503 into SUPPLIER_UNAVAILABLE', async () => {
    sandbox.faults.set([{ kind: 'error', status: 503, times: 1 }]);
    const failure = await fresh().listOrders({ offset: 0, limit: 1 }, {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect((failure as SupplierUnavailableError).extensions).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE', supplier: 'ordersapi', retryable: true });
  });

  it('gives up on a hanging supplier within its timeout', async () => {
    sandbox.faults.set([{ kind: 'hang', times: 1 }]);
    const started = performance.now();
    await expect(fresh(0, 200).listOrders({ offset: 0, limit: 1 }, {})).rejects.toBeInstanceOf(SupplierUnavailableError);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('turns malformed JSON and an undocumented status into SUPPLIER_CONTRACT_VIOLATION', async () => {
    sandbox.faults.set([{ kind: 'malformedJson', times: 1 }]);
    await expect(fresh().listOrders({ offset: 0, limit: 1 }, {})).rejects.toBeInstanceOf(SupplierContractError);
    const last = sandbox.state.orders().at(-1)!;
    await fetch(`${sandbox.url}/__sandbox/ordersapi/orders/${last.orderId}/status`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'teleported' }),
    });
    const failure = await fresh().getOrders([last.orderId]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierContractError);
    expect(String((failure as Error).message)).toMatch(/teleported/);
  });
});
