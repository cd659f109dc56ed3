import { seededRandom, type Random } from '../kit/index.ts';
import type { OrderNumbering } from './numbering.ts';
import { seedData } from './seed.ts';
import type { Category, Order, Product, SalesDay, SmartReorderRecord, Supplier, WebhookTarget } from './types.ts';

/** In-memory PleasureStock: the seeded catalog and orders plus whatever clients add. */
export class PleasurestockState {
  readonly suppliers = new Map<number, Supplier>();
  readonly categories = new Map<string, Category>();
  readonly products: readonly Product[];
  /** oldest first, as placed */
  readonly orders: Order[];
  /** keyed by `${internalId}|${date}` */
  readonly sales = new Map<string, SalesDay>();
  smartReorder: SmartReorderRecord | null = null;
  webhook: WebhookTarget | null = null;
  /** the company's signing secret: POST /external/webhook returns it, deliveries are signed with it */
  webhookSecret: string;
  /** ids and numbers of orders created at run time: seeded too, so a run replays exactly */
  readonly random: Random;
  readonly numbering: OrderNumbering;
  readonly #productsByKey = new Map<string, Product>();
  readonly #ordersByNumber = new Map<string, Order>();

  constructor(seed: number, webhookSecret: string) {
    this.webhookSecret = webhookSecret;
    const data = seedData(seed);
    for (const supplier of data.suppliers) this.suppliers.set(supplier.id, supplier);
    for (const category of data.categories) this.categories.set(category.id, category);
    this.products = data.products;
    for (const product of this.products) {
      this.#productsByKey.set(product.internalId, product);
      this.#productsByKey.set(product.id.toLowerCase(), product);
    }
    this.numbering = data.numbering;
    this.orders = [];
    for (const order of data.orders) this.addOrder(order);
    this.recordSales(data.sales);
    this.random = seededRandom(seed + 0x5eed);
  }

  /** A product by its ps_* internal_id or its UUID (any case). */
  product(key: string): Product | undefined {
    return this.#productsByKey.get(key.startsWith('ps_') ? key : key.toLowerCase());
  }

  supplier(id: number): Supplier {
    const supplier = this.suppliers.get(id);
    if (!supplier) throw new Error(`pleasurestock sandbox: no supplier ${id}`);
    return supplier;
  }

  order(orderNumber: string): Order | undefined {
    return this.#ordersByNumber.get(orderNumber);
  }

  addOrder(order: Order): void {
    this.orders.push(order);
    this.#ordersByNumber.set(order.orderNumber, order);
  }

  /** Same product and day aggregate: quantities add up, stock is the highest reported. */
  recordSales(days: SalesDay[]): void {
    for (const day of days) {
      const key = `${day.internalId}|${day.date}`;
      const known = this.sales.get(key);
      if (!known) {
        this.sales.set(key, { ...day });
        continue;
      }
      known.quantity += day.quantity;
      if (day.stockOnHand !== null) known.stockOnHand = Math.max(known.stockOnHand ?? 0, day.stockOnHand);
    }
  }
}
