import type { ProductModel } from '../../domain/models.ts';
import type { SupplierWrites } from '../writes.ts';
import type { WhitelabelClient } from './client.ts';
import { OrderChanges } from './order-changes.ts';
import type { OrderReader } from './orders.ts';
import { OrderPlacement } from './place-order.ts';
import { checkPlacement } from './placement-rules.ts';
import { ShipmentAdmin } from './shipment-admin.ts';

export type WhitelabelWrites = Required<
  Pick<
    SupplierWrites,
    | 'validatePlacement'
    | 'createOrder'
    | 'findPlacement'
    | 'cancelOrder'
    | 'updateOrderStatus'
    | 'acknowledgeTrackingUpdates'
    | 'createShipment'
    | 'markShipmentShipped'
  >
>;

export interface WhitelabelWriteDeps {
  /** signs with the store credential (merchant scope) */
  store: WhitelabelClient;
  /** signs with the ops credential (admin scope); null when none is configured */
  ops: WhitelabelClient | null;
  orders: OrderReader;
  /** the catalog by SKU if it is already loaded, without loading it */
  cachedCatalog: () => ReadonlyMap<string, ProductModel> | null;
}

/**
 * WhiteLabel's writes: wallet-funded placement, idempotent by woo_order_id (the gateway's token),
 * cancellation, tracking acknowledgement, and shipment admin with the ops credential. Wallet
 * funding and webhooks are outside the gateway's write interface.
 */
export function createWhitelabelWrites(deps: WhitelabelWriteDeps): WhitelabelWrites {
  const placement = new OrderPlacement(deps.store, deps.orders);
  const shipments = new ShipmentAdmin(deps.ops, deps.orders);
  const changes = new OrderChanges(deps.store, deps.orders, shipments);
  return {
    validatePlacement: (request) => checkPlacement(request, deps.cachedCatalog()),
    createOrder: (request) => placement.create(request),
    findPlacement: (request) => placement.find(request),
    cancelOrder: (id, reason) => changes.cancel(id, reason),
    updateOrderStatus: (id, status, comment) => changes.updateStatus(id, status, comment),
    acknowledgeTrackingUpdates: (ids) => changes.acknowledgeTracking(ids),
    createShipment: (orderId, input) => shipments.create(orderId, input),
    markShipmentShipped: (shipmentId, input) => shipments.markShipped(shipmentId, input),
  };
}
