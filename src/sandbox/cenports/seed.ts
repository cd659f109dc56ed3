import type { Random } from '../kit/index.ts';
import { DAY_MS, SEED_REFERENCE_MS } from './dates.ts';
import {
  ADJECTIVES, CARRIERS, CITIES, FIRST_NAMES, LAST_NAMES, PRODUCT_LINES, SEED_CHANNELS, SEED_WAREHOUSES, STREETS,
} from './seed-data.ts';
import { buildShipment, byWarehouse, shipmentIdFor } from './shipping.ts';
import type { Channel, LineItemStatus, Order, OrderLine, OrderStatus, Product, Shipment, Warehouse } from './types.ts';

export const SEED_PRODUCT_COUNT = 150;
export const SEED_ORDER_COUNT = 300;

/** Everything a fresh sandbox holds; the same seed always yields the same data. */
export interface SeedData {
  channels: Channel[];
  warehouses: Warehouse[];
  products: Product[];
  /** actual stock by `${warehouseCode}|${sku}` */
  stock: Map<string, number>;
  orders: Order[];
  shipments: Shipment[];
}

export const stockKey = (warehouseCode: string, sku: string): string => `${warehouseCode}|${sku}`;

// [status, weight, youngest age in days, oldest age in days]: recent orders are still open.
const STATUS_PLAN: [OrderStatus, number, number, number][] = [
  ['Pending', 8, 0, 2],
  ['Processing', 10, 0, 6],
  ['Incompleted', 7, 1, 14],
  ['Shipped', 20, 2, 30],
  ['Delivered', 45, 7, 179],
  ['Cancelled', 10, 0, 179],
];

const LINE_STATUS: Record<OrderStatus, LineItemStatus> = {
  Pending: 'pending',
  Processing: 'pending',
  Incompleted: 'pending',
  Shipped: 'shipped',
  Delivered: 'delivered',
  Cancelled: 'cancelled',
};

export function seedData(random: Random): SeedData {
  const products = seedProducts(random);
  const stock = new Map<string, number>();
  for (const warehouse of SEED_WAREHOUSES) {
    for (const product of products) stock.set(stockKey(warehouse.code, product.sku), random.chance(0.15) ? 0 : random.int(1, 250));
  }
  const plans = Array.from({ length: SEED_ORDER_COUNT }, (_, i) => {
    const plan = i < STATUS_PLAN.length ? STATUS_PLAN[i]! : weightedPick(random, STATUS_PLAN);
    const orderDate = SEED_REFERENCE_MS - random.int(plan[2] * DAY_MS, (plan[3] + 1) * DAY_MS - 1);
    return { status: plan[0], orderDate };
  }).sort((a, b) => a.orderDate - b.orderDate);

  const orders: Order[] = [];
  const shipments: Shipment[] = [];
  plans.forEach((plan, i) => {
    const order = seedOrder(random, `SG-${100_001 + i}`, plan.status, plan.orderDate, products);
    orders.push(order);
    for (const shipment of seedShipments(random, order, shipments.length)) shipments.push(shipment);
  });
  return { channels: SEED_CHANNELS.map((c) => ({ ...c })), warehouses: SEED_WAREHOUSES, products, stock, orders, shipments };
}

function weightedPick<T extends [unknown, number, ...unknown[]]>(random: Random, items: readonly T[]): T {
  let roll = random.int(1, items.reduce((sum, item) => sum + item[1], 0));
  for (const item of items) {
    roll -= item[1];
    if (roll <= 0) return item;
  }
  return items[items.length - 1]!;
}

function seedProducts(random: Random): Product[] {
  return Array.from({ length: SEED_PRODUCT_COUNT }, (_, i) => {
    const line = PRODUCT_LINES[i % PRODUCT_LINES.length]!;
    const sku = `${line.prefix}-${2300 + i}`;
    const isDiscontinued = random.chance(0.05);
    const restocking = !isDiscontinued && random.chance(0.1);
    return {
      sku,
      retailerSku: random.chance(0.2) ? null : random.chance(0.7) ? sku : `SG-${sku}`,
      upc: random.string(12, '0123456789'),
      name: `${random.pick(ADJECTIVES)} ${random.pick(line.nouns)}`,
      // prices end in 9 cents, e.g. 114.19: integer cents throughout
      priceCents: random.int(30, 2000) * 10 + 9,
      isDiscontinued,
      nextAvailabilityDate: restocking ? new Date(SEED_REFERENCE_MS + random.int(3, 40) * DAY_MS).toISOString().slice(0, 10) : null,
      nextAvailableQuantity: restocking ? random.int(10, 200) : null,
    };
  });
}

function seedOrder(random: Random, orderNo: string, status: OrderStatus, orderDate: number, products: Product[]): Order {
  const customerName = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const place = random.pick(CITIES);
  const shipTo = {
    address1: `${random.int(100, 9999)} ${random.pick(STREETS)}`,
    address2: random.chance(0.2) ? `Apt ${random.int(1, 40)}` : null,
    city: place.city,
    state: place.state,
    country: 'US',
    postalCode: place.postalCode,
  };
  const carrierCode = random.pick(Object.keys(CARRIERS));
  const oneWarehouse = random.chance(0.8) ? random.pick(SEED_WAREHOUSES).code : undefined;
  const lineCount = status === 'Incompleted' ? random.int(2, 4) : random.int(1, 4);
  const chosen = new Set<Product>();
  while (chosen.size < lineCount) chosen.add(random.pick(products));
  const lines: OrderLine[] = [...chosen].map((product, i) => ({
    lineNumber: i + 1,
    sku: product.sku,
    quantity: random.chance(0.75) ? 1 : random.int(2, 3),
    priceCents: product.priceCents,
    warehouseCode: oneWarehouse ?? random.pick(SEED_WAREHOUSES).code,
    status: LINE_STATUS[status],
  }));
  if (status === 'Incompleted') lines.slice(0, Math.floor(lines.length / 2)).forEach((line) => (line.status = 'shipped'));
  const subTotalCents = lines.reduce((sum, line) => sum + line.quantity * line.priceCents, 0);
  const discountCents = subTotalCents > 5000 && random.chance(0.1) ? 500 : 0;
  const shipCostCents = random.pick([0, 0, 595, 995]);
  const ageDays = (SEED_REFERENCE_MS - orderDate) / DAY_MS;
  return {
    orderNo,
    customerOrderNo: random.chance(0.3) ? `C-${random.string(8, '0123456789')}` : null,
    channelId: random.pick(SEED_CHANNELS).channelId,
    orderDate,
    customerName,
    contactName: random.chance(0.15) ? `${random.pick(FIRST_NAMES)} ${customerName.split(' ')[1]}` : null,
    contactEmail: random.chance(0.7) ? `${customerName.toLowerCase().replace(' ', '.')}@example.com` : null,
    contactPhone: `${random.int(201, 989)}-${random.int(200, 999)}-${random.string(4, '0123456789')}`,
    status,
    billTo: { name: customerName, ...shipTo },
    shipTo,
    carrierCode,
    serviceLevel: random.pick(CARRIERS[carrierCode]!.services),
    estimatedShipDate: null,
    lines,
    subTotalCents,
    discountCents,
    shipCostCents,
    grandTotalCents: subTotalCents - discountCents + shipCostCents,
    merchantMsg: null,
    retailerMsg: random.chance(0.3) ? 'Thank you for the purchase!' : null,
    acknowledged: random.chance(ageDays > 2 ? 0.85 : 0.2),
  };
}

function seedShipments(random: Random, order: Order, shippedSoFar: number): Shipment[] {
  const shippedLines = order.lines.filter((line) => line.status === 'shipped' || line.status === 'delivered');
  const shipments: Shipment[] = [];
  for (const [warehouseCode, lines] of byWarehouse(shippedLines)) {
    const shipDate = Math.min(order.orderDate + random.int(1, 3) * DAY_MS, SEED_REFERENCE_MS - 3_600_000);
    const shipment = buildShipment(random, shipmentIdFor(shippedSoFar + shipments.length + 1), order, warehouseCode, lines, shipDate);
    shipment.status =
      order.status === 'Delivered' ? (random.chance(0.03) ? 'returned' : 'delivered') : random.pick(['shipped', 'in_transit'] as const);
    shipment.acknowledged = random.chance(order.acknowledged && shipment.status === 'delivered' ? 0.8 : 0.3);
    shipments.push(shipment);
  }
  return shipments;
}
