import type { ProductModel } from '../../domain/models.ts';
import type { ListWindow, ProductListFilter, WindowPage } from '../adapter.ts';
import { sliceWindow } from '../shared/window.ts';
import { mapped, readOk } from './answers.ts';
import type { PleasurestockClient } from './client.ts';
import { toProduct } from './mapping.ts';
import { RefreshingSnapshot } from '../shared/refreshing-snapshot.ts';
import { BoundedMap } from './bounded-map.ts';
import { INTERNAL_ID, ProductListWire } from './wire.ts';

/** The most GET /products takes per page and per `ids` batch (spec: limit ≤ 1000, ≤ 1000 ids). */
export const MAX_PER_CALL = 1000;
/** After a failed first load, how long lookups by id go to `?ids=` before the catalog is tried again. */
const COLD_LOAD_RETRY_MS = 30_000;
/** Products looked up by id outside the catalog copy, remembered at most. */
const LOOKUP_CAPACITY = 10_000;
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
 * read in pages of 1000 (3 calls) and kept for `ttlMs`, refreshed in the background. Lookups by
 * id load it too when none is held, so what they cost does not depend on how many clients ask;
 * what a stale or missing copy lacks is fetched with one `?ids=` call per 1000 ids and remembered.
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

  const now = options.now ?? Date.now;
  const snapshot = new RefreshingSnapshot<Catalog>({ name: 'pleasurestock.catalog', ttlMs: options.ttlMs, load, ...(options.now && { now: options.now }) });
  // What `?ids=` answered, misses included, kept as long as a catalog copy is: products change
  // rarely, and without this every request naming them would cost a call again.
  const lookedUp = new BoundedMap<string, { product: ProductModel | null; at: number }>(LOOKUP_CAPACITY);
  let coldLoadFailedAt = Number.NEGATIVE_INFINITY;

  /**
   * The copy to answer from, loading it when none is held (one load however many callers wait)
   * and refreshing it in the background when stale; null when no copy can be had, in which case
   * the first load is not tried again for a while, so an outage does not cost three calls a request.
   */
  const copy = async (): Promise<{ data: Catalog; fresh: boolean } | null> => {
    if (!snapshot.peek() && now() - coldLoadFailedAt < COLD_LOAD_RETRY_MS) return null;
    try {
      await snapshot.get();
    } catch {
      coldLoadFailedAt = now();
      return null;
    }
    return snapshot.peek() ?? null;
  };

  const remembered = (id: string) => {
    const entry = lookedUp.get(id);
    return entry && now() - entry.at < options.ttlMs ? entry : undefined;
  };

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
      // Only ps_* ids name products here (list items carry no UUID to match a UUID against), and
      // the supplier refuses a whole batch for one malformed id, so anything else is simply null.
      const candidates = [...new Set(ids)].filter((id) => INTERNAL_ID.test(id));
      if (candidates.length === 0) return ids.map(() => null);
      const held = await copy();
      // A fresh copy is trusted for misses too.
      if (held?.fresh) return ids.map((id) => held.data.byId.get(id) ?? null);
      const wanted = candidates.filter((id) => !held?.data.byId.has(id) && !remembered(id));
      if (wanted.length > 0) {
        const fetched = await fetchByIds(wanted);
        const at = now();
        for (const id of wanted) lookedUp.set(id, { product: fetched.get(id) ?? null, at });
      }
      return ids.map((id) => held?.data.byId.get(id) ?? remembered(id)?.product ?? null);
    },

    freshCopy() {
      const held = snapshot.peek();
      return held?.fresh ? held.data.byId : null;
    },
  };
}
