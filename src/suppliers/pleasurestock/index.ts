import pLimit from 'p-limit';
import { SUPPLIER_NAMES } from '../../domain/supplier.ts';
import type { SupplierAdapter } from '../adapter.ts';
import type { SupplierDescriptor } from '../operations.ts';
import { createCatalog, MAX_PER_CALL } from './catalog.ts';
import { createPleasurestockClient, type PleasurestockConnection } from './client.ts';
import { createOrderReader } from './orders.ts';
import { createReporting } from './reporting.ts';
import { submitSmartReorder } from './smart-reorder.ts';
import { createWrites } from './writes.ts';

/** PleasureStock: a large paged catalog with ?ids= batching, split orders, sales and webhooks. */
export const pleasurestock = {
  id: 'pleasurestock',
  name: SUPPLIER_NAMES.pleasurestock,
  rateLimits: [
    { scope: 'standard', limit: 1000, windowSeconds: 3600 },
    { scope: 'external', limit: 5000, windowSeconds: 3600 },
    { scope: 'smartReordering', limit: 100, windowSeconds: 3600 },
  ],
} as const satisfies SupplierDescriptor;

const MINUTE_MS = 60_000;
/** The longest any order read is reused. */
const MAX_ORDERS_TTL_MS = 2_000;

export interface PleasurestockAdapterOptions extends PleasurestockConnection {
  /** how long the whole catalog is served before a background refresh (default 10 min) */
  catalogTtlMs?: number;
  /** how long an order read may answer getOrders again (default and at most 2 s) */
  ordersTtlMs?: number;
  /** how long one date's reorder recommendations are kept (default 10 min) */
  reorderTtlMs?: number;
  /** orders whose lines are remembered between pages (default 5000) */
  orderLinesCacheSize?: number;
  /** simultaneous GET /external/orders/{orderNumber} calls at most (default 4) */
  maxConcurrent?: number;
  /** how far back findPlacement looks for a lost create (default 24 h) */
  placementLookupWindowMs?: number;
  /** GET /external/orders pages of 100 findPlacement reads at most (default 5) */
  placementLookupMaxPages?: number;
  /** the clock the caches and the placement lookup read (default Date.now) */
  now?: () => number;
}

/**
 * The PleasureStock adapter: the catalog from a cached whole copy (loaded by the first read of
 * any kind) plus one `?ids=` call for what a stale copy lacks; orders from the External API with
 * their lines from each order's detail, fetched once (its list has no lines, nor a batched detail);
 * smart reordering and conversion into TRY; placement (looked up by externalOrderId after an
 * unknown outcome), status changes, cancellation and sales reports. No shipments, wallet or
 * inventory API exists.
 */
export function createPleasurestockAdapter(options: PleasurestockAdapterOptions): SupplierAdapter {
  const upstream = createPleasurestockClient(options);
  const now = options.now;
  const catalog = createCatalog(upstream, { ttlMs: options.catalogTtlMs ?? 10 * MINUTE_MS, ...(now && { now }) });
  const orders = createOrderReader(upstream, {
    ordersTtlMs: Math.min(options.ordersTtlMs ?? MAX_ORDERS_TTL_MS, MAX_ORDERS_TTL_MS),
    factsCapacity: options.orderLinesCacheSize ?? 5_000,
    limit: pLimit(options.maxConcurrent ?? 4),
    ...(now && { now }),
  });
  const reporting = createReporting(upstream, { reorderTtlMs: options.reorderTtlMs ?? 10 * MINUTE_MS, ...(now && { now }) });
  const writes = createWrites(upstream, {
    catalog,
    orders,
    lookup: {
      windowMs: options.placementLookupWindowMs ?? 24 * 60 * MINUTE_MS,
      maxPages: options.placementLookupMaxPages ?? 5,
      now: now ?? Date.now,
    },
  });

  return {
    descriptor: pleasurestock,
    // GET /products?ids= takes up to 1000 ids: a page of orders' products is one call.
    batchSizes: { getProducts: MAX_PER_CALL },
    health: () => upstream.health(),
    listProducts: (window, filter) => catalog.list(window, filter),
    getProducts: (ids) => catalog.byIds(ids),
    listOrders: (window, filter) => orders.list(window, filter),
    getOrders: (ids) => orders.byNumbers(ids),
    reorderRecommendations: (date) => reporting.reorderRecommendations(date),
    convertCurrency: (amount) => reporting.convertCurrency(amount),
    submitSmartReorderData: (entries) => submitSmartReorder(upstream, entries),
    ...writes,
  };
}
