import type { Caller } from '../auth/api-keys.ts';
import type { OrderStatus, ShipmentStatus } from '../domain/status.ts';
import type { SupplierId } from '../domain/supplier.ts';
import type { OrderKey, Store } from '../store/index.ts';
import type { OrderUpdateModel, ShipmentUpdateModel } from './messages.ts';

/** What a subscriber asked for; an absent or empty list does not filter. */
export interface OrderUpdateFilterValues {
  suppliers?: readonly SupplierId[] | null;
  statuses?: readonly OrderStatus[] | null;
  orders?: readonly OrderKey[] | null;
}

export interface ShipmentUpdateFilterValues {
  suppliers?: readonly SupplierId[] | null;
  statuses?: readonly ShipmentStatus[] | null;
  orders?: readonly OrderKey[] | null;
}

const allows = <T>(list: readonly T[] | null | undefined, value: T) => !list?.length || list.includes(value);
const namesOrder = (orders: readonly OrderKey[] | null | undefined, supplier: SupplierId, supplierOrderId: string | null) =>
  !orders?.length || orders.some((o) => o.supplier === supplier && o.supplierOrderId === supplierOrderId);

export function matchesOrderUpdate(update: OrderUpdateModel, filter: OrderUpdateFilterValues): boolean {
  return allows(filter.suppliers, update.supplier) && allows(filter.statuses, update.status) && namesOrder(filter.orders, update.supplier, update.supplierOrderId);
}

export function matchesShipmentUpdate(update: ShipmentUpdateModel, filter: ShipmentUpdateFilterValues): boolean {
  const { shipment } = update;
  return (
    allows(filter.suppliers, shipment.supplier) && allows(filter.statuses, shipment.status) && namesOrder(filter.orders, shipment.supplier, shipment.supplierOrderId)
  );
}

/**
 * Whether one subscription's caller may see updates of an order: a partner only those of orders it
 * placed. An order once found to be the caller's stays so, and is not looked up again for this
 * subscription; one not (yet) found is, since a Cenports order is journaled once it completes.
 */
export function followableBy(store: Store, caller: Caller): (supplier: SupplierId, supplierOrderId: string | null) => Promise<boolean> {
  if (caller.role !== 'partner') return async () => true;
  const own = new Set<string>();
  return async (supplier, supplierOrderId) => {
    if (supplierOrderId === null) return false;
    const key = `${supplier}:${supplierOrderId}`;
    if (own.has(key)) return true;
    const placed = await store.journal.placedBy(caller.name, supplier, supplierOrderId);
    if (placed) own.add(key);
    return placed;
  };
}
