import { whitelabelError } from './errors.ts';
import { SHIPPING_ESTIMATE_CENTS } from './labels.ts';
import type { CreateOrderInput } from './schemas.ts';
import type { WhitelabelState } from './state.ts';
import { RESERVING_STATUSES, type Order, type OrderItem, type OrderStatus } from './types.ts';

/** Statuses before SHIPPED: the ones cancel accepts. */
const CANCELLABLE: ReadonlySet<OrderStatus> = new Set([
  'RECEIVED',
  'AWAITING_FUNDS',
  'FUNDED',
  'RELEASED_TO_FULFILLMENT',
  'PICKING',
  'PACKED',
  'ON_HOLD_PAYMENT',
  'ON_HOLD_COMPLIANCE',
]);

/** The supplier's own moves before shipping (the control route drives them); shipping has its own endpoints. */
const NEXT_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  RECEIVED: ['FUNDED', 'AWAITING_FUNDS', 'ON_HOLD_COMPLIANCE'],
  AWAITING_FUNDS: ['FUNDED'],
  FUNDED: ['RELEASED_TO_FULFILLMENT', 'AWAITING_FUNDS', 'ON_HOLD_PAYMENT', 'ON_HOLD_COMPLIANCE'],
  RELEASED_TO_FULFILLMENT: ['PICKING', 'ON_HOLD_PAYMENT', 'ON_HOLD_COMPLIANCE'],
  PICKING: ['PACKED', 'ON_HOLD_PAYMENT', 'ON_HOLD_COMPLIANCE'],
  PACKED: ['ON_HOLD_PAYMENT', 'ON_HOLD_COMPLIANCE'],
  ON_HOLD_PAYMENT: ['FUNDED', 'AWAITING_FUNDS'],
  ON_HOLD_COMPLIANCE: ['FUNDED', 'RELEASED_TO_FULFILLMENT'],
  SHIPPED: [],
  COMPLETE: [],
  CANCELLED: [],
  REFUNDED: [],
};

const invalidState = (order: Order, message: string) =>
  whitelabelError(409, 'INVALID_STATE', message, { status: order.status });

/**
 * Places an order (created: true) or returns the one already placed for its woo_order_id
 * (created: false); throws the supplier's 400 and leaves nothing behind when refused.
 */
export function placeOrder(state: WhitelabelState, input: CreateOrderInput): { order: Order; created: boolean } {
  const existing = state.orderByWooId(input.woo_order_id);
  if (existing) return { order: existing, created: false };

  const items = input.items.map((item, index): OrderItem => {
    const refuse = (code: 'UNKNOWN_SKU' | 'PRICE_NOT_CONFIGURED' | 'OUT_OF_STOCK' | 'QUANTITY_OUT_OF_RANGE', message: string, extra = {}) =>
      whitelabelError(400, code, message, { index, supplier_sku: item.supplier_sku, ...extra });
    const product = state.productBySku(item.supplier_sku);
    if (!product) throw refuse('UNKNOWN_SKU', `Unknown SKU ${item.supplier_sku}`);
    const price = product.wholesalePriceCents;
    if (price === null) throw refuse('PRICE_NOT_CONFIGURED', `No price is configured for ${product.sku}`);
    if (!product.inStock || item.qty > product.availableQty) {
      throw refuse('OUT_OF_STOCK', `Not enough ${product.sku} in stock`, { available_qty: product.availableQty });
    }
    if (item.qty < product.minQty || item.qty > product.maxQty) {
      throw refuse('QUANTITY_OUT_OF_RANGE', `Quantity of ${product.sku} must be ${product.minQty} to ${product.maxQty}`, {
        min_qty: product.minQty,
        max_qty: product.maxQty,
      });
    }
    return {
      id: state.newId(),
      productId: product.id,
      sku: product.sku,
      wooProductId: item.woo_product_id ?? null,
      name: item.name ?? product.name,
      qty: item.qty,
      wholesalePriceCents: price,
      unitPriceCents: item.unit_price_cents ?? null,
    };
  });
  const now = state.now();
  const order: Order = {
    id: state.newId(),
    wooOrderId: input.woo_order_id,
    wooOrderNumber: input.woo_order_number ?? null,
    status: 'FUNDED',
    items,
    subtotalCents: items.reduce((sum, item) => sum + item.qty * item.wholesalePriceCents, 0),
    shippingEstimateCents: SHIPPING_ESTIMATE_CENTS,
    reservedCents: 0,
    actualShippingCents: null,
    customerEmail: input.customer_email ?? input.shipping_address.email ?? null,
    customerNote: input.customer_note ?? null,
    shippingAddress: { ...input.shipping_address },
    cancelReason: null,
    shipments: [],
    trackingPending: false,
    createdAt: now,
    updatedAt: now,
  };
  state.reserve(order);
  state.addOrder(order);
  return { order, created: true };
}

/** Cancels an order before it ships, releasing its reservation; a repeat changes nothing. */
export function cancelOrder(
  state: WhitelabelState,
  order: Order,
  request: { reason?: string | undefined; refund_to_wallet: boolean },
): { releasedCents: number } {
  if (order.status === 'CANCELLED' || order.status === 'REFUNDED') return { releasedCents: 0 };
  if (!CANCELLABLE.has(order.status)) throw invalidState(order, `A ${order.status} order cannot be cancelled`);
  const releasedCents = state.release(order);
  order.status = releasedCents > 0 && request.refund_to_wallet ? 'REFUNDED' : 'CANCELLED';
  order.cancelReason = request.reason ?? null;
  state.touch(order);
  return { releasedCents };
}

/** Moves an order along its pre-shipping lifecycle, reserving or releasing funds as the status requires. */
export function moveOrder(state: WhitelabelState, order: Order, status: OrderStatus): void {
  if (!NEXT_STATUSES[order.status].includes(status)) {
    throw invalidState(order, `${order.status} cannot move to ${status}`);
  }
  const reserves = RESERVING_STATUSES.has(status);
  if (reserves && order.reservedCents === 0) state.reserve(order);
  if (!reserves) state.release(order);
  order.status = status;
  state.touch(order);
}

/** One page of orders, newest first. */
export function listOrders(state: WhitelabelState, query: { status?: OrderStatus | undefined; page: number; limit: number }) {
  const matching = state
    .orders()
    .filter((order) => query.status === undefined || order.status === query.status)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  const start = (query.page - 1) * query.limit;
  return {
    orders: matching.slice(start, start + query.limit),
    total: matching.length,
  };
}

/** Orders changed strictly after `since`, oldest first; a page is extended so it never splits a timestamp. */
export function orderUpdates(state: WhitelabelState, since: number, limit: number) {
  const changed = state
    .orders()
    .filter((order) => order.updatedAt > since)
    .sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1));
  let end = Math.min(limit, changed.length);
  while (end > 0 && end < changed.length && changed[end]!.updatedAt === changed[end - 1]!.updatedAt) end += 1;
  const page = changed.slice(0, end);
  return { orders: page, hasMore: end < changed.length, nextSince: page.at(-1)?.updatedAt ?? since };
}
