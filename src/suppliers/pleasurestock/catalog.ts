import type { ProductModel } from '../../domain/models.ts';
import type { ListWindow, ProductListFilter, WindowPage } from '../adapter.ts';
import { sliceWindow } from '../shared/window.ts';
import { mapped, readOk } from './answers.ts';
import type { PleasurestockClient } from './client.ts';
import { toProduct } from './mapping.ts';
import { RefreshingSnapshot } from '../shared/refreshing-snapshot.ts';
import { INTERNAL_ID, ProductListWire } from './wire.ts';

/** The most GET /products takes per page and per `ids` batch (spec: limit ≤ 1000, ≤ 1000 ids). */
const MAX_PER_CALL = 1000;
/** Category names and TSP (retail price) and images in the same calls, at no extra cost. */
const FIELDS = { withImages: true, includeCategory: true, includeTsp: true } as const;

interface Catalog {
  products: ProductModel[];
  byId: Map<string, ProductModel>;
}

export interface PleasurestockCatalog {
  list(window: ListWindow, filter: ProductListFilter): Promise<WindowPage<ProductModel>>;
  byIds(ids: readonly string[]): Promise<(ProductModel | null)[]>;
  /** The whole catalog by id when a fresh copy is held, without any call; null otherwise. */
  freshCopy(): ReadonlyMap<string, ProductModel> | null;
}

/**
 * The ~2,500-product catalog. The standard API allows 1000 calls an hour, so the whole catalog is
 * read in pages of 1000 (3 calls) and kept for `ttlMs`, refreshed in the background; lookups by
 * id use the copy and fetch only what it lacks with one `?ids=` call per 1000 ids.
 */
export function createCatalog(upstream: PleasurestockClient, options: { ttlMs: number; now?: () => number }): PleasurestockCatalog {
  const fetchPage = async (page: number) => {
    const answer = await upstream.call('getProducts', (client, init) =>
      client.GET('/products', { ...init, params: { query: { page, limit: MAX_PER_CALL, ...FIELDS } } }),
    );
    return readOk(ProductListWire, answer, 'getProducts');
  };

  const load = async (): Promise<Catalog> => {
    const first = await fetchPage(1);
    const rest = await Promise.all(Array.from({ length: Math.max(0, first.pagination.pages - 1) }, (_, i) => fetchPage(i + 2)));
    const byId = new Map<string, ProductModel>();
    // A product that moves between pages while they are read would come twice; keep it once.
    for (const page of [first, ...rest]) {
      for (const product of mapped('getProducts', () => page.data.map(toProduct))) {
        if (!byId.has(product.supplierProductId)) byId.set(product.supplierProductId, product);
      }
    }
    return { products: [...byId.values()], byId };
  };

  const snapshot = new RefreshingSnapshot<Catalog>({ name: 'pleasurestock.catalog', ttlMs: options.ttlMs, load, ...(options.now && { now: options.now }) });

  const fetchByIds = async (ids: readonly string[]): Promise<Map<string, ProductModel>> => {
    const found = new Map<string, ProductModel>();
    const batches = Array.from({ length: Math.ceil(ids.length / MAX_PER_CALL) }, (_, i) => ids.slice(i * MAX_PER_CALL, (i + 1) * MAX_PER_CALL));
    const answers = await Promise.all(
      batches.map(async (batch) => {
        const answer = await upstream.call('getProducts', (client, init) =>
          client.GET('/products', { ...init, params: { query: { ids: batch.join(','), ...FIELDS } } }),
        );
        return readOk(ProductListWire, answer, 'getProducts');
      }),
    );
    for (const answer of answers) {
      for (const product of mapped('getProducts', () => answer.data.map(toProduct))) found.set(product.supplierProductId, product);
    }
    return found;
  };

  return {
    async list(window, filter) {
      const { products } = await snapshot.get();
      const search = filter.search?.toLowerCase();
      const skus = filter.skus ? new Set(filter.skus) : null;
      // The supplier's `search` covers name, SKU and description; matching as widely never drops
      // an item the gateway's own filter would keep.
      const matching = products.filter(
        (p) =>
          (!skus || skus.has(p.sku)) &&
          (!search || [p.name, p.sku, p.description ?? ''].some((text) => text.toLowerCase().includes(search))),
      );
      return sliceWindow(matching, window);
    },

    async byIds(ids) {
      const held = snapshot.peek();
      // Only ps_* ids name products here (list items carry no UUID to match a UUID against), and
      // the supplier refuses a whole batch for one malformed id, so anything else is simply null.
      // A fresh copy is trusted for misses too; a stale or absent one is completed by one call.
      const wanted = [...new Set(ids)].filter((id) => INTERNAL_ID.test(id) && !held?.data.byId.has(id));
      const fetched = wanted.length > 0 && !held?.fresh ? await fetchByIds(wanted) : new Map<string, ProductModel>();
      return ids.map((id) => held?.data.byId.get(id) ?? fetched.get(id) ?? null);
    },

    freshCopy() {
      const held = snapshot.peek();
      return held?.fresh ? held.data.byId : null;
    },
  };
}
