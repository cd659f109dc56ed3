import pLimit from 'p-limit';
import { SUPPLIER_NAMES } from '../../domain/supplier.ts';
import type { SupplierAdapter } from '../adapter.ts';
import type { SupplierDescriptor } from '../operations.ts';
import { createChannels } from './channels.ts';
import { createCenportsClient, type CenportsConnection } from './client.ts';
import { createChangeWrites } from './changes.ts';
import { createOrderReads } from './orders.ts';
import { RecentOrders } from './recent-orders.ts';
import { createShipmentReads } from './shipments.ts';
import { createStockReads, type StockOptions } from './stock.ts';
import { createTransactionReads } from './transactions.ts';
import { createPlacementWrites } from './writes.ts';

export { isDuplicateOrderFailure, placementFailureRefusals } from './transaction-errors.ts';

/** Cenports: orders, shipments, inventory and channels; its writes are asynchronous transactions. */
export const cenports = {
  id: 'cenports',
  name: SUPPLIER_NAMES.cenports,
  // FAQ: 60 a minute, one budget for every endpoint, /authorize included (see the spec).
  rateLimits: [{ scope: 'all', limit: 60, windowSeconds: 60 }],
} as const satisfies SupplierDescriptor;

export interface CenportsAdapterOptions extends CenportsConnection, StockOptions {
  /** how long orders a list returned answer getOrders without a call (default and maximum 2 s) */
  ordersTtlMs?: number;
  /** how long the channel list is served before a background refresh (default 10 min) */
  channelsTtlMs?: number;
  /** simultaneous calls of one batch at most (default 4) */
  maxConcurrent?: number;
}

/**
 * The Cenports adapter for one partner and sales channel. Lists are read page by page in
 * Cenports' own newest-first order; batches use its comma-separated `orders` filter. Writes
 * (placing, acknowledging, stock changes) are submitted transactions the gateway follows with
 * getTransactions; a placement's token is its orderNo. Channels are listed and created synchronously.
 */
export function createCenportsAdapter(options: CenportsAdapterOptions): SupplierAdapter {
  const client = createCenportsClient(options);
  const limit = pLimit(options.maxConcurrent ?? 4);
  const recent = new RecentOrders(Math.min(options.ordersTtlMs ?? 2_000, 2_000), options.now);
  const orders = createOrderReads(client, limit, recent);
  const shipments = createShipmentReads(client, limit);
  const stock = createStockReads(client, options);
  const transactions = createTransactionReads(client, limit);
  const placements = createPlacementWrites(client, orders, options.now ?? Date.now);
  const changes = createChangeWrites(client, orders);

  const channels = createChannels(client, { ttlMs: options.channelsTtlMs ?? 600_000, ...(options.now && { now: options.now }) });

  return {
    descriptor: cenports,
    health: () => client.health(),
    shipmentsApart: true,
    listProducts: stock.listProducts,
    getProducts: stock.getProducts,
    listOrders: orders.list,
    getOrders: orders.get,
    listShipments: shipments.list,
    getShipmentsByOrder: shipments.byOrder,
    getInventory: stock.inventory,
    getTransactions: transactions.get,
    listSalesChannels: channels.list,
    createSalesChannel: channels.create,
    validatePlacement: placements.validatePlacement,
    createOrder: placements.createOrder,
    findPlacement: placements.findPlacement,
    refusesDuplicateTokens: true,
    acknowledgeOrders: changes.acknowledgeOrders,
    acknowledgeShipments: changes.acknowledgeShipments,
    adjustInventory: changes.adjustInventory,
  };
}
