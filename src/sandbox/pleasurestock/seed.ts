import { seededRandom } from '../kit/index.ts';
import { OrderNumbering } from './numbering.ts';
import { seedCatalog, type Catalog } from './seed-catalog.ts';
import { seedOrders, seedSales } from './seed-orders.ts';
import type { Order, SalesDay } from './types.ts';

export interface SeededData extends Catalog {
  orders: Order[];
  sales: SalesDay[];
  /** carries on numbering the orders clients create after the seeded ones */
  numbering: OrderNumbering;
}

/** Everything the sandbox starts with; the same seed always gives the same data. */
export function seedData(seed: number): SeededData {
  const random = seededRandom(seed);
  const catalog = seedCatalog(random);
  const numbering = new OrderNumbering(random);
  const orders = seedOrders(random, catalog.products, numbering);
  return { ...catalog, orders, sales: seedSales(random, catalog.products), numbering };
}
