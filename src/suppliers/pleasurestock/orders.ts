import type { LimitFunction } from 'p-limit';
import type { OrderModel } from '../../domain/models.ts';
import type { ListWindow, OrderListFilter, WindowPage } from '../adapter.ts';
import { SupplierContractError } from '../../domain/errors.ts';
import { mapped, readOk } from './answers.ts';
import { BoundedMap } from './bounded-map.ts';
import type { PleasurestockClient } from './client.ts';
import { toOrderFacts, toOrderFromDetail, toOrderFromList, type OrderFacts } from './mapping.ts';
import { splitWindow } from './paging.ts';
import { statusPushdown, type PleasurestockOrderStatus } from './status-map.ts';
import { OrderDetailResponseWire, OrderListWire, type OrderListItemWire } from './wire.ts';

/** GET /external/orders answers at most 100 orders a call (spec). */
const MAX_LIST_LIMIT = 100;

export interface OrderReaderOptions {
  /** how long an order read may answer getOrders again (at most 2 s: orders are never staler) */
  ordersTtlMs: number;
  /** orders whose lines are remembered */
  factsCapacity: number;
  limit: LimitFunction;
  now?: () => number;
}

export interface PleasurestockOrders {
  list(window: ListWindow, filter: OrderListFilter): Promise<WindowPage<OrderModel>>;
  byNumbers(orderNumbers: readonly string[]): Promise<(OrderModel | null)[]>;
  /** One order read now, never from the short reuse (a write just changed it); null when unknown. */
  fresh(orderNumber: string): Promise<OrderModel | null>;
}

/**
 * Orders through the External API. The list has no lines and dates orders to the day only, and
 * the document offers no batched detail read (GET /external/orders/{orderNumber} takes one order;
 * the list has no `ids` or `include` parameter), so the first sight of an order costs one detail
 * call, however many requests see it at once. Lines and creation time never change after creation
 * and are remembered in a bounded map, so a later page (or a refetch of this one) costs only the
 * list call.
 */
export function createOrderReader(upstream: PleasurestockClient, options: OrderReaderOptions): PleasurestockOrders {
  const now = options.now ?? Date.now;
  const facts = new BoundedMap<string, OrderFacts>(options.factsCapacity);
  const recent = new BoundedMap<string, { order: OrderModel; at: number }>(Math.max(1, options.factsCapacity));
  const remember = (order: OrderModel) => recent.set(order.supplierOrderId, { order, at: now() });

  const fetchDetail = async (orderNumber: string): Promise<{ order: OrderModel; facts: OrderFacts } | null> => {
    const answer = await upstream.call('getOrder', (client, init) =>
      client.GET('/external/orders/{orderNumber}', { ...init, params: { path: { orderNumber } } }),
    );
    if (answer.status === 404) return null;
    const { data } = readOk(OrderDetailResponseWire, answer, 'getOrder');
    const read = mapped('getOrder', () => ({ order: toOrderFromDetail(data), facts: toOrderFacts(data) }));
    facts.set(data.orderNumber, read.facts);
    remember(read.order);
    return read;
  };

  const detailsInFlight = new Map<string, Promise<{ order: OrderModel; facts: OrderFacts } | null>>();
  /** One detail call per order at a time: concurrent readers of the same order share it. */
  const readDetail = (orderNumber: string) => {
    let reading = detailsInFlight.get(orderNumber);
    if (!reading) {
      reading = options.limit(() => fetchDetail(orderNumber)).finally(() => detailsInFlight.delete(orderNumber));
      detailsInFlight.set(orderNumber, reading);
    }
    return reading;
  };

  const factsOf = async (listed: readonly OrderListItemWire[]): Promise<Map<string, OrderFacts>> => {
    const known = new Map<string, OrderFacts>();
    const missing: string[] = [];
    for (const { orderNumber } of listed) {
      const held = facts.get(orderNumber);
      if (held) known.set(orderNumber, held);
      else if (!missing.includes(orderNumber)) missing.push(orderNumber);
    }
    await Promise.all(
      missing.map(async (orderNumber) => {
        const read = await readDetail(orderNumber);
        if (!read) throw new SupplierContractError('pleasurestock', 'getOrder', 'an order the list shows has no detail');
        known.set(orderNumber, read.facts);
      }),
    );
    return known;
  };

  const fetchList = async (offset: number, limit: number, status: PleasurestockOrderStatus | undefined) => {
    const answer = await upstream.call('listOrders', (client, init) =>
      client.GET('/external/orders', {
        ...init,
        params: { query: { offset, limit, ...(status !== undefined && { status }) } },
      }),
    );
    return readOk(OrderListWire, answer, 'listOrders').data;
  };

  return {
    async list(window, filter) {
      const pushdown = statusPushdown(filter.statuses);
      if (pushdown.kind === 'none') return { items: [], hasMore: false };
      const status = pushdown.kind === 'one' ? pushdown.status : undefined;
      // offset and limit map directly; a window wider than 100 takes one call per 100.
      const pages = await Promise.all(splitWindow(window, MAX_LIST_LIMIT).map((part) => fetchList(part.offset, part.limit, status)));
      const listed = pages.flatMap((page) => page.orders).slice(0, window.limit);
      const total = pages[0]!.pagination.total;
      const known = await factsOf(listed);
      const items = mapped('listOrders', () => listed.map((item) => toOrderFromList(item, known.get(item.orderNumber)!)));
      items.forEach(remember);
      return { items, hasMore: window.offset + window.limit < total };
    },

    async byNumbers(orderNumbers) {
      const unique = [...new Set(orderNumbers)];
      const found = new Map<string, OrderModel | null>();
      await Promise.all(
        unique.map(async (orderNumber) => {
          const held = recent.get(orderNumber);
          if (held && now() - held.at < options.ordersTtlMs) return found.set(orderNumber, held.order);
          if (orderNumber.trim() === '') return found.set(orderNumber, null);
          const read = await readDetail(orderNumber);
          return found.set(orderNumber, read?.order ?? null);
        }),
      );
      return orderNumbers.map((orderNumber) => found.get(orderNumber) ?? null);
    },

    async fresh(orderNumber) {
      const read = await options.limit(() => fetchDetail(orderNumber));
      return read?.order ?? null;
    },
  };
}
