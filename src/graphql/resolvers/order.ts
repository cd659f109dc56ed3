import type { OrderLineResolvers, OrderResolvers, QueryResolvers } from '../../generated/graphql.ts';
import { matchesOrderFilter, newestFirst } from '../../domain/filters.ts';
import type { OrderModel } from '../../domain/models.ts';
import { supplierIdFromCode } from '../../domain/supplier.ts';
import { supplierConnection } from '../connection.ts';
import { globalIdOf } from '../ids.ts';

export const orderQueries: Pick<QueryResolvers, 'orders'> = {
  orders: (_root, { filter, first, after }, { suppliers, partialErrors }) => {
    const only = filter?.suppliers?.map(supplierIdFromCode);
    const orderFilter = {
      statuses: filter?.statuses,
      createdAfter: filter?.createdAfter,
      createdBefore: filter?.createdBefore,
      externalReference: filter?.externalReference,
    };
    return supplierConnection<OrderModel>({
      adapters: suppliers.supporting('listOrders', only),
      list: (adapter, window) => adapter.listOrders!(window, orderFilter),
      first,
      after,
      compare: newestFirst,
      accept: (order) => matchesOrderFilter(order, orderFilter),
      partialErrors,
    });
  },
};

export const Order: OrderResolvers = {
  id: (order) => globalIdOf.order(order),
  // The merchant's reference as sent to createOrder, where the gateway placed the order (some
  // suppliers only keep the gateway's idempotency token in their reference field).
  externalReference: async (order, _args, { loaders }) =>
    (await loaders.journal(order.supplier).load(order.supplierOrderId))?.externalReference ?? order.externalReference,
  events: (order, _args, { loaders }) => loaders.events().load(JSON.stringify([order.supplier, order.supplierOrderId])),
  supplier: (order) => ({ id: order.supplier }),
  // A non-null list: a supplier failure leaves it empty and is reported, so it cannot null the
  // whole page (other suppliers' orders included).
  shipments: (order, _args, { loaders, partialErrors }) =>
    order.shipments ??
    loaders
      .shipmentsOfOrder(order.supplier)
      .load(order.supplierOrderId)
      .catch((error: unknown) => partialErrors.recordOrRethrow(error, [])),
  transaction: (order, _args, { loaders }) =>
    order.transactionHandle ? loaders.transaction(order.supplier).load(order.transactionHandle) : null,
};

export const OrderLine: OrderLineResolvers = {
  product: (line, _args, { loaders }) => loaders.product(line.supplier).load(line.supplierProductId ?? line.sku),
};
