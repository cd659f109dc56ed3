import { SupplierUnavailableError } from '../../domain/errors.ts';
import type { PlacementOutcome, PlacementRequest } from '../writes.ts';
import { readOk } from './answers.ts';
import type { PleasurestockClient } from './client.ts';
import type { PleasurestockOrders } from './orders.ts';
import { readPlacedOrders } from './placement.ts';
import { OrderListWire } from './wire.ts';

/** GET /external/orders answers at most 100 orders a call (spec). */
const PAGE_SIZE = 100;
const DAY_MS = 86_400_000;

export interface PlacementLookupOptions {
  /** how far back a lost create is looked for */
  windowMs: number;
  /** list calls at most per lookup */
  maxPages: number;
  now: () => number;
}

/** The end (exclusive) of the UTC day a list date "DD/MM/YY" names: every order of that day is older. */
function endOfListDay(day: string): number {
  const [dd, mm, yy] = day.split('/').map(Number) as [number, number, number];
  return Date.UTC(2000 + yy, mm - 1, dd) + DAY_MS;
}

/**
 * findPlacement. PleasureStock has no idempotency and the spec invents no externalOrderId filter,
 * so a lost create is looked for in GET /external/orders, which the spec orders newest first for
 * exactly this. Pages of 100 are read until one ends with an order created before now − windowMs
 * (the list gives only the UTC day, so a page stops the scan once its last day has wholly passed
 * that bound), the list ends, or maxPages were read; every order whose externalOrderId is the
 * token is collected, then read in detail (lines, exact creation time): one getOrder call each.
 *
 * Cost: one listOrders call when the orders of the last window fit on a page (a lost create is
 * looked for within seconds of it), up to maxPages otherwise, plus one getOrder per order found.
 * Nothing is ever written.
 *
 * When maxPages pages all fall inside the window and the token was not seen, the placement can
 * neither be found nor ruled out; answering null would let the gateway place a second order, so
 * this throws SupplierUnavailableError and the outcome stays unknown.
 */
export async function findPlacedOrders(
  upstream: PleasurestockClient,
  orders: PleasurestockOrders,
  request: PlacementRequest,
  options: PlacementLookupOptions,
): Promise<PlacementOutcome | null> {
  const horizon = options.now() - options.windowMs;
  // A create that lands between two list calls shifts later pages down, so an order may be seen
  // twice; it is kept once. Nothing leaves the list, so nothing is skipped.
  const found = new Set<string>();
  let ruledOut = false;
  for (let page = 0; page < options.maxPages && !ruledOut; page += 1) {
    const answer = await upstream.call('listOrders', (client, init) =>
      client.GET('/external/orders', { ...init, params: { query: { offset: page * PAGE_SIZE, limit: PAGE_SIZE } } }),
    );
    const { orders: listed, pagination } = readOk(OrderListWire, answer, 'listOrders').data;
    for (const order of listed) if (order.externalOrderId === request.token) found.add(order.orderNumber);
    const last = listed.at(-1);
    ruledOut = !last || page * PAGE_SIZE + listed.length >= pagination.total || endOfListDay(last.createdAt) <= horizon;
  }
  if (found.size === 0) {
    if (ruledOut) return null;
    throw new SupplierUnavailableError('pleasurestock', 'listOrders', `the orders of the last ${options.maxPages} pages are all within the lookup window`);
  }
  // Newest first, so reversed: the create's orders in the order it made them.
  return { kind: 'placed', orders: await readPlacedOrders(orders, [...found].reverse(), request) };
}
