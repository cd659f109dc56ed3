import type { Store } from '../store/index.ts';
import { PLEASURESTOCK_ORDER_STATUS, type PleasurestockOrderStatus } from '../suppliers/pleasurestock/status-map.ts';
import type { PleasurestockStatusChange } from './pleasurestock-events.ts';

// PleasureStock's lifecycle only moves forward; accepted and cancelled are final.
const FORWARD: readonly PleasurestockOrderStatus[] = ['created', 'part_paid', 'paid', 'on_the_way', 'delivered', 'accepted'];
const FINAL: ReadonlySet<string> = new Set<PleasurestockOrderStatus>(['accepted', 'cancelled']);

/**
 * Whether a journal entry at `current` should take `next`. Deliveries can arrive out of order
 * (each is retried on its own), so a late one must not move the order backwards.
 */
export function movesForward(current: string, next: PleasurestockOrderStatus): boolean {
  if (FINAL.has(current)) return false;
  if (next === 'cancelled') return true;
  const from = FORWARD.indexOf(current as PleasurestockOrderStatus);
  return from === -1 || FORWARD.indexOf(next) > from;
}

/**
 * One event per change: the order, its new status and the supplier's time of the change. The
 * event type is left out on purpose, so a cancellation told twice (order.status_changed to
 * cancelled, then order.cancelled, with the same time) is one event; the envelope timestamp is
 * left out because the sender stamps it per emission, not per change.
 */
export function webhookDedupeKey(change: PleasurestockStatusChange): string {
  return `webhook:pleasurestock:${change.orderNumber}:${change.status}:${change.occurredAt}`;
}

/**
 * Records a change exactly once, in one transaction: the WEBHOOK order event and, where the
 * gateway placed the order, the journal's status. A delivery seen before changes nothing and
 * answers 'duplicate'. Rejects with the database's error (nothing is written then).
 */
export async function recordPleasurestockChange(store: Store, change: PleasurestockStatusChange): Promise<'recorded' | 'duplicate'> {
  return store.transaction(async ({ events, journal }) => {
    const fresh = await events.append({
      supplier: 'pleasurestock',
      supplierOrderId: change.orderNumber,
      status: PLEASURESTOCK_ORDER_STATUS[change.status],
      supplierStatus: change.status,
      previousSupplierStatus: change.previousStatus,
      source: 'WEBHOOK',
      comment: change.comment,
      occurredAt: change.occurredAt,
      dedupeKey: webhookDedupeKey(change),
    });
    if (!fresh) return 'duplicate';
    const [entry] = await journal.getMany('pleasurestock', [change.orderNumber]);
    if (entry && movesForward(entry.supplierStatus, change.status)) {
      await journal.updateStatus('pleasurestock', change.orderNumber, PLEASURESTOCK_ORDER_STATUS[change.status], change.status);
    }
    return 'recorded';
  });
}
