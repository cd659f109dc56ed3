import type { QueryResolvers, ShipmentResolvers, TrackingUpdateResolvers } from '../../generated/graphql.ts';
import { matchesShipmentFilter } from '../../domain/filters.ts';
import { decodeGlobalId } from '../../domain/global-id.ts';
import { supplierIdFromCode } from '../../domain/supplier.ts';
import { supplierConnection } from '../connection.ts';
import { globalIdOf } from '../ids.ts';

export const shipmentQueries: Pick<QueryResolvers, 'shipments' | 'trackingUpdates'> = {
  shipments: (_root, { filter, first, after }, { suppliers, partialErrors }) => {
    const only = filter?.suppliers?.map(supplierIdFromCode);
    const orderIds = filter?.orderIds?.map((id) => decodeGlobalId(id)?.nativeId ?? '');
    const shipmentFilter = { statuses: filter?.statuses, supplierOrderIds: orderIds, acknowledged: filter?.acknowledged };
    return supplierConnection({
      adapters: suppliers.supporting('listShipments', only),
      list: (adapter, window) => adapter.listShipments!(window, shipmentFilter),
      first,
      after,
      compare: (a, b) => (Date.parse(b.shippedAt ?? '') || 0) - (Date.parse(a.shippedAt ?? '') || 0),
      accept: (shipment) => matchesShipmentFilter(shipment, shipmentFilter),
      identify: (shipment) => shipment.supplierShipmentId,
      partialErrors,
    });
  },
  trackingUpdates: async (_root, _args, { suppliers, partialErrors }) => {
    const perSupplier = await Promise.all(
      suppliers
        .supporting('trackingUpdates')
        .map((adapter) => adapter.trackingUpdates().catch((error: unknown) => partialErrors.recordOrRethrow(error, []))),
    );
    return perSupplier.flat();
  },
};

export const Shipment: ShipmentResolvers = {
  id: (shipment) => globalIdOf.shipment(shipment),
  supplier: (shipment) => ({ id: shipment.supplier }),
  order: (shipment, _args, { loaders }) =>
    shipment.supplierOrderId ? loaders.order(shipment.supplier).load(shipment.supplierOrderId) : null,
};

export const TrackingUpdate: TrackingUpdateResolvers = {
  order: async (update, _args, { loaders }) => {
    const order = await loaders.order(update.supplier).load(update.supplierOrderId);
    if (!order) throw new Error(`tracking update names order ${update.supplierOrderId}, which ${update.supplier} does not return`);
    return order;
  },
};
