import pLimit from 'p-limit';
import type { OrderModel } from '../../domain/models.ts';
import type { ListWindow, OrderListFilter, WindowPage } from '../adapter.ts';
import { mapOrBreach } from '../shared/contract.ts';
import { readData } from './answers.ts';
import type { WhitelabelClient } from './client.ts';
import { toOrder } from './mapping.ts';
import { planPages } from './paging.ts';
import { RecentOrders } from './recent-orders.ts';
import { statusPushdown, type WhitelabelOrderStatus } from './status-map.ts';
import { OrderListResponse, OrderResponse } from './wire.ts';

/** listOrders' documented maximum page size. */
export const MAX_PAGE_SIZE = 100;

export interface OrderReaderOptions {
  /** how long a read order (or list page) may be reused; at most 2 s */
  ttlMs: number;
  /** simultaneous GET /orders/{id} calls at most */
  maxConcurrent: number;
}

interface OrderPage {
  orders: OrderModel[];
  total: number;
}

/** Reads orders: windows of the newest-first list, and batches of single reads. */
export class OrderReader {
  readonly #recent: RecentOrders;
  readonly #limit: ReturnType<typeof pLimit>;
  readonly #pages = new Map<string, { at: number; page: Promise<OrderPage> }>();
  readonly #inFlight = new Map<string, Promise<OrderModel | null>>();
  readonly #onForget: (() => void)[] = [];

  constructor(
    private readonly upstream: WhitelabelClient,
    private readonly options: OrderReaderOptions,
  ) {
    this.#recent = new RecentOrders(options.ttlMs);
    this.#limit = pLimit(options.maxConcurrent);
  }

  /**
   * The window of the newest-first list, in one GET /orders (two when it straddles pages, more
   * only past 100). The status filter goes upstream when it names exactly one WhiteLabel status.
   */
  async list(window: ListWindow, filter: OrderListFilter): Promise<WindowPage<OrderModel>> {
    const status = statusPushdown(filter.statuses);
    if (status === 'none') return { items: [], hasMore: false };
    const plan = planPages(window, MAX_PAGE_SIZE);
    const pages = await Promise.all(plan.pages.map((page) => this.#page(status, page, plan.size)));
    const items = pages.flatMap((p) => p.orders).slice(plan.skip, plan.skip + window.limit);
    const total = Math.max(...pages.map((p) => p.total));
    return { items, hasMore: window.offset + window.limit < total && !pastCreatedAfter(items, filter) };
  }

  /**
   * Every order, newest first: the first page of 100, then the rest in parallel, one call per 100
   * orders (pages reused like the list's for the TTL).
   */
  async all(): Promise<OrderModel[]> {
    const first = await this.#page(undefined, 1, MAX_PAGE_SIZE);
    const more = Math.max(0, Math.ceil(first.total / MAX_PAGE_SIZE) - 1);
    const rest = await Promise.all(Array.from({ length: more }, (_, i) => this.#page(undefined, i + 2, MAX_PAGE_SIZE)));
    // An order created while the pages are read shifts the list: keep each order once.
    const byId = new Map<string, OrderModel>();
    for (const order of [first, ...rest].flatMap((page) => page.orders)) {
      if (!byId.has(order.supplierOrderId)) byId.set(order.supplierOrderId, order);
    }
    return [...byId.values()];
  }

  /** Calls `listener` whenever a write through the adapter changes an order, so copies made from this reader's reads drop. */
  onForget(listener: () => void): void {
    this.#onForget.push(listener);
  }

  /** One entry per id, in id order, null for an unknown id; recent orders cost no call. */
  async get(ids: readonly string[]): Promise<(OrderModel | null)[]> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.#recent.fresh(id) ?? this.#single(id)));
    const byId = new Map(unique.map((id, index) => [id, found[index] ?? null]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * The order as the supplier has it now, bypassing what was read before, for a write to answer
   * with; list pages read before are dropped, so no later read serves the order as it was.
   */
  reload(id: string): Promise<OrderModel | null> {
    this.forget(id);
    // Not joined to a read in flight: that one may have left before the write.
    return this.#limit(() => this.#fetchOrder(id));
  }

  /** Drops what was read of this order (and every cached page), after a write changed it. */
  forget(id: string): void {
    this.#recent.forget(id);
    this.#pages.clear();
    for (const listener of this.#onForget) listener();
  }

  #page(status: WhitelabelOrderStatus | undefined, page: number, size: number): Promise<OrderPage> {
    const key = `${status ?? ''}:${page}:${size}`;
    const now = Date.now();
    const cached = this.#pages.get(key);
    if (cached && now - cached.at < this.options.ttlMs) return cached.page;
    for (const [k, entry] of this.#pages) if (now - entry.at >= this.options.ttlMs) this.#pages.delete(k);
    const loading = this.#fetchPage(status, page, size);
    this.#pages.set(key, { at: now, page: loading });
    loading.catch(() => {
      if (this.#pages.get(key)?.page === loading) this.#pages.delete(key);
    });
    return loading;
  }

  async #fetchPage(status: WhitelabelOrderStatus | undefined, page: number, limit: number): Promise<OrderPage> {
    const answer = await this.upstream.call('listOrders', (client, init) =>
      client.GET('/orders', { ...init, params: { query: { page, limit, ...(status ? { status } : {}) } } }),
    );
    const list = readData(OrderListResponse, answer, 'listOrders');
    const orders = mapOrBreach('whitelabel', 'listOrders', () => list.orders.map(toOrder));
    this.#recent.remember(orders);
    return { orders, total: list.pagination.total };
  }

  #single(id: string): Promise<OrderModel | null> {
    const running = this.#inFlight.get(id);
    if (running) return running;
    const loading = this.#limit(() => this.#fetchOrder(id)).finally(() => this.#inFlight.delete(id));
    this.#inFlight.set(id, loading);
    return loading;
  }

  async #fetchOrder(id: string): Promise<OrderModel | null> {
    const answer = await this.upstream.call('getOrder', (client, init) =>
      client.GET('/orders/{id}', { ...init, params: { path: { id } } }),
    );
    if (answer.status === 404) return null;
    const wire = readData(OrderResponse, answer, 'getOrder');
    const order = mapOrBreach('whitelabel', 'getOrder', () => toOrder(wire));
    this.#recent.remember([order]);
    return order;
  }
}

/**
 * The list is newest first, so once the window reaches an order created before `createdAfter`,
 * everything after it fails the filter too: no need to ask for more.
 */
function pastCreatedAfter(items: readonly OrderModel[], filter: OrderListFilter): boolean {
  const after = filter.createdAfter ? Date.parse(filter.createdAfter) : Number.NaN;
  const last = items.at(-1)?.createdAt;
  return !Number.isNaN(after) && last != null && Date.parse(last) < after;
}
