import type { LimitFunction } from 'p-limit';
import type { OrderModel } from '../../domain/models.ts';
import type { ListWindow, OrderListFilter, WindowPage } from '../adapter.ts';
import { expectBody } from '../http/expect.ts';
import { mapOrBreach } from '../shared/contract.ts';
import { expectOk, type CenportsClient } from './client.ts';
import { toOrder } from './mapping.ts';
import { commaLists, MAX_PAGE_SIZE, readWindow } from './paging.ts';
import type { RecentOrders } from './recent-orders.ts';
import { canProduce, CENPORTS_ORDER_STATUS } from './status-map.ts';
import { OrderListWire, OrderPageWire } from './wire.ts';

type OrdersQuery = { startDate?: string; endDate?: string; orders?: string; isPaginated?: boolean; page?: number; limit?: number };

// startDate and endDate go together (422 otherwise); an open side gets a bound no order passes.
const OPEN_START = '1970-01-01';
const OPEN_END = '9999-12-31';

const utcDate = (instant: string | null | undefined): string | undefined => {
  const ms = instant ? Date.parse(instant) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
};

/**
 * The order-date range to push down, widened to whole UTC days (the gateway cuts it to the
 * instant); {} for none, null when no order can fall in it.
 */
export function orderDateRange(filter: OrderListFilter): { startDate?: string; endDate?: string } | null {
  const start = utcDate(filter.createdAfter);
  const end = utcDate(filter.createdBefore);
  if (start === undefined && end === undefined) return {};
  const range = { startDate: start ?? OPEN_START, endDate: end ?? OPEN_END };
  return range.endDate < range.startDate ? null : range;
}

/** GET /orders reads for one channel: windows of the newest-first list, and batches by orderNo. */
export function createOrderReads(client: CenportsClient, limit: LimitFunction, recent: RecentOrders) {
  const getOrders = async (query: OrdersQuery) => {
    const answer = await client.call('getOrders', (api, init) =>
      api.GET('/orders', { ...init, params: { query: { partnerId: client.partnerId, channelId: client.channelId, ...query } } }),
    );
    expectOk(answer, 'getOrders');
    return answer;
  };

  const page = async (query: OrdersQuery) => {
    const list = expectBody(OrderPageWire, await getOrders({ ...query, isPaginated: true }), 'cenports', 'getOrders');
    const orders = mapOrBreach('cenports', 'getOrders', () => list.data.map(toOrder));
    recent.remember(orders);
    return { items: orders, total: list.pagination.total };
  };

  const batch = async (orderNos: string): Promise<OrderModel[]> => {
    // Without isPaginated the answer is the first `limit` matches: ask for the most, never fewer than listed.
    const list = expectBody(OrderListWire, await getOrders({ orders: orderNos, limit: MAX_PAGE_SIZE }), 'cenports', 'getOrders');
    return mapOrBreach('cenports', 'getOrders', () => list.data.map(toOrder));
  };

  /** One GET /orders?orders=a,b,c per 255 characters of order numbers, fresh list results reused. */
  const get = async (orderNos: readonly string[]): Promise<(OrderModel | null)[]> => {
    const found = new Map<string, OrderModel>();
    for (const orderNo of orderNos) {
      const order = recent.fresh(orderNo);
      if (order) found.set(orderNo, order);
    }
    const missing = orderNos.filter((orderNo) => !found.has(orderNo));
    const batches = await Promise.all(commaLists(missing).map((list) => limit(() => batch(list))));
    for (const order of batches.flat()) found.set(order.supplierOrderId, order);
    return orderNos.map((orderNo) => found.get(orderNo) ?? null);
  };

  return {
    /** Newest order date first, as Cenports sorts; statuses cannot be pushed down, only ruled out. */
    async list(window: ListWindow, filter: OrderListFilter): Promise<WindowPage<OrderModel>> {
      const range = orderDateRange(filter);
      if (range === null || !canProduce(CENPORTS_ORDER_STATUS, filter.statuses)) return { items: [], hasMore: false };
      return readWindow(window, ({ page: number, size }) => page({ ...range, page: number, limit: size }));
    },

    get,
    /** Like get, but never from the list cache: for reads that must see a write (findPlacement, acknowledge). */
    reload(orderNos: readonly string[]): Promise<(OrderModel | null)[]> {
      recent.forget(orderNos);
      return get(orderNos);
    },
  };
}
