import type { SupplierId } from '../../domain/supplier.ts';
import { writesJournaled } from '../../orders/writes-journaled.ts';
import type { Store } from '../../store/index.ts';
import type { OrderChange } from '../../suppliers/adapter.ts';

/** A change a poller saw, with the status it saw at its last round where it keeps one. */
export type PolledChange = OrderChange & { seenSupplierStatus?: string };

/** The longest a round waits for the gateway's own writes to be journaled before it records anyway. */
export const POLLER_WAIT_MS = 20_000;

/**
 * Appends a POLLING event for each change that moves its order to a supplier status other than
 * the last one the store knows, and returns how many were new. `dedupeKey` makes a re-read change
 * a no-op. A change the gateway caused itself is its MUTATION event's: a write under way when the
 * supplier was read may be what the poller saw, so the round first waits for those writes to be
 * journaled (asSupplierWrite marks them), then finds their events in the history.
 */
export async function recordPolledChanges(
  store: Store,
  supplier: SupplierId,
  changes: readonly PolledChange[],
  dedupeKey: (change: OrderChange, previousSupplierStatus: string | null) => string,
  options: { maxWaitMs?: number } = {},
): Promise<number> {
  if (changes.length === 0) return 0;
  await writesJournaled(store, supplier, options.maxWaitMs ?? POLLER_WAIT_MS);
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
