import { setTimeout as sleep } from 'node:timers/promises';
import type { SupplierId } from '../../domain/supplier.ts';
import type { Store } from '../../store/index.ts';
import type { OrderChange } from '../../suppliers/adapter.ts';

/** A change a poller saw, with the status it saw at its last round where it keeps one. */
export type PolledChange = OrderChange & { seenSupplierStatus?: string };

/** The longest a round waits for the gateway's own writes to be journaled before it records anyway. */
export const POLLER_WAIT_MS = 20_000;
const RECHECK_MS = 50;

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

/**
 * Waits until no write to the supplier that began before now is still under way, for at most
 * maxWaitMs. The supplier was read before this is called, so any write whose effect that read
 * could show had been marked by now (the mark precedes the write's first call).
 */
async function writesJournaled(store: Store, supplier: SupplierId, maxWaitMs: number): Promise<void> {
  const before = await store.supplierWrites.clock();
  const deadline = Date.now() + maxWaitMs;
  while ((await store.supplierWrites.underWay(supplier, before)) > 0 && Date.now() < deadline) await sleep(RECHECK_MS);
}
