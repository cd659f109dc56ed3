import type { Random } from '../kit/index.ts';
import { DAY_MS, REFERENCE_TIME, ymd } from './dates.ts';
import { applyStatus, FORWARD } from './lifecycle.ts';
import type { OrderNumbering } from './numbering.ts';
import type { Order, OrderStatus, Product, SalesDay } from './types.ts';

const ORDER_COUNT = 300;
const HOUR_MS = 3_600_000;

/** Target statuses, weighted so every status of the lifecycle is well represented. */
const STATUS_WEIGHTS: [OrderStatus, number][] = [
  ['created', 15], ['part_paid', 10], ['paid', 15], ['on_the_way', 15], ['delivered', 10], ['accepted', 20], ['cancelled', 15],
];

function pickStatus(random: Random): OrderStatus {
  let roll = random.int(1, 100);
  for (const [status, weight] of STATUS_WEIGHTS) {
    roll -= weight;
    if (roll <= 0) return status;
  }
  return 'created';
}

/** The statuses an order walks through after `created` to end in `target`. */
function pathTo(target: OrderStatus, random: Random): OrderStatus[] {
  const last = target === 'cancelled' ? random.pick(FORWARD.slice(0, 5)) : target;
  const steps = FORWARD.slice(1, FORWARD.indexOf(last) + 1).filter((s) => s !== 'part_paid' || last === 'part_paid' || random.chance(0.4));
  return target === 'cancelled' ? [...steps, 'cancelled'] : steps;
}

/** ~300 orders over the 180 days before the reference time, oldest first, each of one supplier. */
export function seedOrders(random: Random, products: Product[], numbering: OrderNumbering): Order[] {
  const priced = new Map<number, Product[]>();
  for (const product of products) {
    if (product.priceCents === null) continue;
    priced.set(product.supplierId, [...(priced.get(product.supplierId) ?? []), product]);
  }
  const supplierIds = [...priced.keys()];
  const times = Array.from({ length: ORDER_COUNT }, () => REFERENCE_TIME - random.int(2 * 3600, 180 * 86_400) * 1000).sort((a, b) => a - b);
  return times.map((createdAt, i) => {
    const supplierId = random.pick(supplierIds);
    const stock = priced.get(supplierId) ?? [];
    const chosen = new Set<Product>();
    const wanted = random.int(1, 15);
    while (chosen.size < Math.min(wanted, stock.length)) chosen.add(random.pick(stock));
    const lines = [...chosen].map((product) => ({
      productRowId: product.rowId,
      psId: product.internalId,
      name: product.name,
      sku: product.sku,
      quantity: random.int(1, 20),
      // A tenth of lines carry a negotiated customPrice, 10% under the catalog price.
      unitPriceCents: random.chance(0.1) ? Math.floor(((product.priceCents ?? 0) * 9) / 10) : (product.priceCents ?? 0),
      imageUrl: `https://pleasurestock.com/uploads/products/${product.sku.toLowerCase()}.jpg`,
    }));
    const order: Order = {
      orderId: random.uuid(),
      ...numbering.next(createdAt),
      externalOrderId: random.chance(0.6) ? `ERP-${ymd(createdAt).slice(0, 4)}-${String(i + 1).padStart(4, '0')}` : null,
      comment: null,
      status: 'created',
      supplierId,
      currency: stock[0]?.currency ?? 'USD',
      lines,
      createdAt,
      statusChangedAt: createdAt,
      confirmedAt: null,
      paidAt: null,
      shippedAt: null,
      deliveredAt: null,
      acceptedAt: null,
    };
    let at = createdAt;
    for (const status of pathTo(pickStatus(random), random)) {
      at = Math.min(REFERENCE_TIME, at + random.int(1, 72) * HOUR_MS);
      applyStatus(order, status, at);
    }
    return order;
  });
}

/** 28 days of sales for 40 products before the reference time, some days out of stock. */
export function seedSales(random: Random, products: Product[]): SalesDay[] {
  const days: SalesDay[] = [];
  for (let p = 0; p < 40; p += 1) {
    const product = random.pick(products);
    let stock = random.int(20, 300);
    for (let d = 28; d >= 1; d -= 1) {
      const outOfStock = random.chance(0.05);
      const quantity = outOfStock ? 0 : random.int(0, 12);
      stock = outOfStock ? 0 : Math.max(1, stock - quantity + (random.chance(0.1) ? 100 : 0));
      days.push({ internalId: product.internalId, date: ymd(REFERENCE_TIME - d * DAY_MS), quantity, stockOnHand: stock });
    }
  }
  return days;
}
