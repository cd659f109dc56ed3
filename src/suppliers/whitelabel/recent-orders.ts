import type { OrderModel } from '../../domain/models.ts';

/**
 * Orders seen in the last `ttlMs` (list pages and single reads), so a lookup right after a list
 * (an order's shipments, the same order in another field) costs no call. Orders are never
 * served older than the TTL, which the adapter caps at 2 s.
 */
export class RecentOrders {
  readonly #byId = new Map<string, { order: OrderModel; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  remember(orders: readonly OrderModel[]): void {
    const at = this.now();
    // Map order is insertion order: re-insert so the oldest entries stay first for pruning.
    for (const order of orders) {
      this.#byId.delete(order.supplierOrderId);
      this.#byId.set(order.supplierOrderId, { order, at });
    }
    this.#prune(at);
  }

  /** The order if seen within the TTL. */
  fresh(id: string): OrderModel | undefined {
    const entry = this.#byId.get(id);
    return entry && this.now() - entry.at < this.ttlMs ? entry.order : undefined;
  }

  forget(id: string): void {
    this.#byId.delete(id);
  }

  #prune(now: number): void {
    for (const [id, entry] of this.#byId) {
      if (now - entry.at < this.ttlMs) break;
      this.#byId.delete(id);
    }
  }
}
