import { seededRandom } from '../kit/index.ts';
import type { OrdersapiCatalogProduct } from './catalog.ts';
import type { NewOrder } from './state.ts';

/** A seeded order and when it was placed. */
export interface SeedOrder extends NewOrder {
  createdAt: string;
}

// A fixed reference date, not the wall clock, so the same seed always serves the same data.
const REFERENCE_DATE = Date.parse('2026-11-01T00:00:00Z');
const SPAN_MS = 180 * 24 * 60 * 60 * 1000;
const PARTNERS = ['RayTech Corp.', 'Northwind Traders', 'Blue Harbor Retail', 'Summit Supply Co.', 'Pinecrest Market', 'Lumen Goods'];

/** `count` orders of 1–4 available products, oldest first, spread over the 180 days before the reference date. */
export function seedOrders(seed: number, catalog: readonly OrdersapiCatalogProduct[], count: number): SeedOrder[] {
  const random = seededRandom(seed);
  const available = catalog.filter((product) => product.available);
  const times = Array.from({ length: count }, () => REFERENCE_DATE - random.int(0, SPAN_MS)).sort((a, b) => a - b);
  return times.map((time, index) => ({
    createdAt: new Date(time).toISOString(),
    partnerName: random.pick(PARTNERS),
    // The reference is optional on the wire; about one order in ten was placed without one.
    customerReference: random.chance(0.1) ? null : `CUST-${1001 + index}`,
    items: Array.from({ length: random.int(1, 4) }, () => ({
      productId: random.pick(available).product_id,
      quantity: random.int(1, 6),
    })),
  }));
}
