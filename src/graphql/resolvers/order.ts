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
