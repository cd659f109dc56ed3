import type { OrderModel } from '../../domain/models.ts';

/**
 * Orders a list page returned in the last `ttlMs` (at most 2 s: orders are never staler), so the
 * lookups that follow a list (an order's node, its lines) need no call of their own.
 */
export class RecentOrders {
  readonly #seen = new Map<string, { order: OrderModel; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  remember(orders: readonly OrderModel[]): void {
    if (this.ttlMs <= 0) return;
    const at = this.now();
    if (this.#seen.size > 5_000) this.#forgetExpired(at);
    for (const order of orders) this.#seen.set(order.supplierOrderId, { order, at });
  }

  /** Drops orders a write may have changed, so the next read asks Cenports. */
  forget(orderNos: readonly string[]): void {
    for (const orderNo of orderNos) this.#seen.delete(orderNo);
  }

  /** The order if a list returned it within the TTL. */
  fresh(orderNo: string): OrderModel | undefined {
    const entry = this.#seen.get(orderNo);
    return entry && this.now() - entry.at < this.ttlMs ? entry.order : undefined;
  }

  #forgetExpired(at: number): void {
    for (const [orderNo, entry] of this.#seen) if (at - entry.at >= this.ttlMs) this.#seen.delete(orderNo);
  }
}
