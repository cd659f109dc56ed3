import type { OrderLineResolvers, OrderResolvers, QueryResolvers } from '../../generated/graphql.ts';
import { matchesOrderFilter, newestFirst } from '../../domain/filters.ts';
import type { OrderModel } from '../../domain/models.ts';
import { supplierIdFromCode } from '../../domain/supplier.ts';
import type { JournalEntry } from '../../store/journal.ts';
import { supplierConnection } from '../connection.ts';
import { globalIdOf } from '../ids.ts';
import { selects } from '../selection.ts';
import type { Loaders } from '../loaders.ts';

/**
 * The merchant's reference as the client sees it: the one sent to createOrder where the gateway
 * placed the order (some suppliers keep only the gateway's placement token as their reference).
 */
const shownReference = (order: OrderModel, entry: JournalEntry | null) => entry?.externalReference ?? order.externalReference;

/**
 * The transaction that created an order the gateway placed through an asynchronous write: kept in
 * its journal entry by the transaction follower (the supplier's own order never names it).
 */
function transactionHandleOf(entry: JournalEntry | null): string | null {
  const transaction = (entry?.response as { transaction?: { handle?: unknown } } | null)?.transaction;
  return typeof transaction?.handle === 'string' ? transaction.handle : null;
}

/** The orders with the reference the client sees, from one journal lookup for the whole window. */
async function withShownReferences(orders: OrderModel[], loaders: Loaders): Promise<OrderModel[]> {
  const entries = await Promise.all(orders.map((order) => loaders.journal(order.supplier).load(order.supplierOrderId)));
  return orders.map((order, i) => ({ ...order, externalReference: shownReference(order, entries[i] ?? null) }));
}

export const orderQueries: Pick<QueryResolvers, 'orders'> = {
  orders: async (_root, { filter, first, after }, { suppliers, partialErrors, loaders }, info) => {
    const only = filter?.suppliers?.map(supplierIdFromCode);
    const pushdown = { statuses: filter?.statuses, createdAfter: filter?.createdAfter, createdBefore: filter?.createdBefore };
    const orderFilter = { ...pushdown, externalReference: filter?.externalReference };
    const connection = await supplierConnection<OrderModel>({
      adapters: suppliers.supporting('listOrders', only),
      list: async (adapter, window) => {
        const page = await adapter.listOrders!(window, pushdown);
        return orderFilter.externalReference == null ? page : { ...page, items: await withShownReferences(page.items, loaders) };
      },
      first,
      after,
      compare: newestFirst,
      accept: (order) => matchesOrderFilter(order, orderFilter),
      identify: (order) => order.supplierOrderId,
      partialErrors,
    });
    // The page's shipments are a second round of calls: sent before the page is walked, not after.
    if (selects(info, ['nodes', 'shipments']) || selects(info, ['edges', 'node', 'shipments'])) await loaders.prefetchShipments(connection.nodes);
    return connection;
  },
};

export const Order: OrderResolvers = {
  id: (order) => globalIdOf.order(order),
  externalReference: async (order, _args, { loaders }) =>
    shownReference(order, await loaders.journal(order.supplier).load(order.supplierOrderId)),
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
  transaction: async (order, _args, { loaders, suppliers }) => {
    // Only a supplier whose writes are transactions can have made the order through one.
    if (!order.transactionHandle && !suppliers.get(order.supplier)?.getTransactions) return null;
    const handle = order.transactionHandle ?? transactionHandleOf(await loaders.journal(order.supplier).load(order.supplierOrderId));
    return handle ? loaders.transaction(order.supplier).load(handle) : null;
  },
};

export const OrderLine: OrderLineResolvers = {
  product: (line, _args, { loaders }) => loaders.product(line.supplier).load(line.supplierProductId ?? line.sku),
};
