import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../../src/domain/money.ts';
import type { SupplierAdapter } from '../../src/suppliers/adapter.ts';
import { createWhitelabelAdapter, type WhitelabelAdapterOptions } from '../../src/suppliers/whitelabel/index.ts';
import { useWhitelabelSandbox } from './whitelabel-sandbox.ts';

type CatalogAdapter = Required<Pick<SupplierAdapter, 'listProducts' | 'getProducts' | 'getInventory'>>;

describe('whitelabel adapter: catalog, products and inventory', () => {
  const wl = useWhitelabelSandbox();
  const adapterWith = (options: Partial<WhitelabelAdapterOptions> = {}) =>
    createWhitelabelAdapter({ baseUrl: wl.sandbox.baseUrl, store: wl.sandbox.credentials.store, timeoutMs: 2_000, ...options }) as CatalogAdapter;

  it('lists the whole catalog in its order, with SKUs as native ids and exact cents', async () => {
    const adapter = adapterWith();
    const page = await adapter.listProducts({ offset: 0, limit: 100 }, {});
    expect(page.hasMore).toBe(false);
    expect(page.items.map((p) => p.supplierProductId)).toEqual(wl.sandbox.state.products.map((p) => p.sku));
    const bpc = page.items[0]!;
    expect(bpc).toMatchObject({ sku: 'BPC-157-5MG', name: 'BPC-157 5mg', available: true, minQuantity: 1, maxQuantity: 50 });
    expect(toDecimalString(bpc.price!)).toBe('25.00');
    expect(toDecimalString(bpc.retailPrice!)).toBe('49.99');
    for (const [index, product] of page.items.entries()) {
      const cents = wl.sandbox.state.products[index]!.wholesalePriceCents;
      expect(product.price && toDecimalString(product.price)).toBe(cents === null ? null : (cents / 100).toFixed(2));
    }
    expect(page.items.filter((p) => p.price === null)).toHaveLength(2);
  });

  it('windows and filters the catalog from one call', async () => {
    const adapter = adapterWith();
    const second = await adapter.listProducts({ offset: 10, limit: 10 }, {});
    expect(second.items.map((p) => p.sku)).toEqual(wl.sandbox.state.products.slice(10, 20).map((p) => p.sku));
    expect(second.hasMore).toBe(true);
    const searched = await adapter.listProducts({ offset: 0, limit: 10 }, { search: 'semax' });
    expect(searched.items.map((p) => p.sku)).toEqual(['SEMAX-5MG', 'SEMAX-10MG', 'SEMAX-20MG']);
    const bySku = await adapter.listProducts({ offset: 0, limit: 10 }, { skus: ['TB-500-10MG', 'NOPE'] });
    expect(bySku.items.map((p) => p.sku)).toEqual(['TB-500-10MG']);
    expect(wl.sandbox.stats.count('getCatalog')).toBe(1);
  });

  it('answers a batch of 30 SKUs in id order, null for unknown ones, from one getCatalog call', async () => {
    const adapter = adapterWith();
    const skus = wl.sandbox.state.products.slice(0, 29).map((p) => p.sku).reverse();
    const products = await adapter.getProducts([...skus, 'UNKNOWN-SKU']);
    expect(products.map((p) => p?.sku ?? null)).toEqual([...skus, null]);
    expect(wl.sandbox.stats.count('getCatalog')).toBe(1);
  });

  it('reports stock per SKU without a warehouse, zero when out of stock', async () => {
    const adapter = adapterWith();
    const levels = await adapter.getInventory({});
    expect(levels).toHaveLength(wl.sandbox.state.products.length);
    for (const [index, level] of levels.entries()) {
      const product = wl.sandbox.state.products[index]!;
      expect(level).toMatchObject({ sku: product.sku, supplierProductId: product.sku, warehouse: null, onHand: null });
      expect(level.available).toBe(product.inStock ? product.availableQty : 0);
    }
    expect(levels.find((l) => l.sku === 'BPC-157-5MG')!.available).toBe(142);
    expect((await adapter.getInventory({ skus: ['BPC-157-5MG'] })).map((l) => l.sku)).toEqual(['BPC-157-5MG']);
    expect(await adapter.getInventory({ warehouseCodes: ['WH-1'] })).toEqual([]);
    expect(wl.sandbox.stats.count('getCatalog')).toBe(1);
  });

  it('reuses the catalog within its TTL across products and inventory', async () => {
    const adapter = adapterWith({ catalogTtlMs: 60_000 });
    await adapter.listProducts({ offset: 0, limit: 5 }, {});
    await adapter.getProducts(['BPC-157-5MG']);
    await adapter.getInventory({});
    expect(wl.sandbox.stats.count('getCatalog')).toBe(1);
  });

  it('answers from the stale catalog at once while a slow refresh runs in the background', async () => {
    const adapter = adapterWith({ catalogTtlMs: 50 });
    await adapter.getProducts(['BPC-157-5MG']);
    await sleep(80);
    wl.sandbox.faults.set([{ kind: 'latency', ms: 400, operations: ['getCatalog'], times: 1 }]);
    const started = performance.now();
    const [stale] = await adapter.getProducts(['BPC-157-5MG']);
    expect(performance.now() - started).toBeLessThan(150);
    expect(stale?.sku).toBe('BPC-157-5MG');
    await adapter.getProducts(['BPC-157-5MG']);
    await sleep(500);
    // the first load and one refresh, however many stale reads came meanwhile
    expect(wl.sandbox.stats.snapshot().byOperationStatus.getCatalog).toEqual({ 200: 2 });
  });

  it('keeps serving the last catalog when a refresh fails', async () => {
    const adapter = adapterWith({ catalogTtlMs: 50 });
    await adapter.listProducts({ offset: 0, limit: 1 }, {});
    await sleep(80);
    wl.sandbox.faults.set([{ kind: 'error', status: 503, operations: ['getCatalog'], times: 1 }]);
    const page = await adapter.listProducts({ offset: 0, limit: 1 }, {});
    expect(page.items[0]?.sku).toBe('BPC-157-5MG');
    await sleep(50);
    expect(wl.sandbox.stats.snapshot().byOperationStatus.getCatalog).toEqual({ 200: 1, 503: 1 });
  });
});
