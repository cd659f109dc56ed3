import type { InventoryLevelModel, ProductModel, WalletModel } from '../../domain/models.ts';
import { SUPPLIER_NAMES } from '../../domain/supplier.ts';
import type { SupplierAdapter } from '../adapter.ts';
import type { SupplierDescriptor } from '../operations.ts';
import { mapOrBreach } from '../shared/contract.ts';
import { Snapshot } from '../shared/snapshot.ts';
import { sliceWindow } from '../shared/window.ts';
import { readData } from './answers.ts';
import { RefreshingSnapshot } from '../shared/refreshing-snapshot.ts';
import { createWhitelabelClient, type WhitelabelConnection } from './client.ts';
import { toInventory, toOrderChanges, toPendingShipments, toProducts, toTrackingUpdates, toWallet } from './mapping.ts';
import { OrderReader } from './orders.ts';
import { createShipmentList } from './shipments.ts';
import { CatalogResponse, OrderUpdatesResponse, PendingTrackingResponse, WalletResponse } from './wire.ts';
import { createWhitelabelWrites } from './writes.ts';

export type { WhitelabelCredential } from './auth.ts';
export type { WhitelabelConnection } from './client.ts';

/** WhiteLabel Peptides: catalog, orders, wallet, shipment admin, tracking and delta sync. */
export const whitelabel = {
  id: 'whitelabel',
  name: SUPPLIER_NAMES.whitelabel,
  // What the supplier offers. It has no shipment list: shipments come inside their order, and
  // listShipments reads them from the order list (see shipments.ts).
  rateLimits: [
    { scope: 'read', limit: 100, windowSeconds: 60 },
    { scope: 'write', limit: 30, windowSeconds: 60 },
  ],
} as const satisfies SupplierDescriptor;

export interface WhitelabelAdapterOptions extends WhitelabelConnection {
  /** how long the catalog is served before a background refresh (default 5 minutes) */
  catalogTtlMs?: number;
  /** how long a read order or list page may be reused (default and maximum 2 s) */
  ordersTtlMs?: number;
  /** how long the wallet may be reused (default and maximum 2 s) */
  walletTtlMs?: number;
  /** simultaneous GET /orders/{id} calls at most (default 4) */
  maxConcurrent?: number;
  /** how long the shipment list, read from every order, is reused (default 10 s) */
  shipmentsTtlMs?: number;
}

/** Orders and wallets are never served older than this, whatever the options say. */
const MAX_LIVE_TTL_MS = 2_000;
/** getPendingTracking's maximum; the queue moves on only when the store acknowledges. */
const TRACKING_PAGE = 100;
/** getOrderUpdates' maximum page (it may extend a page to keep one timestamp's orders together). */
const UPDATES_PAGE = 100;

interface Catalog {
  products: ProductModel[];
  bySku: Map<string, ProductModel>;
  inventory: InventoryLevelModel[];
}

/**
 * The WhiteLabel adapter, reading with the store credential. Products and stock come from the one
 * unpaged catalog (cached, refreshed in the background); orders from the paged list or one by one,
 * with their shipments embedded, which listShipments also reads from the order list. Writes (see
 * writes.ts) sign with the store credential, except shipment admin, which needs `ops` and is
 * refused FORBIDDEN without it.
 */
export function createWhitelabelAdapter(options: WhitelabelAdapterOptions): SupplierAdapter {
  const upstream = createWhitelabelClient(options);
  const liveTtl = (ttl: number | undefined) => Math.min(ttl ?? MAX_LIVE_TTL_MS, MAX_LIVE_TTL_MS);
  const orders = new OrderReader(upstream, { ttlMs: liveTtl(options.ordersTtlMs), maxConcurrent: options.maxConcurrent ?? 4 });

  const catalog = new RefreshingSnapshot<Catalog>({
    name: 'whitelabel.catalog',
    ttlMs: options.catalogTtlMs ?? 300_000,
    load: async () => {
      const answer = await upstream.call('getCatalog', (client, init) => client.GET('/catalog', init));
      const wire = readData(CatalogResponse, answer, 'getCatalog');
      return mapOrBreach('whitelabel', 'getCatalog', () => {
        const products = toProducts(wire);
        return { products, bySku: new Map(products.map((p) => [p.sku, p])), inventory: toInventory(wire) };
      });
    },
  });

  const wallet = new Snapshot<WalletModel>(liveTtl(options.walletTtlMs), async () => {
    const answer = await upstream.call('getWallet', (client, init) => client.GET('/wallet', init));
    const wire = readData(WalletResponse, answer, 'getWallet');
    return mapOrBreach('whitelabel', 'getWallet', () => toWallet(wire));
  }, Date.now, 'whitelabel.wallet');

  const writes = createWhitelabelWrites({
    store: upstream,
    ops: options.ops ? createWhitelabelClient(options, 'ops') : null,
    orders,
    cachedCatalog: () => catalog.peek()?.data.bySku ?? null,
  });

  const pendingTracking = async () => {
    const answer = await upstream.call('getPendingTracking', (client, init) =>
      client.GET('/tracking/pending', { ...init, params: { query: { limit: TRACKING_PAGE } } }),
    );
    return readData(PendingTrackingResponse, answer, 'getPendingTracking');
  };

  return {
    descriptor: whitelabel,
    health: () => upstream.health(),
    ...writes,
    refusesDuplicateTokens: true,
    async listProducts(window, filter) {
      const search = filter.search?.trim().toLowerCase();
      const skus = filter.skus ? new Set(filter.skus) : null;
      const matching = (await catalog.get()).products.filter(
        (p) => (!skus || skus.has(p.sku)) && (!search || [p.name, p.sku, p.description ?? ''].some((text) => text.toLowerCase().includes(search))),
      );
      return sliceWindow(matching, window);
    },
    async getProducts(ids) {
      if (ids.length === 0) return [];
      const { bySku } = await catalog.get();
      return ids.map((sku) => bySku.get(sku) ?? null);
    },
    async getInventory(filter) {
      // WhiteLabel names no warehouse, so a warehouse filter matches nothing here.
      if (filter.warehouseCodes && filter.warehouseCodes.length > 0) return [];
      const skus = filter.skus ? new Set(filter.skus) : null;
      return (await catalog.get()).inventory.filter((level) => !skus || skus.has(level.sku));
    },
    listOrders: (window, filter) => orders.list(window, filter),
    getOrders: (ids) => orders.get(ids),
    listShipments: createShipmentList(orders, { ttlMs: options.shipmentsTtlMs ?? 10_000 }),
    async getShipmentsByOrder(ids) {
      return (await orders.get(ids)).map((order) => order?.shipments ?? []);
    },
    getWallet: () => wallet.get(),
    async trackingUpdates() {
      const pending = await pendingTracking();
      return mapOrBreach('whitelabel', 'getPendingTracking', () => toTrackingUpdates(pending));
    },
    async pendingTrackingShipments() {
      const pending = await pendingTracking();
      return mapOrBreach('whitelabel', 'getPendingTracking', () => toPendingShipments(pending));
    },
    async orderChangesSince(since) {
      const answer = await upstream.call('getOrderUpdates', (client, init) =>
        client.GET('/orders/updates', { ...init, params: { query: { since, limit: UPDATES_PAGE } } }),
      );
      const page = readData(OrderUpdatesResponse, answer, 'getOrderUpdates');
      return mapOrBreach('whitelabel', 'getOrderUpdates', () => toOrderChanges(page));
    },
  };
}
