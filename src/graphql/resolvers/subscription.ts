import type { OrderUpdateResolvers, ShipmentUpdateResolvers, SubscriptionResolvers } from '../../generated/graphql.ts';
import type { OrderModel } from '../../domain/models.ts';
import { supplierIdFromCode } from '../../domain/supplier.ts';
import type { OrderUpdateModel } from '../../live/index.ts';
import type { OrderKey } from '../../store/index.ts';
import type { GatewayContext } from '../context.ts';
import { expectGlobalId, globalIdOf } from '../ids.ts';
import { Loaders } from '../loaders.ts';
import { PartialErrors } from '../partial-errors.ts';

function liveOf(context: GatewayContext) {
  // A wiring mistake, not the caller's: masked as an unexpected error.
  if (!context.live) throw new Error('live updates are not running on this gateway');
  return context.live;
}

const orderRefs = (ids: readonly string[] | null | undefined): OrderKey[] | null =>
  ids?.map((id, index) => {
    const { supplier, nativeId } = expectGlobalId(id, 'Order', `filter.orderIds.${index}`);
    return { supplier, supplierOrderId: nativeId };
  }) ?? null;

/**
 * A subscription's context lives as long as the subscription, but loaders cache for one answer:
 * each update starts afresh, so it never shows an order as a previous update read it. Updates of
 * one subscription are executed one after another, so replacing them here is safe.
 */
function startUpdate<T>(update: T, _args: unknown, context: GatewayContext): T {
  context.loaders = new Loaders(context.orders.suppliers, context.store, context.orders.now);
  context.partialErrors = new PartialErrors();
  return update;
}

export const Subscription: SubscriptionResolvers = {
  orderUpdated: {
    subscribe: (_root, { filter }, context) =>
      liveOf(context).orderUpdates(
        { suppliers: filter?.suppliers?.map(supplierIdFromCode), statuses: filter?.statuses, orders: orderRefs(filter?.orderIds) },
        context.caller,
      ),
    resolve: startUpdate,
  },
  shipmentUpdated: {
    subscribe: (_root, { filter }, context) =>
      liveOf(context).shipmentUpdates(
        { suppliers: filter?.suppliers?.map(supplierIdFromCode), statuses: filter?.statuses, orders: orderRefs(filter?.orderIds) },
        context.caller,
      ),
    resolve: startUpdate,
  },
};

/** One read of the order per update for every subscriber of this process, not one each. */
const ordersOfUpdates = new WeakMap<OrderUpdateModel, Promise<OrderModel | null>>();

export const OrderUpdate: OrderUpdateResolvers = {
  orderId: (update) => globalIdOf.order(update),
  supplier: (update) => ({ id: update.supplier }),
  order: (update, _args, { loaders, partialErrors }) => {
    let order = ordersOfUpdates.get(update);
    if (!order) ordersOfUpdates.set(update, (order = loaders.order(update.supplier).load(update.supplierOrderId)));
    return order.catch((error: unknown) => partialErrors.recordOrRethrow(error, null));
  },
};

export const ShipmentUpdate: ShipmentUpdateResolvers = {
  status: (update) => update.shipment.status,
};
