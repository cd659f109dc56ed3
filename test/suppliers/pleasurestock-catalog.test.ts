import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SupplierContractError } from '../../src/domain/errors.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import type { ProductModel } from '../../src/domain/models.ts';
import type { PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import { adapterFor, centsToText, decimalToCents, manualClock, startSandbox } from './pleasurestock-support.ts';

describe('pleasurestock adapter: catalog', () => {
  let sandbox: PleasurestockSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.stats.reset();
  });

  it('pages through the whole catalog exactly once with three upstream calls in all', async () => {
    const adapter = adapterFor(sandbox);
    const seen: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await adapter.listProducts({ offset, limit: 100 }, {});
      seen.push(...page.items.map((p) => p.supplierProductId));
      if (!page.hasMore) break;
    }
    const expected = sandbox.state.products.map((p) => p.internalId);
    expect(expected.length).toBeGreaterThan(2_400);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(sandbox.stats.count('getProducts')).toBe(3);
    expect(sandbox.stats.count()).toBe(3);
  });

  it('maps price exactly in the product currency, null when unpriced, with its category and images', async () => {
    const adapter = adapterFor(sandbox);
    const { items } = await adapter.listProducts({ offset: 0, limit: 3_000 }, {});
    const byId = new Map(items.map((p) => [p.supplierProductId, p]));
    for (const stored of sandbox.state.products) {
      const product = byId.get(stored.internalId)!;
      expect(product.sku).toBe(stored.sku);
      expect(product.name).toBe(stored.name);
      if (stored.priceCents === null) expect(product.price).toBeNull();
      else {
        expect(product.price!.currency).toBe(stored.currency);
        expect(toDecimalString(product.price!)).toBe(centsToText(stored.priceCents));
      }
    }
    expect(sandbox.state.products.some((p) => p.priceCents === null)).toBe(true);
    const first = byId.get(sandbox.state.products[0]!.internalId)!;
    expect(first.category).toBe(sandbox.state.categories.get(sandbox.state.products[0]!.categoryId)!.nameEn);
    expect(first.imageUrls).toHaveLength(1);
  });

  it('takes the retail price from TSP exactly as the supplier sent it, null when TSP is unavailable', async () => {
    const adapter = adapterFor(sandbox);
    const { items } = await adapter.listProducts({ offset: 0, limit: 3_000 }, {});
    const withTsp = items.filter((p) => p.retailPrice);
    const withoutTsp = items.filter((p) => !p.retailPrice);
    expect(withTsp.length).toBeGreaterThan(0);
    expect(withoutTsp.length).toBeGreaterThan(0);
    for (const product of [withTsp[0]!, withTsp[1]!, withoutTsp[0]!]) {
      // The raw answer's text, read without JSON.parse so the number never becomes a float.
      const response = await fetch(`${sandbox.baseUrl}/products/${product.supplierProductId}?includeTsp=true`, {
        headers: { 'x-api-key': sandbox.credentials.apiKey },
      });
      const text = await response.text();
      const tsp = /"tsp_value":(null|[0-9.]+)/.exec(text)![1]!;
      const currency = /"tsp_currency":(null|"[A-Z]{3}")/.exec(text)![1]!;
      if (tsp === 'null') expect(product.retailPrice ?? null).toBeNull();
      else {
        expect(toDecimalString(product.retailPrice!)).toBe(centsToText(decimalToCents(tsp)));
        expect(`"${product.retailPrice!.currency}"`).toBe(currency);
      }
    }
  });

  it('filters by search over name, SKU and description, and by exact SKUs, from the cached copy', async () => {
    const adapter = adapterFor(sandbox);
    const target = sandbox.state.products[42]!;
    const bySku = await adapter.listProducts({ offset: 0, limit: 10 }, { skus: [target.sku] });
    expect(bySku.items.map((p) => p.supplierProductId)).toEqual([target.internalId]);
    expect(bySku.hasMore).toBe(false);
    const search = await adapter.listProducts({ offset: 0, limit: 5_000 }, { search: 'VELVET' });
    const expected = sandbox.state.products.filter((p) => [p.name, p.sku, p.description].some((t) => t.toLowerCase().includes('velvet')));
    expect(search.items.map((p) => p.supplierProductId)).toEqual(expected.map((p) => p.internalId));
    expect(expected.length).toBeGreaterThan(0);
    expect(sandbox.stats.count('getProducts')).toBe(3);
  });

  it('loads the catalog once for concurrent cold lookups and answers them all from it', async () => {
    const adapter = adapterFor(sandbox);
    const ids = sandbox.state.products.slice(0, 40).map((p) => p.internalId);
    const answers = await Promise.all(ids.map((id) => adapter.getProducts([id, 'ps_zzzzzzzzzz'])));
    expect(answers.map(([found, missing]) => [found?.supplierProductId, missing])).toEqual(ids.map((id) => [id, null]));
    const pages = Math.ceil(sandbox.state.products.length / 1_000);
    expect(pages).toBe(3);
    expect(sandbox.stats.count('getProducts')).toBe(pages);
    expect(sandbox.stats.count()).toBe(pages);
  });

  it('batches 50 lookups into one ?ids= call when the catalog cannot be read, in id order, null for unknown ids', async () => {
    const adapter = adapterFor(sandbox);
    sandbox.faults.set([{ kind: 'error', status: 503, times: 1, operations: ['getProducts'] }]);
    const known = sandbox.state.products.slice(100, 145).map((p) => p.internalId);
    const ids = [...known.slice(0, 20), 'ps_zzzzzzzzzz', ...known.slice(20), 'ps_0000000000', 'not-an-id', 'ps_yyyyyyyyyy', known[3]!, 'ps_xxxxxxxxxx'];
    expect(ids).toHaveLength(51);
    const answers = await adapter.getProducts(ids);
    expect(sandbox.stats.snapshot().byOperationStatus.getProducts).toEqual({ 503: 1, 200: 1 });
    expect(sandbox.stats.count()).toBe(2);
    expect(answers.map((p) => p?.supplierProductId ?? null)).toEqual(ids.map((id) => (known.includes(id) ? id : null)));
    const stored = sandbox.state.product(known[0]!)!;
    expect(answers[0]!.price && toDecimalString(answers[0]!.price)).toBe(stored.priceCents === null ? null : centsToText(stored.priceCents));
  });

  it('remembers what ?ids= answered, misses included, instead of asking again on the next lookup', async () => {
    const adapter = adapterFor(sandbox);
    sandbox.faults.set([{ kind: 'error', status: 503, times: 1, operations: ['getProducts'] }]);
    const ids = [sandbox.state.products[5]!.internalId, 'ps_zzzzzzzzzz'];
    await adapter.getProducts(ids);
    expect(sandbox.stats.count()).toBe(2);
    // The failed load is not retried at once either: an outage does not cost three calls a lookup.
    expect((await adapter.getProducts(ids)).map((p) => p?.supplierProductId ?? null)).toEqual([ids[0], null]);
    expect(sandbox.stats.count()).toBe(2);
  });

  it('costs no call for ids that are not product ids', async () => {
    const adapter = adapterFor(sandbox);
    expect(await adapter.getProducts(['nope', 'PS_ABCDEFGHIJ', ''])).toEqual([null, null, null]);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('splits more than 1000 missing ids into calls of at most 1000', async () => {
    const adapter = adapterFor(sandbox);
    sandbox.faults.set([{ kind: 'error', status: 503, times: 1, operations: ['getProducts'] }]);
    const ids = sandbox.state.products.slice(0, 1_500).map((p) => p.internalId);
    const answers = await adapter.getProducts(ids);
    expect(answers.map((p) => p?.supplierProductId)).toEqual(ids);
    expect(sandbox.stats.snapshot().byOperationStatus.getProducts).toEqual({ 503: 1, 200: 2 });
  });

  it('looks up what a stale copy lacks with one ?ids= call while the copy refreshes in the background', async () => {
    const clock = manualClock();
    const adapter = adapterFor(sandbox, { catalogTtlMs: 60_000, now: clock.now });
    await adapter.listProducts({ offset: 0, limit: 1 }, {});
    clock.advance(61_000);
    const ids = [sandbox.state.products[9]!.internalId, 'ps_zzzzzzzzzz'];
    expect((await adapter.getProducts(ids)).map((p) => p?.supplierProductId ?? null)).toEqual([ids[0], null]);
    // 3 pages loaded, 3 refreshed, and one `?ids=` for the id the stale copy lacks.
    await vi.waitFor(() => expect(sandbox.stats.count('getProducts')).toBe(7));
    expect(await adapter.getProducts(ids)).toEqual([expect.objectContaining({ supplierProductId: ids[0] }), null]);
    expect(sandbox.stats.count('getProducts')).toBe(7);
  });

  it('answers lookups from a fresh catalog copy without calling again', async () => {
    const adapter = adapterFor(sandbox);
    await adapter.listProducts({ offset: 0, limit: 1 }, {});
    sandbox.stats.reset();
    const ids = [sandbox.state.products[7]!.internalId, 'ps_zzzzzzzzzz', sandbox.state.products[2_000]!.internalId];
    const answers = await adapter.getProducts(ids);
    expect(answers.map((p) => p?.supplierProductId ?? null)).toEqual([ids[0], null, ids[2]]);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('serves the stale catalog at once while it refreshes in the background', async () => {
    const clock = manualClock();
    const adapter = adapterFor(sandbox, { catalogTtlMs: 60_000, now: clock.now });
    const before: ProductModel[] = (await adapter.listProducts({ offset: 0, limit: 5 }, {})).items;
    clock.advance(30_000);
    await adapter.listProducts({ offset: 0, limit: 5 }, {});
    expect(sandbox.stats.count('getProducts')).toBe(3);

    clock.advance(31_000);
    sandbox.faults.set([{ kind: 'latency', ms: 400, operations: ['getProducts'] }]);
    const started = performance.now();
    const stale = await adapter.listProducts({ offset: 0, limit: 5 }, {});
    expect(performance.now() - started).toBeLessThan(200);
    expect(stale.items).toEqual(before);
    await vi.waitFor(() => expect(sandbox.stats.count('getProducts')).toBe(6), { timeout: 5_000 });
    // Only one refresh runs however many readers arrive during it.
    await adapter.listProducts({ offset: 0, limit: 5 }, {});
    expect(sandbox.stats.count('getProducts')).toBe(6);
  });

  it('keeps serving the last catalog when a background refresh fails', async () => {
    const clock = manualClock();
    const adapter = adapterFor(sandbox, { catalogTtlMs: 1_000, now: clock.now });
    await adapter.listProducts({ offset: 0, limit: 1 }, {});
    clock.advance(2_000);
    sandbox.faults.set([{ kind: 'error', status: 503, operations: ['getProducts'] }]);
    const page = await adapter.listProducts({ offset: 0, limit: 1 }, {});
    expect(page.items).toHaveLength(1);
    await vi.waitFor(() => expect(sandbox.stats.count('getProducts')).toBe(4));
    // No retry storm: the next reader within the retry pause does not call again.
    await adapter.listProducts({ offset: 0, limit: 1 }, {});
    expect(sandbox.stats.count('getProducts')).toBe(4);
  });

  it('reports a refused key as a contract error that names neither key nor URL', async () => {
    const adapter = adapterFor(sandbox, { apiKey: 'pk_test_not_a_real_key_000' });
    const failure = (await adapter.getProducts([sandbox.state.products[0]!.internalId]).catch((e: unknown) => e)) as SupplierContractError;
    expect(failure).toBeInstanceOf(SupplierContractError);
    expect(failure.message).toMatch(/401/);
    expect(failure.message).not.toMatch(/pk_test|127\.0\.0\.1|http/);
  });
});
