import type { ShipmentModel } from '../../domain/models.ts';
import type { ShipmentStatus } from '../../domain/status.ts';
import type { SupplierId } from '../../domain/supplier.ts';
import type { Store } from '../../store/index.ts';
import type { ShipmentUpdateModel } from '../messages.ts';

/** What was seen of each item at the last round, by id: a cursor for suppliers that keep no change log. */
export type Snapshot = Record<string, string>;

/** The snapshot stored under `name`, or null before the first round. */
export async function readSnapshot(store: Store, supplier: SupplierId, name: string): Promise<Snapshot | null> {
  const text = await store.cursors.get(supplier, name);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Snapshot) : null;
  } catch {
    return null;
  }
}

/** A shipment's status and tracking number: a change to either is an update worth telling. */
export function shipmentFingerprints(shipments: readonly ShipmentModel[]): Snapshot {
  return Object.fromEntries(shipments.map((s) => [s.supplierShipmentId, `${s.status}|${s.trackingNumber ?? ''}`]));
}

/** The updates of the shipments that differ from the snapshot, as POLLING updates. */
export function shipmentChanges(shipments: readonly ShipmentModel[], seen: Snapshot, occurredAt: (s: ShipmentModel) => string): ShipmentUpdateModel[] {
  const now = shipmentFingerprints(shipments);
  return shipments
    .filter((s) => seen[s.supplierShipmentId] !== now[s.supplierShipmentId])
    .map((shipment) => {
      const before = seen[shipment.supplierShipmentId];
      const previousStatus = before ? (before.slice(0, before.indexOf('|')) as ShipmentStatus) : null;
      return { shipment, previousStatus, source: 'POLLING', occurredAt: occurredAt(shipment) };
    });
}
