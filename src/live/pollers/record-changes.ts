import type { SupplierId } from '../../domain/supplier.ts';
import type { Store } from '../../store/index.ts';
import type { OrderChange } from '../../suppliers/adapter.ts';

/** A change a poller saw, with the status it saw at its last round where it keeps one. */
export type PolledChange = OrderChange & { seenSupplierStatus?: string };

/**
 * Appends a POLLING event for each change that moves its order to a supplier status other than
 * the last one the store knows (a change the gateway caused itself is already there as a
 * MUTATION event), and returns how many were new. `dedupeKey` makes a re-read change a no-op.
 */
export async function recordPolledChanges(
  store: Store,
  supplier: SupplierId,
  changes: readonly PolledChange[],
  dedupeKey: (change: OrderChange, previousSupplierStatus: string | null) => string,
): Promise<number> {
  if (changes.length === 0) return 0;
  const histories = await store.events.forOrders(changes.map((c) => ({ supplier, supplierOrderId: c.supplierOrderId })));
  let appended = 0;
  for (const [index, change] of changes.entries()) {
    const previous = histories[index]!.at(-1)?.supplierStatus ?? change.seenSupplierStatus ?? null;
    if (previous === change.supplierStatus) continue;
    const fresh = await store.events.append({
      supplier,
      supplierOrderId: change.supplierOrderId,
      status: change.status,
      supplierStatus: change.supplierStatus,
      previousSupplierStatus: previous,
      source: 'POLLING',
      occurredAt: change.changedAt,
      dedupeKey: dedupeKey(change, previous),
    });
    if (fresh) appended += 1;
  }
  return appended;
}
