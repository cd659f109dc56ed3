import type { SupplierAdapter, WindowPage } from '../suppliers/adapter.ts';
import { SupplierRegistry } from '../suppliers/registry.ts';

/**
 * The suppliers as one request's resolvers see them: the same adapters, except that a list read
 * (a window of products, orders or shipments, or stock) asked again with the same arguments
 * answers the first call's result, so aliased fields cost the supplier one call. A failed read
 * is not asked again within the request either.
 */
export class RequestSuppliers extends SupplierRegistry {
  constructor(base: SupplierRegistry) {
    const reads = new Map<string, Promise<unknown>>();
    super(base.list().map((adapter) => memoised(adapter, reads)));
  }
}

/** Each caller gets its own copy of a list, since the merge consumes the arrays it is given. */
function memoised(adapter: SupplierAdapter, reads: Map<string, Promise<unknown>>): SupplierAdapter {
  const once = <R>(method: string, args: unknown[], read: () => Promise<R>): Promise<R> => {
    const key = JSON.stringify([adapter.descriptor.id, method, ...args]);
    let result = reads.get(key) as Promise<R> | undefined;
    if (!result) {
      result = read();
      reads.set(key, result);
    }
    return result;
  };
  const page = <T>(read: Promise<WindowPage<T>>) => read.then((answer) => ({ ...answer, items: [...answer.items] }));
  return {
    ...adapter,
    ...(adapter.listProducts && {
      listProducts: (window, filter) => page(once('listProducts', [window, filter], () => adapter.listProducts!(window, filter))),
    }),
    ...(adapter.listOrders && {
      listOrders: (window, filter) => page(once('listOrders', [window, filter], () => adapter.listOrders!(window, filter))),
    }),
    ...(adapter.listShipments && {
      listShipments: (window, filter) => page(once('listShipments', [window, filter], () => adapter.listShipments!(window, filter))),
    }),
    ...(adapter.getInventory && {
      getInventory: async (filter) => [...(await once('getInventory', [filter], () => adapter.getInventory!(filter)))],
    }),
  } satisfies SupplierAdapter;
}
