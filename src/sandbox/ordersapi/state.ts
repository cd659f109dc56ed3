import type { OrdersapiCatalogProduct } from './catalog.ts';

/** One line of a stored order; product details are copied when the order is placed. */
export interface StoredOrderItem {
  readonly orderItemId: string;
  readonly productId: string;
  readonly sku: string;
  readonly productName: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
}

/** An order as the supplier holds it. */
export interface StoredOrder {
  readonly orderId: string;
  readonly partnerName: string;
  readonly customerReference: string | null;
  /** open set: "created" is the only status the document names */
  status: string;
  readonly currency: 'USD';
  /** never sent on the wire (the API has no timestamps); kept because the list is in creation order */
  readonly createdAt: string;
  readonly items: readonly StoredOrderItem[];
}

/** What a client asks for, already schema-valid. */
export interface NewOrder {
  partnerName: string;
  customerReference: string | null;
  items: readonly { productId: string; quantity: number }[];
}

export type PlaceOutcome =
  | { ok: true; order: StoredOrder }
  | { ok: false; status: 400 | 404 | 409; detail: string };

const sequenceId = (prefix: string, n: number): string => `${prefix}${String(n).padStart(5, '0')}`;

/** Line total in cents: unit price times quantity, integers only. */
export const lineTotalCents = (item: StoredOrderItem): number => item.unitPriceCents * item.quantity;

/** Order total in cents: the sum of its line totals. */
export const orderTotalCents = (order: StoredOrder): number =>
  order.items.reduce((sum, item) => sum + lineTotalCents(item), 0);

/** The supplier's orders and catalog, and the rules that decide whether an order is placed. */
export class OrdersapiState {
  readonly #orders: StoredOrder[] = [];
  readonly #ordersById = new Map<string, StoredOrder>();
  readonly #products: Map<string, OrdersapiCatalogProduct>;
  #itemCount = 0;

  constructor(
    catalog: readonly OrdersapiCatalogProduct[],
    private readonly now: () => number,
  ) {
    this.#products = new Map(catalog.map((product) => [product.product_id, product]));
  }

  /** Every order, oldest first. */
  orders(): readonly StoredOrder[] {
    return this.#orders;
  }

  findOrder(orderId: string): StoredOrder | undefined {
    return this.#ordersById.get(orderId);
  }

  products(): OrdersapiCatalogProduct[] {
    return [...this.#products.values()];
  }

  /**
   * Places the order, or refuses it with the document's status and message. Every item is checked
   * before anything is stored, so a refused order leaves nothing behind and consumes no id.
   */
  placeOrder(request: NewOrder, createdAt = new Date(this.now()).toISOString()): PlaceOutcome {
    if (request.items.length === 0) return { ok: false, status: 400, detail: 'Order must contain at least one item.' };
    const lines: { product: OrdersapiCatalogProduct; quantity: number }[] = [];
    for (const item of request.items) {
      const product = this.#products.get(item.productId);
      if (!product) return { ok: false, status: 404, detail: `Product not found: ${item.productId}` };
      if (!product.available) return { ok: false, status: 409, detail: `Product is not available: ${item.productId}` };
      lines.push({ product, quantity: item.quantity });
    }
    const order: StoredOrder = {
      orderId: sequenceId('OR', this.#orders.length + 1),
      partnerName: request.partnerName,
      customerReference: request.customerReference,
      status: 'created',
      currency: 'USD',
      createdAt,
      items: lines.map(({ product, quantity }) => ({
        orderItemId: sequenceId('OI', (this.#itemCount += 1)),
        productId: product.product_id,
        sku: product.sku,
        productName: product.name,
        quantity,
        unitPriceCents: product.priceCents,
      })),
    };
    this.#orders.push(order);
    this.#ordersById.set(order.orderId, order);
    return { ok: true, order };
  }

  /** Changes a product's availability or price (later orders copy the new price); undefined when unknown. */
  updateProduct(productId: string, change: { available?: boolean; priceCents?: number }): OrdersapiCatalogProduct | undefined {
    const product = this.#products.get(productId);
    if (!product) return undefined;
    const updated = { ...product, ...change };
    this.#products.set(productId, updated);
    return updated;
  }

  /** Sets a status the supplier might send one day; the real API has no way to change it. */
  setStatus(orderId: string, status: string): StoredOrder | undefined {
    const order = this.#ordersById.get(orderId);
    if (order) order.status = status;
    return order;
  }
}
