import type { Store } from '../../store/index.ts';
import type { SupplierAdapter } from '../../suppliers/adapter.ts';
import type { LiveBus } from '../bus.ts';
import { recordPolledChanges } from './record-changes.ts';
import { readSnapshot, shipmentChanges, shipmentFingerprints, type Snapshot } from './snapshots.ts';

const SUPPLIER = 'cenports';
/** sync_cursors names: the statuses seen at the last round */
export const ORDER_STATUSES_CURSOR = 'orders/statuses';
export const SHIPMENT_STATUSES_CURSOR = 'shipments/statuses';
/** The newest orders and shipments watched each round: one call each (Cenports pages up to 300). */
const WATCHED = 100;

type Needs = Required<Pick<SupplierAdapter, 'listOrders' | 'listShipments'>>;

/**
 * One Cenports round. Cenports has no change feed, so each round reads the newest orders and
 * shipments (one call each) and compares them with the statuses stored at the last round: an
 * order in a new status is recorded as a POLLING event, a new or changed shipment published. The
 * first round ever only stores what it sees. Cenports gives no change time, so the event is dated
 * when the gateway saw it and its dedupe key names the status it moved from instead.
 */
export function cenportsRound(deps: { adapter: Needs; store: Store; bus: LiveBus; now: () => number }) {
  const { adapter, store, bus } = deps;
  return async (): Promise<void> => {
    const window = { offset: 0, limit: WATCHED };
    const [orders, shipments] = await Promise.all([adapter.listOrders(window, {}), adapter.listShipments(window, {})]);
    const at = new Date(deps.now()).toISOString();

    const seenOrders = await readSnapshot(store, SUPPLIER, ORDER_STATUSES_CURSOR);
    if (seenOrders) {
      const changes = orders.items
        .filter((o) => seenOrders[o.supplierOrderId] !== o.supplierStatus)
        .map((o) => ({
          supplierOrderId: o.supplierOrderId,
          status: o.status,
          supplierStatus: o.supplierStatus,
          changedAt: at,
          seenSupplierStatus: seenOrders[o.supplierOrderId],
        }));
      await recordPolledChanges(store, SUPPLIER, changes, (c, previous) => `poll:${SUPPLIER}:${c.supplierOrderId}:${c.supplierStatus}:from-${previous ?? 'none'}`);
    }
    const orderStatuses: Snapshot = Object.fromEntries(orders.items.map((o) => [o.supplierOrderId, o.supplierStatus]));
    await store.cursors.set(SUPPLIER, ORDER_STATUSES_CURSOR, JSON.stringify(orderStatuses));

    const seenShipments = await readSnapshot(store, SUPPLIER, SHIPMENT_STATUSES_CURSOR);
    if (seenShipments) {
      for (const update of shipmentChanges(shipments.items, seenShipments, () => at)) await bus.publishShipment(update);
    }
    await store.cursors.set(SUPPLIER, SHIPMENT_STATUSES_CURSOR, JSON.stringify(shipmentFingerprints(shipments.items)));
  };
}
