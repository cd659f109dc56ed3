import type { Random } from '../kit/index.ts';
import { cuidLike, orderNumber } from './ids.ts';
import type { CentreOrderStatus } from './lifecycle.ts';
import { CENTRE_SANDBOX_PRICE_LIST } from './price-list.ts';
import type { CentreAddress, CentreCustomer, CentreOrder, CentreOrderLine } from './types.ts';

/** Seeded history ends here, not at the wall clock, so the same seed always serves the same data. */
export const CENTRE_SEED_REFERENCE_MS = Date.UTC(2026, 10, 1);
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 180;

const FIRST_NAMES = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Susan', 'Carlos', 'Aisha', 'Wei', 'Priya'];
const LAST_NAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Nguyen', 'Patel', 'Kim', 'Walker'];
const STREETS = ['Main Street', 'Oak Avenue', 'Pine Road', 'Maple Drive', 'Cedar Lane', 'Elm Street', 'Technology Way', 'Commerce Street'];
const CITIES: readonly (readonly [city: string, state: string, zip: string])[] = [
  ['Los Angeles', 'CA', '90001'],
  ['San Francisco', 'CA', '94105'],
  ['New York', 'NY', '10001'],
  ['Chicago', 'IL', '60601'],
  ['Houston', 'TX', '77002'],
  ['Phoenix', 'AZ', '85004'],
  ['Miami', 'FL', '33101'],
  ['Seattle', 'WA', '98101'],
  ['Denver', 'CO', '80202'],
  ['Boston', 'MA', '02108'],
];

/** Older orders have mostly finished; recent ones are still early in the flow. */
const SETTLED: readonly CentreOrderStatus[] = [
  ...Array<CentreOrderStatus>(12).fill('DELIVERED'),
  'CANCELLED', 'CANCELLED', 'REFUNDED', 'REFUNDED', 'SHIPPED', 'ON_HOLD',
];
const RECENT: readonly CentreOrderStatus[] = ['PROCESSING', 'LABEL_CREATED', 'SHIPPED', 'SHIPPED', 'ON_HOLD', 'CANCELLED'];
const FRESH: readonly CentreOrderStatus[] = ['PENDING', 'PENDING', 'PROCESSING', 'ON_HOLD'];

/** The seeded customers and orders of the sandbox channel. */
export interface CentreSeed {
  customers: CentreCustomer[];
  orders: CentreOrder[];
}

/** ~orderCount orders of the sandbox channel over the 180 days before the reference date. */
export function seedCentre(random: Random, channelId: string, orderCount: number): CentreSeed {
  const customers = Array.from({ length: Math.max(1, Math.ceil(orderCount / 4)) }, (_, i) => seedCustomer(random, i));
  const priced = CENTRE_SANDBOX_PRICE_LIST.filter((entry) => entry.priceCents !== null);
  const times = Array.from({ length: orderCount }, () => CENTRE_SEED_REFERENCE_MS - random.int(1, HISTORY_DAYS * DAY_MS))
    .sort((a, b) => a - b);
  const orders = times.map((createdMs, i): CentreOrder => {
    const customer = random.pick(customers);
    const shippingAddress = seedAddress(random, customer);
    const items = Array.from({ length: random.int(1, 4) }, (): CentreOrderLine => {
      const entry = random.pick(priced);
      return {
        variantId: entry.variantId,
        sku: entry.sku,
        name: entry.name,
        requested: random.chance(0.5) ? entry.sku : entry.variantId,
        quantity: random.int(1, 5),
        unitPriceCents: entry.priceCents ?? 0,
      };
    });
    return {
      orderId: cuidLike(random),
      orderNumber: orderNumber(random, createdMs),
      channelId,
      partnerOrderId: `SEED-${String(i + 1).padStart(6, '0')}`,
      status: seedStatus(random, CENTRE_SEED_REFERENCE_MS - createdMs),
      createdAt: new Date(createdMs).toISOString(),
      customer,
      shippingAddress,
      billingAddress: random.chance(0.8) ? shippingAddress : seedAddress(random, customer),
      items,
      source: 'seed',
    };
  });
  return { customers, orders };
}

function seedStatus(random: Random, ageMs: number): CentreOrderStatus {
  if (ageMs < 5 * DAY_MS) return random.pick(FRESH);
  if (ageMs < 21 * DAY_MS) return random.pick(RECENT);
  return random.pick(SETTLED);
}

function seedCustomer(random: Random, index: number): CentreCustomer {
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  return {
    customerId: cuidLike(random),
    firstName,
    lastName,
    email: `${firstName}.${lastName}.${index + 1}@example.com`.toLowerCase(),
    phone: `555-${String(random.int(100, 9999)).padStart(4, '0')}`,
  };
}

function seedAddress(random: Random, customer: CentreCustomer): CentreAddress {
  const [city, state, zip] = random.pick(CITIES);
  return {
    firstName: customer.firstName,
    lastName: customer.lastName,
    address1: `${random.int(1, 9999)} ${random.pick(STREETS)}`,
    city,
    state,
    zip,
    country: 'US',
  };
}
