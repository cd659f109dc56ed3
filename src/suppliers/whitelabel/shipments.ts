import type { OrderModel, ShipmentModel } from '../../domain/models.ts';
import type { ListWindow, ShipmentListFilter, WindowPage } from '../adapter.ts';
import { Snapshot } from '../shared/snapshot.ts';
import { sliceWindow } from '../shared/window.ts';
import type { OrderReader } from './orders.ts';

/** A filter naming at most this many orders reads them one by one instead of the whole list. */
const MAX_ORDERS_READ_BY_ID = 10;

/** Latest ship date first, unshipped last: the order the gateway merges shipment lists in. */
const shippedAt = (shipment: ShipmentModel) => Date.parse(shipment.shippedAt ?? '') || 0;
const byShipDate = (orders: readonly OrderModel[]): ShipmentModel[] =>
  orders.flatMap((order) => order.shipments ?? []).sort((a, b) => shippedAt(b) - shippedAt(a));

const NONE: WindowPage<ShipmentModel> = { items: [], hasMore: false };

export interface ShipmentListOptions {
  /** how long the list of every shipment is reused, unless a write through the adapter changed an order */
  ttlMs: number;
  now?: () => number;
}

/**
 * WhiteLabel lists no shipments: they come inside their orders. Ship dates do not follow order
 * dates (an old order may ship today), so the list newest first by ship date, the order the
 * gateway merges suppliers' shipments in, needs every order: read in pages of 100 (one call per
 * 100 orders) and reused for `ttlMs`, since the supplier allows 100 reads a minute. A filter
 * naming a few orders reads only those.
 */
export function createShipmentList(orders: OrderReader, options: ShipmentListOptions) {
  const everyShipment = new Snapshot(options.ttlMs, () => orders.all().then(byShipDate), options.now, 'whitelabel.shipments');
  orders.onForget(() => everyShipment.invalidate());

  return async (window: ListWindow, filter: ShipmentListFilter): Promise<WindowPage<ShipmentModel>> => {
    // WhiteLabel keeps no acknowledgement per shipment (its tracking queue is per order).
    if (filter.acknowledged != null) return NONE;
    const orderIds = filter.supplierOrderIds ? new Set(filter.supplierOrderIds) : null;
    if (orderIds?.size === 0) return NONE;
    if (orderIds && orderIds.size <= MAX_ORDERS_READ_BY_ID) {
      const found = await orders.get([...orderIds]);
      return sliceWindow(byShipDate(found.filter((order) => order !== null)), window);
    }
    const shipments = await everyShipment.get();
    return sliceWindow(orderIds ? shipments.filter((s) => orderIds.has(s.supplierOrderId ?? '')) : shipments, window);
  };
}
