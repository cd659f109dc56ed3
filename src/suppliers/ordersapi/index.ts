import pLimit from 'p-limit';
import type { OrderModel, ProductModel } from '../../domain/models.ts';
import { SUPPLIER_NAMES } from '../../domain/supplier.ts';
import type { SupplierAdapter } from '../adapter.ts';
import { expectBody } from '../http/expect.ts';
import type { SupplierDescriptor } from '../operations.ts';
import { mapOrBreach } from '../shared/contract.ts';
import { Snapshot } from '../shared/snapshot.ts';
import { sliceWindow } from '../shared/window.ts';
import type { OrdersapiCatalogEntry } from './catalog.ts';
import { createOrdersapiClient, type OrdersapiConnection } from './client.ts';
import { toOrder, toProduct } from './mapping.ts';
import { OrderListWire, OrderWire } from './wire.ts';
import { createOrdersapiWrites } from './writes.ts';

/** The Orders API supplier: create, list and get orders; no idempotency, no cancel. */
export const ordersapi = {
  id: 'ordersapi',
  name: SUPPLIER_NAMES.ordersapi,
  // None documented; its spec records the integrator decision to stay under 60 a minute.
  rateLimits: [{ scope: 'all', limit: 60, windowSeconds: 60 }],
} as const satisfies SupplierDescriptor;

export interface OrdersapiAdapterOptions extends OrdersapiConnection {
  catalog: readonly OrdersapiCatalogEntry[];
  /** how long a fetched order list may be reused (default 2 s: orders are never staler) */
  ordersTtlMs?: number;
  /** simultaneous GET /orders/{id} calls at most (default 4) */
  maxConcurrent?: number;
  /** sent as `partner_name` on every order placed (default "supplygraph") */
  partnerName?: string;
  /** the clock that dates placed orders (the supplier sends no timestamps); tests pin it */
  now?: () => Date;
}

/**
 * The ordersapi adapter. Its list comes whole and oldest first, so it is reversed and reused
 * briefly, and dropped when an order is placed. Writes: createOrder with the token as
 * customer_reference, and findPlacement by searching the list for it (see writes.ts).
 *
 * externalReference on the read side is the supplier's customer_reference. For orders the
 * gateway placed that is the gateway's token, not the client's reference: the gateway's journal
 * holds the client's (placed orders carry it), and the gateway shows the journal's value for
 * orders it has journaled. Orders placed elsewhere keep whatever reference their placer sent.
 */
export function createOrdersapiAdapter(options: OrdersapiAdapterOptions): SupplierAdapter {
  const upstream = createOrdersapiClient(options);
  const limit = pLimit(options.maxConcurrent ?? 4);
  const products = options.catalog.map(toProduct);
  const byProductId = new Map(products.map((p) => [p.supplierProductId, p]));

  const freshOrderSnapshot = () =>
    new Snapshot<OrderModel[]>(options.ordersTtlMs ?? 2_000, async () => {
      const answer = await upstream.call('listOrders', (client, init) => client.GET('/orders', init));
      const list = expectBody(OrderListWire, answer, 'ordersapi', 'listOrders');
      return mapOrBreach('ordersapi', 'listOrders', () => list.items.map(toOrder).reverse());
    }, undefined, 'ordersapi.orders');
  let newestFirst = freshOrderSnapshot();

  const getOrder = async (id: string): Promise<OrderModel | null> => {
    const answer = await upstream.call('getOrder', (client, init) =>
      client.GET('/orders/{order_id}', { ...init, params: { path: { order_id: id } } }),
    );
    if (answer.status === 404) return null;
    const order = expectBody(OrderWire, answer, 'ordersapi', 'getOrder');
    return mapOrBreach('ordersapi', 'getOrder', () => toOrder(order));
  };

  return {
    descriptor: ordersapi,
    health: () => upstream.health(),
    async listProducts(window, filter) {
      const search = filter.search?.toLowerCase();
      const matching = products.filter(
        (p: ProductModel) =>
          (!filter.skus || filter.skus.includes(p.sku)) &&
          (!search || p.name.toLowerCase().includes(search) || p.sku.toLowerCase().includes(search)),
      );
      return sliceWindow(matching, window);
    },
    async getProducts(ids) {
      return ids.map((id) => byProductId.get(id) ?? null);
    },
    async listOrders(window) {
      return sliceWindow(await newestFirst.get(), window);
    },
    async getOrders(ids) {
      const fresh = newestFirst.peek();
      if (fresh) {
        const byId = new Map(fresh.map((o) => [o.supplierOrderId, o]));
        if (ids.every((id) => byId.has(id))) return ids.map((id) => byId.get(id)!);
      }
      return Promise.all(ids.map((id) => limit(() => getOrder(id))));
    },
    ...createOrdersapiWrites(upstream, {
      partnerName: options.partnerName ?? 'supplygraph',
      catalog: new Map(options.catalog.map((entry) => [entry.productId, entry])),
      now: options.now ?? (() => new Date()),
      // A list cached before the placement lacks the new order: the next read fetches again.
      onPlaced: () => {
        newestFirst = freshOrderSnapshot();
      },
    }),
  };
}
