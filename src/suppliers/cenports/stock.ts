import type { InventoryLevelModel, ProductModel } from '../../domain/models.ts';
import type { InventoryListFilter, ListWindow, ProductListFilter, WindowPage } from '../adapter.ts';
import { expectBody } from '../http/expect.ts';
import { mapOrBreach } from '../shared/contract.ts';
import { Snapshot } from '../shared/snapshot.ts';
import { sliceWindow } from '../shared/window.ts';
import { RefreshingSnapshot } from '../shared/refreshing-snapshot.ts';
import { expectOk, type CenportsClient } from './client.ts';
import { toInventoryLevels, toProducts } from './inventory-mapping.ts';
import { InventoryListWire } from './wire.ts';

interface Stock {
  levels: InventoryLevelModel[];
  products: ProductModel[];
}

export interface StockOptions {
  /** how long stock is reused (default and maximum 30 s: two calls of a 60-a-minute budget) */
  inventoryTtlMs?: number;
  /** how long the product list is served before a background refresh (default 5 min) */
  catalogTtlMs?: number;
  now?: () => number;
}

const matches = (wanted: readonly string[] | null | undefined, value: string) => !wanted?.length || wanted.includes(value);

/**
 * Stock and the products derived from it. Cenports gives inventory only whole (per warehouse), so
 * every read is served from one snapshot of GET /inventories (available, per channel) and
 * GET /inventories?actualStock=true (on hand), fetched together.
 */
export function createStockReads(client: CenportsClient, options: StockOptions) {
  const getInventories = async (actualStock: boolean) => {
    const query = actualStock ? { partnerId: client.partnerId, actualStock } : { partnerId: client.partnerId, channelId: client.channelId };
    const answer = await client.call('getInventories', (api, init) => api.GET('/inventories', { ...init, params: { query } }));
    expectOk(answer, 'getInventories');
    return expectBody(InventoryListWire, answer, 'cenports', 'getInventories').data;
  };

  const stock = new Snapshot<Stock>(
    Math.min(options.inventoryTtlMs ?? 30_000, 30_000),
    async () => {
      const [available, actual] = await Promise.all([getInventories(false), getInventories(true)]);
      return mapOrBreach('cenports', 'getInventories', () => ({ levels: toInventoryLevels(available, actual), products: toProducts(actual) }));
    },
    options.now,
    'cenports.inventory',
  );
  const catalog = new RefreshingSnapshot({
    name: 'cenports.catalog',
    ttlMs: options.catalogTtlMs ?? 300_000,
    load: async () => (await stock.get()).products,
    ...(options.now && { now: options.now }),
  });

  const products = async (filter: ProductListFilter): Promise<ProductModel[]> => {
    const search = filter.search?.toLowerCase();
    return (await catalog.get()).filter(
      (product) =>
        matches(filter.skus, product.sku) &&
        (!search || product.name.toLowerCase().includes(search) || product.sku.toLowerCase().includes(search)),
    );
  };

  return {
    async inventory(filter: InventoryListFilter): Promise<InventoryLevelModel[]> {
      const { levels } = await stock.get();
      return levels.filter((level) => matches(filter.skus, level.sku) && matches(filter.warehouseCodes, level.warehouse?.code ?? ''));
    },
    async listProducts(window: ListWindow, filter: ProductListFilter): Promise<WindowPage<ProductModel>> {
      return sliceWindow(await products(filter), window);
    },
    /** Product ids are SKUs. */
    async getProducts(skus: readonly string[]): Promise<(ProductModel | null)[]> {
      const bySku = new Map((await catalog.get()).map((product) => [product.sku, product]));
      return skus.map((sku) => bySku.get(sku) ?? null);
    },
  };
}
