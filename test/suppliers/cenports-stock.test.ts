import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCenportsSandbox, type CenportsSandbox } from '../../src/sandbox/cenports/index.ts';
import { adapterFor, type FullAdapter } from './cenports-support.ts';

describe('cenports adapter: inventory, products and channels against the sandbox', () => {
  let sandbox: CenportsSandbox;
  let adapter: FullAdapter;
  const skus = () => [...sandbox.state.products.keys()];

  beforeAll(async () => {
    sandbox = await startCenportsSandbox({ rateLimitMode: 'off' });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.faults.clear();
    adapter = adapterFor(sandbox, { inventoryTtlMs: 30_000 });
    await adapter.listOrders({ offset: 0, limit: 1 }, {}); // authorizes, so counts below are stock reads only
    sandbox.stats.reset();
  });

  it('reads available and on-hand stock per warehouse and SKU in two calls', async () => {
    const levels = await adapter.getInventory({});
    expect(sandbox.stats.count('getInventories')).toBe(2);
    expect(levels).toHaveLength(sandbox.state.warehouses.length * skus().length);
    for (const level of levels) {
      const code = level.warehouse!.code;
      expect(level.available).toBe(sandbox.state.availableStock(code, level.sku));
      expect(level.onHand).toBe(sandbox.state.actualStock(code, level.sku));
      expect(level.supplierProductId).toBe(level.sku);
      expect(level.discontinued).toBe(sandbox.state.products.get(level.sku)!.isDiscontinued);
    }
    expect(levels.some((level) => level.onHand! > level.available)).toBe(true);
    const main = levels.find((level) => level.warehouse!.code === 'CENPORTS')!.warehouse!;
    expect(main).toMatchObject({ name: 'Cenports Main', address: { address1: '1742 Sabre Street', city: 'Hayward', state: 'CA', postalCode: '94545', country: 'US' } });
  });

  it('serves stock again within its TTL without a call, and filters by SKU and warehouse', async () => {
    await adapter.getInventory({});
    const some = await adapter.getInventory({ skus: ['HMK-2300', 'OUT-2301'], warehouseCodes: ['CENPORTS-NJ'] });
    expect(some.map((level) => [level.sku, level.warehouse?.code])).toEqual([
      ['HMK-2300', 'CENPORTS-NJ'],
      ['OUT-2301', 'CENPORTS-NJ'],
    ]);
    expect(sandbox.stats.count('getInventories')).toBe(2);
  });

  it('reads stock again once the TTL has passed', async () => {
    const brief = adapterFor(sandbox, { inventoryTtlMs: 20 });
    await brief.getInventory({});
    await new Promise((resolve) => setTimeout(resolve, 40));
    await brief.getInventory({});
    expect(sandbox.stats.count('getInventories')).toBe(4);
  });

  it('derives one product per SKU from the inventory, named as Cenports names it and without a price', async () => {
    const seen: string[] = [];
    for (let offset = 0; ; offset += 40) {
      const page = await adapter.listProducts({ offset, limit: 40 }, {});
      seen.push(...page.items.map((p) => p.sku));
      if (!page.hasMore) break;
    }
    expect(seen).toEqual(skus());
    const [product, missing] = await adapter.getProducts(['HMK-2300', 'NOPE-1']);
    const stored = sandbox.state.products.get('HMK-2300')!;
    expect(product).toMatchObject({ supplierProductId: 'HMK-2300', sku: 'HMK-2300', name: stored.name, price: null, available: !stored.isDiscontinued });
    expect(missing).toBeNull();
    expect(sandbox.stats.count('getInventories')).toBe(2);
  });

  it('searches products by name or SKU', async () => {
    const name = sandbox.state.products.get('PET-2302')!.name;
    const bySearch = await adapter.listProducts({ offset: 0, limit: 200 }, { search: name.toLowerCase() });
    expect(bySearch.items.map((p) => p.name)).toEqual(skus().map((sku) => sandbox.state.products.get(sku)!.name).filter((n) => n === name));
    const bySku = await adapter.listProducts({ offset: 0, limit: 10 }, { skus: ['PET-2302'] });
    expect(bySku.items.map((p) => p.sku)).toEqual(['PET-2302']);
  });

  it('serves the old product list at once while a refresh runs behind it', async () => {
    const cached = adapterFor(sandbox, { catalogTtlMs: 20 });
    await cached.listProducts({ offset: 0, limit: 5 }, {});
    expect(sandbox.stats.count('getInventories')).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 40));
    sandbox.faults.set([{ kind: 'latency', ms: 400, operations: ['getInventories'] }]);
    const started = performance.now();
    const page = await cached.listProducts({ offset: 0, limit: 5 }, {});
    expect(performance.now() - started).toBeLessThan(200);
    expect(page.items).toHaveLength(5);
    await expect.poll(() => sandbox.stats.count('getInventories'), { timeout: 2_000 }).toBe(4);
  });

  it('lists the partner’s sales channels and reuses them without another call', async () => {
    const channels = await adapter.listSalesChannels();
    expect(channels.map((c) => [c.channelId, c.name, c.email ?? null])).toEqual(
      [...sandbox.state.channels.values()].map((c) => [c.channelId, c.channelName, c.channelEmail]),
    );
    await adapter.listSalesChannels();
    expect(sandbox.stats.count('getChannels')).toBe(1);
  });
});
