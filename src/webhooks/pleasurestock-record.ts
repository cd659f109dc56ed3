import { writesJournaled } from '../orders/writes-journaled.ts';
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
 * The longest a delivery waits for the gateway's own writes to PleasureStock to be journaled: they
 * take milliseconds, and only a process that died mid-write leaves a mark to wait out.
 */
export const WEBHOOK_WAIT_MS = 5_000;

/**
 * Records a change exactly once, in one transaction: the WEBHOOK order event and, where the
 * gateway placed the order, the journal's status. A delivery seen before changes nothing and
 * answers 'duplicate'; so does one telling of a status the order's history already ends at,
 * which is how PleasureStock echoes a change the gateway made itself (its MUTATION event, for
 * which the delivery first waits if the write is still being journaled). Rejects with the
 * database's error (nothing is written then).
 */
export async function recordPleasurestockChange(
  store: Store,
  change: PleasurestockStatusChange,
  options: { maxWaitMs?: number } = {},
): Promise<'recorded' | 'duplicate'> {
  await writesJournaled(store, 'pleasurestock', options.maxWaitMs ?? WEBHOOK_WAIT_MS);
  return store.transaction(async ({ events, journal }) => {
    // Its statuses only move forward, so the same status again is the same change, told again.
    const [history] = await events.forOrders([{ supplier: 'pleasurestock', supplierOrderId: change.orderNumber }]);
    if (history?.at(-1)?.supplierStatus === change.status) return 'duplicate';
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
