import { seededRandom, type Random } from '../kit/index.ts';
import { labelRateCents, labelUrlFor, newTrackingNumber, SHIPPING_ESTIMATE_CENTS, trackingUrlFor } from './labels.ts';
import { seedProducts } from './products.ts';
import { RESERVING_STATUSES, type Order, type OrderStatus, type Product, type Shipment, type Wallet } from './types.ts';

/** Seeded data ends here, not at the wall clock, so the same seed always gives the same data. */
export const REFERENCE_TIME = Date.parse('2026-11-01T00:00:00Z');
export const DEFAULT_WALLET_BALANCE_CENTS = 500_000;
const ORDER_COUNT = 250;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SeedData {
  products: Product[];
  orders: Order[];
  wallet: Wallet;
  /** the generator after seeding, so ids made later are deterministic too */
  random: Random;
}

// Recent orders spread over the whole lifecycle; older ones have mostly finished.
const RECENT_WEIGHTS: [OrderStatus, number][] = [
  ['RECEIVED', 2], ['AWAITING_FUNDS', 2], ['FUNDED', 5], ['RELEASED_TO_FULFILLMENT', 4], ['PICKING', 4],
  ['PACKED', 4], ['ON_HOLD_PAYMENT', 3], ['ON_HOLD_COMPLIANCE', 3], ['SHIPPED', 12], ['COMPLETE', 10],
  ['CANCELLED', 3], ['REFUNDED', 3],
];
const OLDER_WEIGHTS: [OrderStatus, number][] = [['COMPLETE', 70], ['SHIPPED', 8], ['CANCELLED', 10], ['REFUNDED', 12]];

const PEOPLE = ['John Doe', 'Ana Silva', 'Wei Chen', 'Priya Patel', 'Liam Walsh', 'Sara Cohen', 'Omar Haddad', 'Emma Berg'];
const PLACES = [
  ['Las Vegas', 'NV', '89101'], ['Austin', 'TX', '78701'], ['Denver', 'CO', '80202'], ['Miami', 'FL', '33101'],
  ['Portland', 'OR', '97201'], ['Boston', 'MA', '02108'], ['Chicago', 'IL', '60601'], ['Phoenix', 'AZ', '85001'],
] as const;

/** Products, ~250 orders over the 180 days before REFERENCE_TIME, and the wallet. */
export function seedData(seed: number, walletBalanceCents = DEFAULT_WALLET_BALANCE_CENTS): SeedData {
  const random = seededRandom(seed);
  const products = seedProducts(random);
  const orderable = products.filter((p) => p.wholesalePriceCents !== null && p.inStock);
  const createdTimes = Array.from({ length: ORDER_COUNT }, () => REFERENCE_TIME - random.int(HOUR, 180 * DAY));
  createdTimes.sort((a, b) => a - b);
  // Seeded open orders reserve at most half the balance, so a new sandbox has room for new orders.
  let unreserved = Math.floor(walletBalanceCents / 2);
  const orders = createdTimes.map((createdAt, index) => {
    const order = seedOrder(random, orderable, createdAt, String(1001 + index));
    let status = weighted(random, REFERENCE_TIME - createdAt < 45 * DAY ? RECENT_WEIGHTS : OLDER_WEIGHTS);
    const estimate = order.subtotalCents + order.shippingEstimateCents;
    // What does not fit waits for funds.
    if (RESERVING_STATUSES.has(status) && estimate > unreserved) status = 'AWAITING_FUNDS';
    if (RESERVING_STATUSES.has(status)) {
      order.reservedCents = estimate;
      unreserved -= estimate;
    }
    applySeedStatus(random, order, status);
    return order;
  });
  return { products, orders, wallet: { balanceCents: walletBalanceCents, currency: 'USD', pendingPayments: 0 }, random };
}

function weighted<T>(random: Random, table: [T, number][]): T {
  let roll = random.int(1, table.reduce((sum, [, weight]) => sum + weight, 0));
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return table[table.length - 1]![0];
}

function seedOrder(random: Random, orderable: Product[], createdAt: number, wooOrderId: string): Order {
  const items = Array.from({ length: random.int(1, 2) }, () => {
    const product = random.pick(orderable);
    return {
      id: random.uuid(),
      productId: product.id,
      sku: product.sku,
      wooProductId: String(random.int(10, 999)),
      name: product.name,
      qty: random.int(1, 2),
      wholesalePriceCents: product.wholesalePriceCents!,
      unitPriceCents: product.mapPriceCents,
    };
  });
  const [firstName, lastName] = random.pick(PEOPLE).split(' ') as [string, string];
  const [city, state, postcode] = random.pick(PLACES);
  const email = `${firstName.toLowerCase()}.${lastName.toLowerCase()}@example.com`;
  return {
    id: random.uuid(),
    wooOrderId,
    wooOrderNumber: `WC-${wooOrderId}`,
    status: 'RECEIVED',
    items,
    subtotalCents: items.reduce((sum, item) => sum + item.qty * item.wholesalePriceCents, 0),
    shippingEstimateCents: SHIPPING_ESTIMATE_CENTS,
    reservedCents: 0,
    actualShippingCents: null,
    customerEmail: email,
    customerNote: null,
    shippingAddress: {
      first_name: firstName, last_name: lastName, address_1: `${random.int(1, 9999)} Research Blvd`,
      city, state, postcode, country: 'US', email,
    },
    cancelReason: null,
    shipments: [],
    trackingPending: false,
    createdAt,
    updatedAt: createdAt,
  };
}

const capped = (time: number): number => Math.min(REFERENCE_TIME, time);

function applySeedStatus(random: Random, order: Order, status: OrderStatus): void {
  order.status = status;
  order.updatedAt = capped(order.createdAt + random.int(0, 48) * HOUR);
  if (status === 'CANCELLED' || status === 'REFUNDED') order.cancelReason = 'Customer requested cancellation';
  if (status === 'RELEASED_TO_FULFILLMENT' && random.chance(0.3)) order.shipments.push(seedShipment(random, order, 'PENDING'));
  if (status === 'PACKED' && random.chance(0.5)) order.shipments.push(seedShipment(random, order, 'LABEL_CREATED'));
  if (status !== 'SHIPPED' && status !== 'COMPLETE') return;

  const old = REFERENCE_TIME - order.createdAt > 45 * DAY;
  const shipmentStatus =
    status === 'COMPLETE' ? 'DELIVERED' : old ? random.pick(['FAILED', 'RETURNED'] as const) : random.pick(['PICKED_UP', 'IN_TRANSIT'] as const);
  const shipment = seedShipment(random, order, shipmentStatus);
  shipment.shippedAt = capped(order.createdAt + random.int(12, 72) * HOUR);
  shipment.actualCostCents = shipment.rateCents;
  if (shipmentStatus === 'DELIVERED') shipment.deliveredAt = capped(shipment.shippedAt + random.int(2, 5) * DAY);
  order.shipments.push(shipment);
  order.actualShippingCents = shipment.actualCostCents;
  order.trackingPending = shipment.shippedAt > REFERENCE_TIME - 7 * DAY;
  order.updatedAt = shipment.deliveredAt ?? shipment.shippedAt;
}

function seedShipment(random: Random, order: Order, status: Shipment['status']): Shipment {
  const id = random.uuid();
  const labelled = status !== 'PENDING';
  const trackingNumber = labelled ? newTrackingNumber(random) : null;
  return {
    id,
    orderId: order.id,
    status,
    carrier: 'usps',
    service: 'usps_priority_mail',
    trackingNumber,
    trackingUrl: trackingNumber ? trackingUrlFor(trackingNumber) : null,
    labelUrl: labelled ? labelUrlFor(id) : null,
    rateCents: labelled ? labelRateCents(random.int(4, 40)) : null,
    actualCostCents: null,
    createdAt: capped(order.createdAt + random.int(1, 12) * HOUR),
    shippedAt: null,
    deliveredAt: null,
  };
}
