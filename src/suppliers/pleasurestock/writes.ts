import type { SupplierWrites } from '../writes.ts';
import type { PleasurestockCatalog } from './catalog.ts';
import type { PleasurestockClient } from './client.ts';
import type { PleasurestockOrders } from './orders.ts';
import { findPlacedOrders, type PlacementLookupOptions } from './placement-lookup.ts';
import { placeOrder } from './placement.ts';
import { checkPlacement } from './placement-rules.ts';
import { submitSales } from './sales.ts';
import { changeOrderStatus } from './status-change.ts';

export type PleasurestockWrites = Required<
  Pick<SupplierWrites, 'validatePlacement' | 'createOrder' | 'findPlacement' | 'updateOrderStatus' | 'cancelOrder' | 'submitSalesReport'>
>;

/**
 * PleasureStock's writes: placement through the External API (no supplier idempotency, so lost
 * creates are looked up by their externalOrderId), status changes and cancellation, and the
 * standard API's sales report. Smart reorder submission and webhook registration are not in the
 * gateway's write interface.
 */
export function createWrites(
  upstream: PleasurestockClient,
  deps: { catalog: PleasurestockCatalog; orders: PleasurestockOrders; lookup: PlacementLookupOptions },
): PleasurestockWrites {
  const { catalog, orders } = deps;
  return {
    validatePlacement: (request) => checkPlacement(request, catalog.freshCopy()),
    createOrder: (request) => placeOrder(upstream, orders, request),
    findPlacement: (request) => findPlacedOrders(upstream, orders, request, deps.lookup),
    updateOrderStatus: (orderNumber, status, comment) => changeOrderStatus(upstream, orders, orderNumber, status, comment),
    // PleasureStock cancels through the status endpoint; the reason travels as its comment.
    cancelOrder: (orderNumber, reason) => changeOrderStatus(upstream, orders, orderNumber, 'CANCELLED', reason),
    submitSalesReport: (entries) => submitSales(upstream, entries),
  };
}
