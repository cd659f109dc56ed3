import type { OrderModel } from '../domain/models.ts';
import type { Store } from '../store/open.ts';
import type { PlacementRequest } from '../suppliers/writes.ts';

/**
 * What the journal keeps as an order's `response`: the supplier's answer that made it known (its
 * parsed body, or the adapter's outcome where the adapter hands over no body), and how it came:
 * the create call, a lookup after an unknown outcome, or a followed transaction.
 */
export interface PlacementResponse {
  via: 'createOrder' | 'lookup' | 'transaction';
  answer: unknown;
  /** a transaction's final state as the supplier last told it (via 'transaction' only) */
  transaction?: unknown;
}

/** Journals orders a supplier took, with the request and the answer, and records their first status as an event. */
export async function recordPlacedOrders(
  store: Store,
  entry: {
    placementId: string | null;
    scope: string;
    request: PlacementRequest | null;
    response: PlacementResponse | null;
    orders: OrderModel[];
    now: () => number;
  },
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
      response: entry.response,
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
