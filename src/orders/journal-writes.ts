import type { OrderModel } from '../domain/models.ts';
import type { Store } from '../store/open.ts';
import type { PlacementRequest } from '../suppliers/writes.ts';

/** Journals orders a supplier took and records their first status as an event. */
export async function recordPlacedOrders(
  store: Store,
  entry: { placementId: string | null; scope: string; request: PlacementRequest | null; orders: OrderModel[]; now: () => number },
): Promise<void> {
  const at = new Date(entry.now()).toISOString();
  for (const order of entry.orders) {
    await store.journal.upsert({
      supplier: order.supplier,
      supplierOrderId: order.supplierOrderId,
      placementId: entry.placementId,
      scope: entry.scope,
      externalReference: order.externalReference,
      status: order.status,
      supplierStatus: order.supplierStatus,
      createdAt: order.createdAt ?? at,
      order: { ...order, createdAt: order.createdAt ?? at },
      request: entry.request,
      response: null,
    });
    await appendMutationEvent(store, order, { at, comment: null, previousSupplierStatus: null, dedupeKey: `placed:${order.supplier}:${order.supplierOrderId}` });
  }
}

/** Records a status the gateway itself caused (placement, cancel, update) as an order event. */
export async function appendMutationEvent(
  store: Store,
  order: OrderModel,
  event: { at: string; comment: string | null; previousSupplierStatus: string | null; dedupeKey: string },
): Promise<void> {
  await store.events.append({
    supplier: order.supplier,
    supplierOrderId: order.supplierOrderId,
    status: order.status,
    supplierStatus: order.supplierStatus,
    previousSupplierStatus: event.previousSupplierStatus,
    source: 'MUTATION',
    comment: event.comment,
    occurredAt: event.at,
    dedupeKey: event.dedupeKey,
  });
}
