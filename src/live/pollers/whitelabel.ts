import type { Store } from '../../store/index.ts';
import type { SupplierAdapter } from '../../suppliers/adapter.ts';
import type { LiveBus } from '../bus.ts';
import { recordPolledChanges } from './record-changes.ts';
import { readSnapshot, shipmentChanges, shipmentFingerprints } from './snapshots.ts';

const SUPPLIER = 'whitelabel';
/** sync_cursors names: the delta feed's next `since`, and the pending tracking last seen */
export const ORDER_UPDATES_CURSOR = 'orders/updates';
export const TRACKING_CURSOR = 'tracking/pending';
/** Pages of the delta feed read in one round at most; the rest waits for the next round. */
const MAX_PAGES = 5;

type Needs = Required<Pick<SupplierAdapter, 'orderChangesSince' | 'pendingTrackingShipments'>>;

/**
 * One WhiteLabel round: the orders changed since the stored cursor (orders/updates?since),
 * recorded as POLLING events, then the pending tracking queue, each shipment with new tracking or
 * a new status published as a shipment update. The queue is only read: acknowledging it is the
 * merchant's (acknowledgeTrackingUpdates). The first round ever starts the delta feed at
 * `startedAt` rather than replaying the supplier's whole history.
 */
export function whitelabelRound(deps: { adapter: Needs; store: Store; bus: LiveBus; startedAt: string; now: () => number }) {
  const { adapter, store, bus } = deps;
  return async (): Promise<void> => {
    let since = (await store.cursors.get(SUPPLIER, ORDER_UPDATES_CURSOR)) ?? deps.startedAt;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const { changes, hasMore, nextSince } = await adapter.orderChangesSince(since);
      await recordPolledChanges(store, SUPPLIER, changes, (c) => `poll:${SUPPLIER}:${c.supplierOrderId}:${c.supplierStatus}:${c.changedAt}`);
      if (nextSince !== since) await store.cursors.set(SUPPLIER, ORDER_UPDATES_CURSOR, nextSince);
      since = nextSince;
      if (!hasMore) break;
    }

    const shipments = await adapter.pendingTrackingShipments();
    const seen = (await readSnapshot(store, SUPPLIER, TRACKING_CURSOR)) ?? {};
    const at = new Date(deps.now()).toISOString();
    for (const update of shipmentChanges(shipments, seen, (s) => s.shippedAt ?? at)) await bus.publishShipment(update);
    await store.cursors.set(SUPPLIER, TRACKING_CURSOR, JSON.stringify(shipmentFingerprints(shipments)));
  };
}
