import type { Random } from '../kit/index.ts';
import { CredentialStore } from './auth.ts';
import { WHITELABEL_SANDBOX_CREDENTIALS } from './credentials.ts';
import { whitelabelError } from './errors.ts';
import type { SeedData } from './seed.ts';
import type { Order, Product, Shipment, Wallet } from './types.ts';

/** Everything the simulator knows: catalog, orders (with their shipments), wallet and credentials. */
export class WhitelabelState {
  readonly products: readonly Product[];
  readonly wallet: Wallet;
  readonly credentials: CredentialStore;
  readonly random: Random;
  readonly #orders = new Map<string, Order>();
  readonly #ordersByWooId = new Map<string, Order>();
  readonly #productsBySku: Map<string, Product>;

  constructor(
    seed: SeedData,
    readonly now: () => number,
  ) {
    this.products = seed.products;
    this.wallet = seed.wallet;
    this.random = seed.random;
    this.#productsBySku = new Map(seed.products.map((p) => [p.sku, p]));
    for (const order of seed.orders) this.addOrder(order);
    this.credentials = new CredentialStore(WHITELABEL_SANDBOX_CREDENTIALS, () => this.random.uuid());
  }

  newId(): string {
    return this.random.uuid();
  }

  productBySku(sku: string): Product | undefined {
    return this.#productsBySku.get(sku);
  }

  orders(): Order[] {
    return [...this.#orders.values()];
  }

  findOrder(id: string): Order | undefined {
    return this.#orders.get(id);
  }

  orderByWooId(wooOrderId: string): Order | undefined {
    return this.#ordersByWooId.get(wooOrderId);
  }

  /** The order, or the supplier's 404. */
  requireOrder(id: string): Order {
    const order = this.#orders.get(id);
    if (!order) throw whitelabelError(404, 'NOT_FOUND', `Order ${id} not found`);
    return order;
  }

  addOrder(order: Order): void {
    this.#orders.set(order.id, order);
    this.#ordersByWooId.set(order.wooOrderId, order);
  }

  /** The shipment and its order, or the supplier's 404. */
  requireShipment(id: string): { shipment: Shipment; order: Order } {
    for (const order of this.#orders.values()) {
      const shipment = order.shipments.find((s) => s.id === id);
      if (shipment) return { shipment, order };
    }
    throw whitelabelError(404, 'NOT_FOUND', `Shipment ${id} not found`);
  }

  shipmentByTracking(trackingNumber: string): { shipment: Shipment; order: Order } | undefined {
    for (const order of this.#orders.values()) {
      const shipment = order.shipments.find((s) => s.trackingNumber === trackingNumber);
      if (shipment) return { shipment, order };
    }
    return undefined;
  }

  /** The wallet's reserved total is derived from the orders, so it cannot drift from them. */
  reservedCents(): number {
    let reserved = 0;
    for (const order of this.#orders.values()) reserved += order.reservedCents;
    return reserved;
  }

  availableCents(): number {
    return this.wallet.balanceCents - this.reservedCents();
  }

  /** Reserves the order's estimated total, or throws INSUFFICIENT_FUNDS leaving everything as it was. */
  reserve(order: Order): void {
    const required = order.subtotalCents + order.shippingEstimateCents;
    const available = this.availableCents();
    if (required > available) {
      throw whitelabelError(400, 'INSUFFICIENT_FUNDS', 'Wallet balance too low for this order', {
        required_cents: required,
        available_cents: available,
      });
    }
    order.reservedCents = required;
  }

  /** Releases the order's reservation and says how much went back to available. */
  release(order: Order): number {
    const released = order.reservedCents;
    order.reservedCents = 0;
    return released;
  }

  /** Marks the order changed now (what orders/updates compares). */
  touch(order: Order): void {
    order.updatedAt = this.now();
  }
}
